import type { Ctx } from '../api/context'
import { notFound } from '../api/app-error'
import { sql, type InferResult, type Kysely } from 'kysely'
import type { Store } from '../store/open'
import type { DB } from '../store/schema'
import { preparedQuery } from '../store/query'
import type { Out } from './types'
import { PARTS_ISSUE_STATES } from '../../shared/domain/ro-state'

// A part as the counter sees it: catalogue fields, supplier, and its stock from the ledger.

export type PartOut = Out<'parts.get'>['part']

/** RO states in which un-issued part lines are held for the car (预留) and may be issued: up to settlement. */
export const ISSUE_STATES = PARTS_ISSUE_STATES
/** Parts with supplier and stock; add the `where` (and order) of the read. */
export function selectPartRows(db: Kysely<DB>) {
  return db
    .selectFrom('parts as p')
    .leftJoin('part_suppliers as ps', 'ps.part_id', 'p.id')
    .leftJoin('suppliers as s', 's.id', 'ps.supplier_id')
    .leftJoin('part_stock as st', 'st.part_id', 'p.id')
    .select([
      'p.id',
      'p.part_number',
      'p.name',
      'p.brand',
      'p.category',
      'p.unit',
      'p.bin',
      'p.cost_fen',
      'p.price_fen',
      'p.active',
      'p.version',
      'ps.supplier_id',
      's.name as supplier_name',
      'st.on_hand_milli',
      'st.value_fen',
      'st.avg_cost_fen',
      'st.last_issue_at',
    ])
}

export type PartRowDb = InferResult<ReturnType<typeof selectPartRows>>[number]

// Prepared once: search and the counter read parts one by one on every call.
const partRowById = preparedQuery<{ id: number }>()((db, p) => selectPartRows(db).where('p.id', '=', p.id))

const reservedOf = preparedQuery<{ partId: number }>()((db, p) =>
  db
    .selectFrom((eb) =>
      eb
        .selectFrom('ro_lines as l')
        .innerJoin('repair_orders as o', 'o.id', 'l.ro_id')
        .select(['l.ro_id', sql<number>`SUM(l.quantity_milli)`.as('requested')])
        .where('l.part_id', '=', p.partId)
        .where('o.state', 'in', ISSUE_STATES.map((state) => sql.lit(state)))
        .groupBy('l.ro_id')
        .as('q'),
    )
    .leftJoin('ro_part_issues as i', (join) => join.onRef('i.ro_id', '=', 'q.ro_id').on('i.part_id', '=', p.partId))
    .select(sql<number>`COALESCE(SUM(MAX(q.requested - COALESCE(i.issued_milli, 0), 0)), 0)`.as('reserved')),
)

const basicsOf = preparedQuery<{ id: number }>()((db, p) => db.selectFrom('parts').select(['id', 'part_number', 'bin', 'cost_fen', 'unit']).where('id', '=', p.id))

/**
 * Quantity held for authorised repair orders: per RO, what its lines ask for less what has been
 * issued, never below zero. Derived each time (index on ro_lines.part_id), because estimates are
 * edited and orders change state elsewhere without telling the store room.
 */
export function reservedMilli(store: Store, partId: number): number {
  return reservedOf.first(store, { partId })!.reserved
}

export function toPartOut(store: Store, row: PartRowDb): PartOut {
  const onHand = row.on_hand_milli ?? 0
  const reserved = reservedMilli(store, row.id)
  return {
    id: row.id,
    partNumber: row.part_number,
    name: row.name,
    brand: row.brand,
    category: row.category,
    unit: row.unit,
    bin: row.bin,
    supplierId: row.supplier_id,
    supplierName: row.supplier_name,
    costFen: row.cost_fen,
    priceFen: row.price_fen,
    active: row.active === 1,
    version: row.version,
    onHandMilli: onHand,
    reservedMilli: reserved,
    availableMilli: onHand - reserved,
    valueFen: row.value_fen ?? 0,
    avgCostFen: row.avg_cost_fen ?? row.cost_fen,
    lastIssueAt: row.last_issue_at,
  }
}

export function partRowDb(store: Store, id: number): PartRowDb | undefined {
  return partRowById.first(store, { id })
}

export function loadPart(ctx: Ctx, id: number): PartOut {
  const row = partRowDb(ctx.store, id)
  if (!row) throw notFound('entity.part', id)
  return toPartOut(ctx.store, row)
}

/** The few catalogue fields a stock move needs; NOT_FOUND for an unknown id. */
export function partBasics(store: Store, id: number): { id: number; partNumber: string; bin: string | null; costFen: number; unit: string } {
  const row = basicsOf.first(store, { id })
  if (!row) throw notFound('entity.part', id)
  return { id: row.id, partNumber: row.part_number, bin: row.bin, costFen: row.cost_fen, unit: row.unit }
}
