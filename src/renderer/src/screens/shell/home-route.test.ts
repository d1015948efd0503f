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
