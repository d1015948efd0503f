import { Alert, Tabs } from 'antd'
import { useStore } from 'zustand'
import { useSessionStore, useT } from '../../i18n'
import { navigate, type SettlementTab } from '../../router'
import { Forbidden } from '../shell/Forbidden'
import { QueueTable } from './QueueTable'
import { ReceivablesView } from './ReceivablesView'
import { InsurerReceivablesView } from './InsurerReceivablesView'
import { useCan } from '../../permissions'
import './settlement.css'

/** While the push channel is down what shows may be out of date: say so. */
export function StaleBanner() {
  const t = useT()
  const live = useStore(useSessionStore(), (s) => s.live)
  if (live !== 'stale') return null
  return <Alert type="warning" showIcon banner role="alert" className="stl-stale" title={t('stl.stale')} />
}

/** 结算: the cashier's queue (ready, settled and waiting for the customer) and the receivables. */
export function SettlementScreen({ tab = 'ready' }: { tab?: SettlementTab }) {
  const t = useT()
  const canRead = useCan('settlement.read')
  const canReceivables = useCan('receivables.read')
  if (!canRead) return <Forbidden />

  const items = [
    { key: 'ready', label: t('stl.tab.ready'), children: <QueueTable state="ready" /> },
    { key: 'settled', label: t('stl.tab.settled'), children: <QueueTable state="settled" /> },
  ]
  if (canReceivables) items.push({ key: 'receivables', label: t('stl.tab.receivables'), children: <ReceivablesView /> })
  if (canReceivables) items.push({ key: 'insurers', label: t('insr.tab'), children: <InsurerReceivablesView /> })
  const active = items.some((i) => i.key === tab) ? tab : 'ready'

  return (
    <div className="stl-screen">
      <StaleBanner />
      <Tabs
        size="small"
        activeKey={active}
        destroyOnHidden
        onChange={(key) => navigate({ name: 'settlement', tab: key as SettlementTab })}
        items={items}
      />
    </div>
  )
}
