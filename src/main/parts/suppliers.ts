import { sql, type InferResult } from 'kysely'
import type { Ctx, UserCtx } from '../api/context'
import { all, first, insertId } from '../store/query'
import { AppError, notFound } from '../api/app-error'
import type { Store } from '../store/open'
import type { In, Out } from './types'
import { cleanText } from './part-key'
import { expectVersion, updateVersioned } from '../api/versioned'

// Suppliers (供应商): the maker's parts centre, local distributors, the shops external parts come from.

type SupplierOut = Out<'purchasing.suppliers.save'>

const selectSuppliers = (store: Store) => store.db.selectFrom('suppliers').select(['id', 'code', 'name', 'contact', 'phone', 'note', 'active', 'version'])

type SupplierRow = InferResult<ReturnType<typeof selectSuppliers>>[number]

const toOut = (r: SupplierRow): SupplierOut => ({
  id: r.id,
  code: r.code,
  name: r.name,
  contact: r.contact,
  phone: r.phone,
  note: r.note,
  active: r.active === 1,
  version: r.version,
})

export function supplierById(store: Store, id: number): SupplierOut {
  const row = first(store, selectSuppliers(store).where('id', '=', id))
  if (!row) throw notFound('entity.supplier', id)
  return toOut(row)
}

export function listSuppliers(ctx: Ctx, input: In<'purchasing.suppliers.list'>): Out<'purchasing.suppliers.list'> {
  const like = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const rows = all(
    ctx.store,
    selectSuppliers(ctx.store)
      .where(sql<boolean>`(${input.includeInactive ? 1 : 0} = 1 OR active = 1) AND (code LIKE ${like} ESCAPE '\\' OR name LIKE ${like} ESCAPE '\\')`)
      .orderBy('code')
      .limit(500),
  )
  return rows.map(toOut)
}

const blank = (t: string | undefined) => (t === undefined || cleanText(t) === '' ? null : cleanText(t))

export function saveSupplier(ctx: UserCtx, input: In<'purchasing.suppliers.save'>): Out<'purchasing.suppliers.save'> {
  const taken = first(ctx.store, ctx.store.db.selectFrom('suppliers').select('id').where('code', '=', input.code))
  if (taken && taken.id !== input.id) {
    throw new AppError('DUPLICATE', 'error.DUPLICATE', { entity: 'entity.supplier', value: input.code }, { fields: [{ field: 'code', message: 'parts.supplierCodeTaken' }] })
  }
  const fields = { code: input.code, name: cleanText(input.name), contact: blank(input.contact), phone: blank(input.phone), note: blank(input.note), active: input.active ? 1 : 0 }
  let id: number
  if (input.id === undefined) {
    const now = ctx.nowIso()
    id = insertId(ctx.store, ctx.store.db.insertInto('suppliers').values({ ...fields, created_at: now, updated_at: now }))
    ctx.audit({ action: 'supplier.create', entity: 'supplier', entityId: id, detail: { after: fields } })
  } else {
    const before = supplierById(ctx.store, input.id)
    if (input.version === undefined) throw new AppError('VALIDATION', 'parts.versionRequired')
    expectVersion('suppliers', input.id, input.version, before.version)
    updateVersioned(ctx, 'suppliers', input.id, input.version, fields)
    id = input.id
    ctx.audit({ action: 'supplier.update', entity: 'supplier', entityId: id, detail: { before, after: fields } })
  }
  return supplierById(ctx.store, id)
}
