import type { Role } from '../../../../shared/domain/roles'
import type { Route } from '../../router'

/**
 * Where each role starts its day after logging in, so the next person at a shared PC never
 * lands on the previous person's screen (or on "no access" there).
 */
export const HOME_ROUTE: Record<Role, Route> = {
  service_manager: { name: 'dashboard' },
  front_desk_supervisor: { name: 'care' },
  service_advisor: { name: 'reception' },
  workshop_supervisor: { name: 'workshop' },
  technician: { name: 'workshop', tab: 'clock' },
  technical_supervisor: { name: 'workshop', tab: 'qc' },
  parts_supervisor: { name: 'parts', view: { kind: 'tab', tab: 'counter' } },
  parts_clerk: { name: 'parts', view: { kind: 'tab', tab: 'counter' } },
  warranty_clerk: { name: 'warranty' },
  cashier: { name: 'settlement' },
  administrator: { name: 'dataAdmin' },
}
