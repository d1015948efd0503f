import type { Ctx, UserCtx } from '../api/context'
import { AppError, notFound } from '../api/app-error'
import type { CustomerOut, In, Out } from './types'
import { expectVersion, updateVersioned } from './versioned'
import { listOwnedVehicles } from './vehicle-rows'

// Customers (客户). Mobile numbers are not unique: families and fleets share one. But a second
// customer on a number already held is far more often the same person registered twice, so
// it is refused unless the desk confirmed the number is shared (`sharedMobile`).

export interface CustomerRow {
  id: number
  name: string
  kind: 'person' | 'company'
  mobile: string | null
  phone2: string | null
  address: string | null
  note: string | null
  version: number
}

const COLUMNS = 'id, name, kind, mobile, phone2, address, note, version'

export function customerOf(row: CustomerRow): CustomerOut {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    mobile: row.mobile,
    phone2: row.phone2,
    address: row.address,
    note: row.note,
    version: row.version,
  }
}

export function findCustomer(ctx: Ctx, id: number): CustomerRow | undefined {
  return ctx.store.prepare(`SELECT ${COLUMNS} FROM customers WHERE id = ?`).get(id) as CustomerRow | undefined
}

export function loadCustomer(ctx: Ctx, id: number): CustomerRow {
  const row = findCustomer(ctx, id)
  if (!row) throw notFound('entity.customer', id)
  return row
}

/**
 * Refuses a mobile another customer already has, naming them so the desk can use that customer
 * (`details.existingCustomerId`); `field` is where the form shows it (`newOwner.mobile`).
 */
export function refuseTakenMobile(ctx: Ctx, mobile: string | undefined, exceptId: number | null, field = 'mobile'): void {
  if (!mobile) return
  const row = ctx.store
    .prepare('SELECT id, name FROM customers WHERE mobile = ? AND id IS NOT ? ORDER BY id LIMIT 1')
    .get(mobile, exceptId) as { id: number; name: string } | undefined
  if (!row) return
  throw new AppError('DUPLICATE', 'reception.mobileTaken', { name: row.name }, {
    fields: [{ field, message: 'reception.mobileTaken' }],
    existingCustomerId: row.id,
    existingCustomerName: row.name,
  })
}

export function createCustomer(ctx: UserCtx, input: In<'customers.create'>, mobileField = 'mobile'): CustomerOut {
  if (!input.sharedMobile) refuseTakenMobile(ctx, input.mobile, null, mobileField)
  const now = ctx.nowIso()
  const id = Number(
    ctx.store
      .prepare(
        `INSERT INTO customers (name, kind, mobile, phone2, address, note, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.name,
        input.kind,
        input.mobile ?? null,
        input.phone2 ?? null,
        emptyToNull(input.address),
        emptyToNull(input.note),
        now,
        now,
      ).lastInsertRowid,
  )
  const after = customerOf(loadCustomer(ctx, id))
  ctx.audit({ action: 'customer.create', entity: 'customer', entityId: id, detail: { after } })
  ctx.events.emit({ type: 'customer.changed', id })
  return after
}

export function updateCustomer(ctx: UserCtx, input: In<'customers.update'>): CustomerOut {
  const before = loadCustomer(ctx, input.id)
  expectVersion('customers', input.id, input.version, before.version)
  if (!input.sharedMobile && input.mobile !== undefined && input.mobile !== before.mobile) refuseTakenMobile(ctx, input.mobile, input.id)
  const set: Record<string, string | null> = {}
  if (input.name !== undefined) set.name = input.name
  if (input.kind !== undefined) set.kind = input.kind
  if (input.mobile !== undefined) set.mobile = input.mobile
  if (input.phone2 !== undefined) set.phone2 = input.phone2
  if (input.address !== undefined) set.address = emptyToNull(input.address)
  if (input.note !== undefined) set.note = emptyToNull(input.note)
  updateVersioned(ctx, 'customers', input.id, input.version, set)
  const after = customerOf(loadCustomer(ctx, input.id))
  ctx.audit({ action: 'customer.update', entity: 'customer', entityId: input.id, detail: { before: customerOf(before), after } })
  ctx.events.emit({ type: 'customer.changed', id: input.id })
  return after
}

export function getCustomer(ctx: Ctx, input: In<'customers.get'>): Out<'customers.get'> {
  const customer = customerOf(loadCustomer(ctx, input.id))
  return { customer, vehicles: listOwnedVehicles(ctx, input.id) }
}

/** Optional free text: an empty string means "nothing", stored as NULL. */
export function emptyToNull(value: string | undefined): string | null {
  return value === undefined || value === '' ? null : value
}
