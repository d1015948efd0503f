import type { Ctx } from '../api/context'
import { conflict, notFound } from '../api/app-error'

// Optimistic concurrency for the parts documents several people edit (part, PO, stocktake …):
// a write names the version it was based on; a stale one is refused with CONFLICT.

export type PartsVersioned = 'parts' | 'suppliers' | 'purchase_orders' | 'external_purchases' | 'old_parts' | 'stocktakes'
type SqlValue = string | number | null

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

/** `UPDATE … SET …, version = version + 1 WHERE id = ? AND version = ?`; column names come from code. */
export function updateVersioned(ctx: Ctx, table: PartsVersioned, id: number, version: number, set: Record<string, SqlValue>): void {
  const columns = Object.keys(set)
  const extra = HAS_UPDATED_AT.has(table) ? ['updated_at = ?'] : []
  const assignments = [...columns.map((c) => `${c} = ?`), 'version = version + 1', ...extra].join(', ')
  const values = [...columns.map((c) => set[c] ?? null), ...(extra.length ? [ctx.nowIso()] : [])]
  const result = ctx.store.prepare(`UPDATE ${table} SET ${assignments} WHERE id = ? AND version = ?`).run(...values, id, version)
  if (result.changes === 1) return
  const row = ctx.store.prepare(`SELECT version FROM ${table} WHERE id = ?`).get(id) as { version: number } | undefined
  if (!row) throw notFound(ENTITY[table], id)
  throw conflict(ENTITY[table], id, version, row.version)
}

/** The next number of a yearly series (`PO2026000012`), bumped in the caller's transaction. */
export function nextNumber(ctx: Ctx, prefix: 'PO' | 'ST' | 'OP', year: number): string {
  const row = ctx.store
    .prepare(`INSERT INTO sequences (name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value`)
    .get(`${prefix.toLowerCase()}:${year}`) as { value: number }
  return `${prefix}${year}${String(row.value).padStart(6, '0')}`
}
