import type { Ctx, UserCtx } from '../api/context'
import { AppError, notFound } from '../api/app-error'
import { preparedQuery } from '../store/query'
import type { CustomerOut, In, Out } from './types'
import { expectVersion, updateVersioned } from '../api/versioned'
import { listOwnedVehicles } from './vehicle-rows'

// Customers (客户). Mobile numbers are not unique: families and fleets share one. But a second
// customer on a number already held is far more often the same person registered twice, so
// it is refused unless the desk confirmed the number is shared (`sharedMobile`).

const customerById = preparedQuery<{ id: number }>()((db, p) =>
  db.selectFrom('customers').select(['id', 'name', 'kind', 'mobile', 'phone2', 'address', 'note', 'version']).where('id', '=', p.id),
)
const holderOfMobile = preparedQuery<{ mobile: string; exceptId: number | null }>()((db, p) =>
  db.selectFrom('customers').select(['id', 'name']).where('mobile', '=', p.mobile).where('id', 'is not', p.exceptId).orderBy('id').limit(1),
)
const insertCustomer = preparedQuery<{
  name: string
  kind: 'person' | 'company'
  mobile: string | null
  phone2: string | null
  address: string | null
  note: string | null
  now: string
}>()((db, p) =>
  db.insertInto('customers').values({
    name: p.name,
    kind: p.kind,
    mobile: p.mobile,
    phone2: p.phone2,
    address: p.address,
    note: p.note,
    created_at: p.now,
    updated_at: p.now,
  }),
)

export type CustomerRow = NonNullable<ReturnType<typeof customerById.first>>

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
  return customerById.first(ctx.store, { id })
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
  const row = holderOfMobile.first(ctx.store, { mobile, exceptId })
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
    insertCustomer.run(ctx.store, {
      name: input.name,
      kind: input.kind,
      mobile: input.mobile ?? null,
      phone2: input.phone2 ?? null,
      address: emptyToNull(input.address),
      note: emptyToNull(input.note),
      now,
    }).lastInsertRowid,
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
