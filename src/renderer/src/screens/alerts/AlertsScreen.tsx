import { Badge, Tabs } from 'antd'
import { useT } from '../../i18n'
import { navigate, type AlertsTab } from '../../router'
import { Forbidden } from '../shell/Forbidden'
import { StaleBanner } from '../settlement/SettlementScreen'
import { useCan } from '../../permissions'
import { InboxView } from './InboxView'
import { RulesView } from './RulesView'
import '../settlement/settlement.css'
import { useAlertCount } from '../../stores/alerts-store'

/** 提醒: the inbox of the person's role, pushed live, and the rules that fill it. */
export function AlertsScreen({ tab = 'inbox' }: { tab?: AlertsTab }) {
  const t = useT()
  const canRead = useCan('alerts.read')
  const active = useAlertCount()?.active ?? 0
  if (!canRead) return <Forbidden />

  return (
    <div className="stl-screen">
      <StaleBanner />
      <Tabs
        size="small"
        activeKey={tab}
        destroyOnHidden
        onChange={(key) => navigate({ name: 'alerts', tab: key as AlertsTab })}
        items={[
          {
            key: 'inbox',
            label: (
              <Badge count={active} size="small" offset={[8, -2]}>
                <span>{t('inbox.title')}</span>
              </Badge>
            ),
            children: <InboxView />,
          },
          { key: 'rules', label: t('ruleEd.list'), children: <RulesView /> },
        ]}
      />
    </div>
  )
}
