import { Button, Card, Tooltip, Typography } from 'antd'
import { useT } from '../../i18n'
import { navigate } from '../../router'
import { ShortcutList } from '../shell/ShortcutList'
import { useDenied } from '../../permissions'

export function DeskHint() {
  const t = useT()
  const denied = useDenied('customers.write')
  return (
    <Card size="small" title={t('desk.title')}>
      <Typography.Paragraph>{t('desk.hint')}</Typography.Paragraph>
      {/* Disabled with the reason for roles that may not register, before anyone starts typing. */}
      <Tooltip title={denied}>
        <Button type="primary" disabled={denied !== null} onClick={() => navigate({ name: 'reception', register: true })}>
          {t('desk.newCustomer')}
        </Button>
      </Tooltip>
      {denied && (
        <Typography.Text type="secondary" className="denied-reason">
          {denied}
        </Typography.Text>
      )}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('shell.shortcuts')}
      </Typography.Title>
      <ShortcutList />
    </Card>
  )
}
