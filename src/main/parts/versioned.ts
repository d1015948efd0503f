import { sql, type Updateable } from 'kysely'
import type { Ctx } from '../api/context'
import type { DB } from '../store/schema'
import { first, sqlFirst, sqlRun } from '../store/query'
import { conflict, notFound } from '../api/app-error'

// Optimistic concurrency for the parts documents several people edit (part, PO, stocktake …):
// a write names the version it was based on; a stale one is refused with CONFLICT.

export type PartsVersioned = 'parts' | 'suppliers' | 'purchase_orders' | 'external_purchases' | 'old_parts' | 'stocktakes'

const ENTITY: Record<PartsVersioned, string> = {
  parts: 'entity.part',
  suppliers: 'entity.supplier',
  purchase_orders: 'entity.purchaseOrder',
  external_purchases: 'entity.externalPurchase',
  old_parts: 'entity.oldPart',
  stocktakes: 'entity.stocktake',
}
const HAS_UPDATED_AT: ReadonlySet<PartsVersioned> = new Set(['parts', 'suppliers', 'purchase_orders', 'stocktakes'])

export function entityOf(table: PartsVersioned): string {
  return ENTITY[table]
}

/** Refuses before any work when the caller's copy is out of date. */
export function expectVersion(table: PartsVersioned, id: number, expected: number, actual: number): void {
  if (expected !== actual) throw conflict(ENTITY[table], id, expected, actual)
}

/** `UPDATE … SET …, version = version + 1 WHERE id = ? AND version = ?`; the columns are checked against the table's schema. */
export function updateVersioned<T extends PartsVersioned>(
  ctx: Ctx,
  table: T,
  id: number,
  version: number,
  set: Omit<Updateable<DB[T]>, 'id' | 'version' | 'updated_at'>,
): void {
  const values: Record<string, unknown> = set
  const assignments = [
    ...Object.keys(values).map((column) => sql`${sql.ref(column)} = ${values[column] ?? null}`),
    sql`version = version + 1`,
    ...(HAS_UPDATED_AT.has(table) ? [sql`updated_at = ${ctx.nowIso()}`] : []),
  ]
  // raw SQL: one update for six tables chosen by the caller (the builder types one table at a time); columns are typed by the signature
  const result = sqlRun(ctx.store, sql`UPDATE ${sql.table(table)} SET ${sql.join(assignments)} WHERE id = ${id} AND version = ${version}`)
  if (result.changes === 1) return
  // raw SQL: the same table chosen by the caller
  const row = sqlFirst<{ version: number }>(ctx.store, sql`SELECT version FROM ${sql.table(table)} WHERE id = ${id}`)
  if (!row) throw notFound(ENTITY[table], id)
  throw conflict(ENTITY[table], id, version, row.version)
}

/** The next number of a yearly series (`PO2026000012`), bumped in the caller's transaction. */
export function nextNumber(ctx: Ctx, prefix: 'PO' | 'ST' | 'OP', year: number): string {
  const row = first(
    ctx.store,
    ctx.store.db
      .insertInto('sequences')
      .values({ name: `${prefix.toLowerCase()}:${year}`, value: 1 })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql<number>`value + 1` }))
      .returning('value'),
  )!
  return `${prefix}${year}${String(row.value).padStart(6, '0')}`
}
