// Who may receive which live event. A stream (SSE or an Electron window) gets an event only when
// its user's role holds one of the permissions listed for the event's type; a type missing here is
// sent to nobody, and a test fails when code emits a type this table does not name.
import { roleHas, type Permission, type Role } from '../domain/roles'

const RECEPTION: Permission[] = ['reception.read']
const PARTS: Permission[] = ['parts.read', 'parts.issue', 'catalog.read']
const DATA: Permission[] = ['data.export', 'data.backup']

export const EVENT_READERS: Record<string, readonly Permission[]> = {
  'ro.changed': RECEPTION,
  'ro.parts': [...RECEPTION, ...PARTS],
  'customer.changed': RECEPTION,
  'vehicle.changed': RECEPTION,
  'appointment.changed': RECEPTION,
  'workshop.changed': ['workshop.read'],
  'settlement.changed': ['settlement.read', 'reception.read'],
  'part.changed': PARTS,
  'stock.changed': PARTS,
  'parts.imported': PARTS,
  'po.changed': ['parts.read', 'parts.purchase'],
  'stocktake.changed': ['parts.read', 'parts.stocktake', 'parts.stocktake.approve'],
  'oldpart.changed': ['parts.read', 'parts.issue', 'workshop.read'],
  'external.changed': ['parts.read', 'parts.purchase', 'parts.external.confirm'],
  'alerts.changed': ['alerts.read'],
  'warranty.changed': ['warranty.read'],
  'care.changed': ['care.read'],
  'rules.changed': ['alerts.read', 'rules.manage'],
  'data.export.requested': DATA,
  'data.export.resend': DATA,
  'data.backup.requested': DATA,
  'data.restore.requested': DATA,
  'data.export.built': DATA,
  'data.delivery.changed': DATA,
  'data.backup.done': DATA,
  'data.restored': DATA,
  'data.job.failed': DATA,
  'department.changed': ['department.read'],
  'csi.changed': ['care.read'],
  'attachments.changed': ['attachments.read'],
  'campaign.changed': ['care.read', 'department.read', 'reception.read'],
}

/** The workshop wall display has no user; it reads what the board shows. */
export const DISPLAY_PERMISSIONS: readonly Permission[] = ['workshop.read', 'reception.read']

export function roleMayReceive(role: Role, type: string): boolean {
  const readers = EVENT_READERS[type]
  return readers !== undefined && readers.some((p) => roleHas(role, p))
}

export function displayMayReceive(type: string): boolean {
  const readers = EVENT_READERS[type]
  return readers !== undefined && readers.some((p) => DISPLAY_PERMISSIONS.includes(p))
}
