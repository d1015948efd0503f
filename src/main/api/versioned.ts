import type { Updateable } from 'kysely'
import type { Ctx } from './context'
import { conflict, notFound } from './app-error'
import type { MessageKey } from '../../shared/i18n'
import { preparedQuery, type PreparedQuery } from '../store/query'
import type { DB } from '../store/schema'

// Optimistic concurrency for every document several people edit at once (customer, RO, part, PO,
// stocktake, claim, call task, complaint …): a write names the version it was based on, and a stale
// one is refused with CONFLICT instead of silently overwriting; a missing row is NOT_FOUND. One
// helper for the whole app; a table joins by its line below.

export const VERSIONED = {
  customers: { entity: 'entity.customer', updatedAt: true },
  vehicles: { entity: 'entity.vehicle', updatedAt: true },
  appointments: { entity: 'entity.appointment', updatedAt: true },
  repair_orders: { entity: 'entity.repairOrder', updatedAt: true },
  parts: { entity: 'entity.part', updatedAt: true },
  suppliers: { entity: 'entity.supplier', updatedAt: true },
  purchase_orders: { entity: 'entity.purchaseOrder', updatedAt: true },
  external_purchases: { entity: 'entity.externalPurchase', updatedAt: false },
  old_parts: { entity: 'entity.oldPart', updatedAt: false },
  stocktakes: { entity: 'entity.stocktake', updatedAt: true },
  care_followups: { entity: 'entity.careFollowUp', updatedAt: false },
  care_complaints: { entity: 'entity.careComplaint', updatedAt: false },
  care_reminders: { entity: 'entity.careReminder', updatedAt: true },
  warranty_calls: { entity: 'entity.warrantyCall', updatedAt: true },
  campaign_invites: { entity: 'entity.campaignInvite', updatedAt: false },
  warranty_claims: { entity: 'entity.warrantyClaim', updatedAt: true },
  warranty_registers: { entity: 'entity.warrantyRegister', updatedAt: true },
} as const satisfies { [T in keyof DB]?: { entity: MessageKey; updatedAt: 'updated_at' extends keyof DB[T] ? true : false } }

export type VersionedTable = keyof typeof VERSIONED

/** The columns a caller may set: never the key, the version or the time of the change (this helper sets those). */
export type VersionedSet<T extends VersionedTable> = Omit<Updateable<DB[T]>, 'id' | 'version' | 'updated_at'>

type SqlValue = string | number | null
type UpdateParams = Record<string, SqlValue>

export function entityOf(table: VersionedTable): MessageKey {
  return VERSIONED[table].entity
}

/** Refuses early, before any work, when the caller's copy is out of date. */
export function expectVersion(table: VersionedTable, id: number, expected: number, actual: number): void {
  if (expected !== actual) throw conflict(entityOf(table), id, expected, actual)
}

// Each (table, columns) shape is compiled once, on first use, then only bound: check-in and line
// saves run through here on every call. Set columns are bound as `set_<column>`.
const updates = new Map<string, PreparedQuery<UpdateParams, unknown>>()

function updateQuery(table: VersionedTable, columns: readonly string[]): PreparedQuery<UpdateParams, unknown> {
  const key = `${table}:${columns.join(',')}`
  let query = updates.get(key)
  if (!query) {
    const stamped = VERSIONED[table].updatedAt
    query = preparedQuery<UpdateParams>()((db, p) =>
      db
        // Every versioned table has id and version; the builder is typed by one of them, and the
        // columns are typed by `VersionedSet` at the call.
        .updateTable(table as 'customers')
        .set((eb) => ({
          ...Object.fromEntries(columns.map((c) => [c, p[`set_${c}`]])),
          version: eb('version', '+', 1),
          ...(stamped ? { updated_at: p.updated_at as string } : {}),
        }))
        .where('id', '=', p.id as number)
        .where('version', '=', p.version as number),
    )
    updates.set(key, query)
  }
  return query
}

const versionQuery = new Map<VersionedTable, PreparedQuery<{ id: number }, { version: number }>>()
function versionOf(ctx: Ctx, table: VersionedTable, id: number): number | undefined {
  let query = versionQuery.get(table)
  if (!query) {
    query = preparedQuery<{ id: number }>()((db, p) => db.selectFrom(table as 'customers').select('version').where('id', '=', p.id))
    versionQuery.set(table, query)
  }
  return query.first(ctx.store, { id })?.version
}

/**
 * `UPDATE … SET …, version = version + 1[, updated_at = now] WHERE id = ? AND version = ?`;
 * exactly one row must change. Column names come from code (typed by the table), never from input.
 */
export function updateVersioned<T extends VersionedTable>(ctx: Ctx, table: T, id: number, version: number, set: VersionedSet<T>): void {
  const values = set as Record<string, SqlValue | undefined>
  const columns = Object.keys(values).filter((c) => values[c] !== undefined)
  const params: UpdateParams = { updated_at: ctx.nowIso(), id, version }
  for (const c of columns) params[`set_${c}`] = values[c] ?? null
  const result = updateQuery(table, columns).run(ctx.store, params)
  if (result.changes === 1) return
  const actual = versionOf(ctx, table, id)
  if (actual === undefined) throw notFound(entityOf(table), id)
  throw conflict(entityOf(table), id, version, actual)
}
