import { describe, expect, it } from 'vitest'
import { ROLES, roleHas } from '../../../../shared/domain/roles'
import { hrefOf, parseRoute } from '../../router'
import { HOME_ROUTE } from './home-route'
import { NAV_ITEMS, selectedNavKey } from './nav-items'

describe('the home screen of each role', () => {
  it('is a screen the role may open, reachable by its own address', () => {
    for (const role of ROLES) {
      const home = HOME_ROUTE[role]
      const nav = NAV_ITEMS.find((item) => item.key === selectedNavKey(home))
      expect(nav, role).toBeDefined()
      expect(roleHas(role, nav!.permission), `${role} → ${nav!.key}`).toBe(true)
      expect(parseRoute(hrefOf(home)), role).toEqual(home)
    }
  })

  it('puts technicians on their job clock and the technical supervisor on final inspection', () => {
    expect(HOME_ROUTE.technician).toEqual({ name: 'workshop', tab: 'clock' })
    expect(HOME_ROUTE.technical_supervisor).toEqual({ name: 'workshop', tab: 'qc' })
  })
})

describe('the audit screen in the navigation', () => {
  const navOf = (role: (typeof ROLES)[number]) => NAV_ITEMS.filter((item) => roleHas(role, item.permission)).map((item) => item.key)

  it('is offered to every holder of audit.read, and to no one else', () => {
    for (const role of ROLES) expect(navOf(role).includes('audit'), role).toBe(roleHas(role, 'audit.read'))
  })

  it('lets the front-desk supervisor read the trail though 数据管理 stays closed to them', () => {
    expect(navOf('front_desk_supervisor')).toContain('audit')
    expect(navOf('front_desk_supervisor')).not.toContain('dataAdmin')
    expect(navOf('service_advisor')).not.toContain('audit')
    expect(navOf('technician')).not.toContain('audit')
  })

  it('has its own address, tab and shortcut, distinct from every other item', () => {
    const audit = NAV_ITEMS.find((item) => item.key === 'audit')!
    expect(selectedNavKey(parseRoute('#/audit?tab=logins'))).toBe('audit')
    expect(parseRoute(hrefOf({ name: 'audit', tab: 'logins' }))).toEqual({ name: 'audit', tab: 'logins' })
    expect(new Set(NAV_ITEMS.map((item) => item.shortcut)).size).toBe(NAV_ITEMS.length)
    expect(audit.shortcut).toBe('Alt+0')
  })
})
