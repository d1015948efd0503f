import { Button, Card, Typography } from 'antd'
import { useT } from '../../i18n'
import { navigate } from '../../router'
import { ShortcutList } from '../shell/ShortcutList'

export function DeskHint() {
  const t = useT()
  return (
    <Card size="small" title={t('desk.title')}>
      <Typography.Paragraph>{t('desk.hint')}</Typography.Paragraph>
      <Button type="primary" onClick={() => navigate({ name: 'reception', register: true })}>
        {t('desk.newCustomer')}
      </Button>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('shell.shortcuts')}
      </Typography.Title>
      <ShortcutList />
    </Card>
  )
}
