import type { Ctx } from '../api/context'
import { conflict, notFound } from '../api/app-error'
import { preparedQuery, type PreparedQuery } from '../store/query'

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

type UpdateParams = Record<string, SqlValue>

// Each (table, columns) shape is compiled once, on first use, then only bound: check-in and line
// saves run through here on every call. Set columns are bound as `set_<column>`.
const updates = new Map<string, PreparedQuery<UpdateParams, unknown>>()

function updateQuery(table: VersionedTable, columns: readonly string[]): PreparedQuery<UpdateParams, unknown> {
  const key = `${table}:${columns.join(',')}`
  let query = updates.get(key)
  if (!query) {
    query = preparedQuery<UpdateParams>()((db, p) =>
      db
        // The four tables share id, version and updated_at; the builder is typed by one of them.
        .updateTable(table as 'customers')
        .set((eb) => ({
          ...Object.fromEntries(columns.map((c) => [c, p[`set_${c}`]])),
          version: eb('version', '+', 1),
          updated_at: p.updated_at as string,
        }))
        .where('id', '=', p.id as number)
        .where('version', '=', p.version as number),
    )
    updates.set(key, query)
  }
  return query
}

const versionOf = Object.fromEntries(
  (Object.keys(ENTITY) as VersionedTable[]).map((table) => [
    table,
    preparedQuery<{ id: number }>()((db, p) => db.selectFrom(table as 'customers').select('version').where('id', '=', p.id)),
  ]),
) as Record<VersionedTable, PreparedQuery<{ id: number }, { version: number }>>

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
  const params: UpdateParams = { updated_at: ctx.nowIso(), id, version }
  for (const c of columns) params[`set_${c}`] = set[c] ?? null
  const result = updateQuery(table, columns).run(ctx.store, params)
  if (result.changes === 1) return
  const row = versionOf[table].first(ctx.store, { id })
  if (!row) throw notFound(ENTITY[table], id)
  throw conflict(ENTITY[table], id, version, row.version)
}
