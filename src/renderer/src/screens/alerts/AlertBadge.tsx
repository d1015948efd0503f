import { Badge, Button, Tooltip } from 'antd'
import { BellOutlined } from '@ant-design/icons'
import { useT } from '../../i18n'
import { hrefOf, navigate } from '../../router'
import { useCan } from '../../permissions'
import '../settlement/settlement.css'
import { useAlertCount } from '../../stores/alerts-store'

/** The inbox count in the header on every screen; kept live by the area's push subscription. */
export function AlertBadge() {
  const can = useCan('alerts.read')
  if (!can) return null
  return <LiveAlertBadge />
}

function LiveAlertBadge() {
  const t = useT()
  const count = useAlertCount()

  const active = count?.active ?? 0
  const critical = count?.critical ?? 0
  const label = t('inbox.badge', { active, critical })
  return (
    <Tooltip title={label}>
      <Button
        size="small"
        type="text"
        href={hrefOf({ name: 'alerts' })}
        onClick={(e) => {
          e.preventDefault()
          navigate({ name: 'alerts' })
        }}
        aria-label={label}
        className="app-header-muted alert-badge"
        data-active={count ? active : undefined}
      >
        <Badge count={active} size="small" color={critical > 0 ? '#f5222d' : '#fa8c16'} offset={[6, -2]} showZero={false}>
          <BellOutlined className="alert-bell" />
        </Badge>
      </Button>
    </Tooltip>
  )
}
