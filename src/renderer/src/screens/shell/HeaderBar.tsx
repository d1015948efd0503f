import { Badge, Button, Layout, Popover, Space, Tag, Typography } from 'antd'
import { useStore } from 'zustand'
import { useSessionStore, useT } from '../../i18n'
import { LocaleSwitch } from '../../components/LocaleSwitch'
import { ShortcutList } from './ShortcutList'
import { AlertBadge } from '../alerts/AlertBadge'
import { TerminalBadge } from './TerminalBadge'

export function HeaderBar() {
  const t = useT()
  const session = useSessionStore()
  const user = useStore(session, (s) => s.user)
  const dealer = useStore(session, (s) => s.settings?.dealerName ?? s.setup?.dealerName ?? '')
  const demo = useStore(session, (s) => s.setup?.demo ?? false)
  const live = useStore(session, (s) => s.live)

  return (
    <Layout.Header className="app-header" role="banner">
      <div className="app-header-title">
        <Typography.Text strong className="app-header-dealer">
          {dealer}
        </Typography.Text>
        <Typography.Text className="app-header-product">{t('app.title')}</Typography.Text>
        {demo && <Tag color="gold">{t('app.demoTag')}</Tag>}
      </div>
      <Space size="middle" className="app-header-right">
        <AlertBadge />
        <TerminalBadge />
        <Badge
          status={live === 'connected' ? 'success' : live === 'stale' ? 'error' : 'processing'}
          text={<span className="app-header-muted">{t(`shell.live.${live}`)}</span>}
        />
        <Popover content={<ShortcutList />} title={t('shell.shortcuts')} trigger="click">
          <Button size="small" type="text" className="app-header-muted">
            {t('shell.shortcutsButton')}
          </Button>
        </Popover>
        <LocaleSwitch />
        {user && (
          <span className="app-header-user" aria-label={t('shell.currentUser')}>
            {user.displayName} <Tag>{t(`role.${user.role}`)}</Tag>
          </span>
        )}
        <Button size="small" onClick={() => void session.getState().logout()}>
          {t('shell.logout')}
        </Button>
      </Space>
    </Layout.Header>
  )
}
