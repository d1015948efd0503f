import { Tabs } from 'antd'
import { useT } from '../../i18n'
import { navigate, type WarrantyTab } from '../../router'
import { useCan } from '../../permissions'
import { Forbidden } from '../shell/Forbidden'
import { TodayView } from './TodayView'
import { ClaimListView } from './ClaimListView'
import { PaymentListView } from './PaymentListView'
import { ShelfView } from './ShelfView'
import { ShipmentsView } from './ShipmentsView'
import { VehicleView } from './VehicleView'
import { CoverageCallList } from './CoverageCallList'
import { FirstServiceList } from './FirstServiceList'
import { RegistersView } from './registers/RegistersView'
import { SettingsView } from './settings/SettingsView'
import './warranty.css'

/** 三包索赔: the warranty clerk's desk — today's work and every claim. */
export function WarrantyScreen({ tab = 'today' }: { tab?: WarrantyTab }) {
  const t = useT()
  if (!useCan('warranty.read')) return <Forbidden />
  return (
    <div className="wty-screen">
      <h2 className="wty-title">{t('wty.title')}</h2>
      <Tabs
        size="small"
        activeKey={tab}
        destroyOnHidden
        onChange={(key) => navigate({ name: 'warranty', tab: key as WarrantyTab })}
        items={[
          { key: 'today', label: t('wty.tab.today'), children: <TodayView /> },
          { key: 'claims', label: t('wty.tab.claims'), children: <ClaimListView /> },
          { key: 'payments', label: t('wty.tab.payments'), children: <PaymentListView /> },
          { key: 'shelf', label: t('wty.tab.shelf'), children: <ShelfView /> },
          { key: 'shipments', label: t('wty.tab.shipments'), children: <ShipmentsView /> },
          { key: 'vehicle', label: t('sanbao.tab'), children: <VehicleView /> },
          { key: 'calls', label: t('wty.tab.calls'), children: <CoverageCallList /> },
          { key: 'firstService', label: t('wty.tab.firstService'), children: <FirstServiceList /> },
          { key: 'registers', label: t('wty.tab.registers'), children: <RegistersView /> },
          { key: 'settings', label: t('wty.tab.settings'), children: <SettingsView /> },
        ]}
      />
    </div>
  )
}
