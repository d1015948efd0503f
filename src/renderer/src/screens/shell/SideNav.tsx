import { Layout, Menu } from 'antd'
import { useStore } from 'zustand'
import type { Permission } from '../../../../shared/domain/roles'
import type { MessageKey } from '../../../../shared/i18n'
import { useSessionStore, useT } from '../../i18n'
import { hrefOf, navigate, type Route } from '../../router'

interface NavItem {
  key: 'reception' | 'roList' | 'appointments' | 'workshop' | 'parts' | 'settlement' | 'alerts' | 'dashboard'
  label: MessageKey
  permission: Permission
  shortcut: string
  route: Route
}

// Later areas (workshop, parts, settlement) add their entries here with their own permission.
const ITEMS: NavItem[] = [
  { key: 'reception', label: 'nav.reception', permission: 'reception.read', shortcut: 'Alt+1', route: { name: 'reception' } },
  { key: 'roList', label: 'nav.roList', permission: 'reception.read', shortcut: 'Alt+2', route: { name: 'roList' } },
  { key: 'appointments', label: 'nav.appointments', permission: 'reception.read', shortcut: 'Alt+3', route: { name: 'appointments' } },
  { key: 'workshop', label: 'wk.nav', permission: 'workshop.read', shortcut: 'Alt+4', route: { name: 'workshop' } },
  { key: 'parts', label: 'nav.parts', permission: 'parts.read', shortcut: 'Alt+5', route: { name: 'parts', view: { kind: 'tab', tab: 'counter' } } },
  { key: 'settlement', label: 'stl.nav', permission: 'settlement.read', shortcut: 'Alt+7', route: { name: 'settlement' } },
  { key: 'alerts', label: 'inbox.nav', permission: 'alerts.read', shortcut: 'Alt+8', route: { name: 'alerts' } },
  { key: 'dashboard', label: 'dash.nav', permission: 'dashboard.read', shortcut: 'Alt+9', route: { name: 'dashboard' } },
]

function selectedKey(route: Route): NavItem['key'] {
  if (route.name === 'roList' || route.name === 'ro' || route.name === 'roPrint') return 'roList'
  if (route.name === 'appointments') return 'appointments'
  if (route.name === 'workshop' || route.name === 'workshopRo' || route.name === 'jobCard') return 'workshop'
  if (route.name === 'parts') return 'parts'
  if (route.name === 'settlement' || route.name === 'settleRo' || route.name === 'statement' || route.name === 'gatePass') return 'settlement'
  if (route.name === 'alerts') return 'alerts'
  if (route.name === 'dashboard') return 'dashboard'
  return 'reception'
}

export function SideNav({ route }: { route: Route }) {
  const t = useT()
  const permissions = useStore(useSessionStore(), (s) => s.user?.permissions)
  const items = ITEMS.filter((item) => permissions?.includes(item.permission))
  return (
    <Layout.Sider width={168} theme="light" className="app-sider" role="navigation" aria-label={t('nav.label')}>
      <Menu
        mode="inline"
        selectedKeys={[selectedKey(route)]}
        items={items.map((item) => ({
          key: item.key,
          label: (
            <a href={hrefOf(item.route)} className="nav-link">
              <span>{t(item.label)}</span>
              <span className="nav-shortcut">{item.shortcut}</span>
            </a>
          ),
        }))}
        onClick={({ key }) => {
          const item = ITEMS.find((i) => i.key === key)
          if (item) navigate(item.route)
        }}
      />
    </Layout.Sider>
  )
}
