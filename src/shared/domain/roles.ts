// Roles from the after-sales manual (section 1, job duties) and the permissions each holds.
// Permissions are checked in the main process only; the renderer uses them to hide what a role
// cannot do, never to allow anything.

export const PERMISSIONS = [
  'reception.read', // search, customer/vehicle records, RO list and view
  'customers.write', // register and edit customers and vehicles, change owner
  'odometer.override', // let an odometer reading go backwards (recorded)
  'appointments.write',
  'ro.write', // check in, write estimates, edit lines
  'ro.authorise', // record the customer's authorisation
  'ro.cancel',
  'catalog.read', // read the parts catalogue (estimate part lines)
  'users.manage',
  'settings.manage',
  'audit.read',
] as const
export type Permission = (typeof PERMISSIONS)[number]

export const ROLES = [
  'service_manager',
  'front_desk_supervisor',
  'service_advisor',
  'workshop_supervisor',
  'technician',
  'technical_supervisor',
  'parts_supervisor',
  'parts_clerk',
  'warranty_clerk',
  'cashier',
  'administrator',
] as const
export type Role = (typeof ROLES)[number]

const advisor: Permission[] = [
  'reception.read',
  'customers.write',
  'appointments.write',
  'ro.write',
  'ro.authorise',
  'catalog.read',
]

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  service_manager: [...advisor, 'odometer.override', 'ro.cancel', 'settings.manage', 'audit.read'],
  front_desk_supervisor: [...advisor, 'odometer.override', 'ro.cancel', 'audit.read'],
  service_advisor: advisor,
  workshop_supervisor: ['reception.read', 'catalog.read'],
  technician: ['reception.read', 'catalog.read'],
  technical_supervisor: ['reception.read', 'catalog.read'],
  parts_supervisor: ['reception.read', 'catalog.read'],
  parts_clerk: ['reception.read', 'catalog.read'],
  warranty_clerk: ['reception.read', 'catalog.read'],
  cashier: ['reception.read', 'catalog.read'],
  administrator: [...PERMISSIONS],
}

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission)
}
