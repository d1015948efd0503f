import type { Ctx } from '../api/context'
import { conflict, notFound } from '../api/app-error'

// Optimistic concurrency for documents several people edit at once: every write names the version
// it was based on, and a stale one is refused with CONFLICT instead of silently overwriting.

export type VersionedTable = 'customers' | 'vehicles' | 'appointments' | 'repair_orders'
export type SqlValue = string | number | null

const ENTITY: Record<VersionedTable, string> = {
  customers: 'entity.customer',
  vehicles: 'entity.vehicle',
  appointments: 'entity.appointment',
  repair_orders: 'entity.repairOrder',
}

/** Refuses early, before any work, when the caller's copy is out of date. */
export function expectVersion(table: VersionedTable, id: number, expected: number, actual: number): void {
  if (expected !== actual) throw conflict(ENTITY[table], id, expected, actual)
}

/**
 * `UPDATE … SET …, version = version + 1 WHERE id = ? AND version = ?`; exactly one row must
 * change. Column names come from code, never from input.
 */
export function updateVersioned(
  ctx: Ctx,
  table: VersionedTable,
  id: number,
  version: number,
  set: Record<string, SqlValue>,
): void {
  const columns = Object.keys(set)
  const assignments = [...columns.map((c) => `${c} = ?`), 'version = version + 1', 'updated_at = ?'].join(', ')
  const result = ctx.store
    .prepare(`UPDATE ${table} SET ${assignments} WHERE id = ? AND version = ?`)
    .run(...columns.map((c) => set[c] ?? null), ctx.nowIso(), id, version)
  if (result.changes === 1) return
  const row = ctx.store.prepare(`SELECT version FROM ${table} WHERE id = ?`).get(id) as { version: number } | undefined
  if (!row) throw notFound(ENTITY[table], id)
  throw conflict(ENTITY[table], id, version, row.version)
}
