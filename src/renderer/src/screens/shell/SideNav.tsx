import { Layout, Menu } from 'antd'
import { useT } from '../../i18n'
import { useCanCheck } from '../../permissions'
import { hrefOf, navigate, type Route } from '../../router'
import { NAV_ITEMS, selectedNavKey } from './nav-items'

export function SideNav({ route }: { route: Route }) {
  const t = useT()
  const can = useCanCheck()
  const items = NAV_ITEMS.filter((item) => can(item.permission))
  return (
    <Layout.Sider width={168} theme="light" className="app-sider" role="navigation" aria-label={t('nav.label')}>
      <Menu
        mode="inline"
        selectedKeys={[selectedNavKey(route)]}
        items={items.map((item) => ({
          key: item.key,
          label: (
            <a href={hrefOf(item.route)} className="nav-link">
              <span title={t(item.label)}>{t(item.label)}</span>
              <span className="nav-shortcut">{item.shortcut}</span>
            </a>
          ),
        }))}
        onClick={({ key }) => {
          const item = NAV_ITEMS.find((i) => i.key === key)
          if (item) navigate(item.route)
        }}
      />
    </Layout.Sider>
  )
}
