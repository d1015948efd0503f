import type { Ctx } from '../api/context'
import { notFound } from '../api/app-error'
import type { Store } from '../store/open'
import type { Out } from './types'
import { PARTS_ISSUE_STATES } from '../../shared/domain/ro-state'

// A part as the counter sees it: catalogue fields, supplier, and its stock from the ledger.

export type PartOut = Out<'parts.get'>['part']

/** RO states in which un-issued part lines are held for the car (预留) and may be issued: up to settlement. */
export const ISSUE_STATES = PARTS_ISSUE_STATES
const inStates = `('${ISSUE_STATES.join("','")}')`

export const PART_ROW_SQL = `SELECT p.id, p.part_number, p.name, p.brand, p.category, p.unit, p.bin, p.cost_fen, p.price_fen,
    p.active, p.version, ps.supplier_id, s.name AS supplier_name, st.on_hand_milli, st.value_fen, st.avg_cost_fen, st.last_issue_at
  FROM parts p
  LEFT JOIN part_suppliers ps ON ps.part_id = p.id
  LEFT JOIN suppliers s ON s.id = ps.supplier_id
  LEFT JOIN part_stock st ON st.part_id = p.id`

export interface PartRowDb {
  id: number
  part_number: string
  name: string
  brand: string | null
  category: string | null
  unit: string
  bin: string | null
  cost_fen: number
  price_fen: number
  active: number
  version: number
  supplier_id: number | null
  supplier_name: string | null
  on_hand_milli: number | null
  value_fen: number | null
  avg_cost_fen: number | null
  last_issue_at: string | null
}

/**
 * Quantity held for authorised repair orders: per RO, what its lines ask for less what has been
 * issued, never below zero. Derived each time (index on ro_lines.part_id), because estimates are
 * edited and orders change state elsewhere without telling the store room.
 */
export function reservedMilli(store: Store, partId: number): number {
  const row = store
    .prepare(
      `SELECT COALESCE(SUM(MAX(q.requested - COALESCE(i.issued_milli, 0), 0)), 0) AS reserved
         FROM (SELECT l.ro_id, SUM(l.quantity_milli) AS requested
                 FROM ro_lines l JOIN repair_orders o ON o.id = l.ro_id
                WHERE l.part_id = ? AND o.state IN ${inStates}
                GROUP BY l.ro_id) q
         LEFT JOIN ro_part_issues i ON i.ro_id = q.ro_id AND i.part_id = ?`,
    )
    .get(partId, partId) as { reserved: number }
  return row.reserved
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
  return store.prepare(`${PART_ROW_SQL} WHERE p.id = ?`).get(id) as PartRowDb | undefined
}

export function loadPart(ctx: Ctx, id: number): PartOut {
  const row = partRowDb(ctx.store, id)
  if (!row) throw notFound('entity.part', id)
  return toPartOut(ctx.store, row)
}

/** The few catalogue fields a stock move needs; NOT_FOUND for an unknown id. */
export function partBasics(store: Store, id: number): { id: number; partNumber: string; bin: string | null; costFen: number; unit: string } {
  const row = store.prepare('SELECT id, part_number, bin, cost_fen, unit FROM parts WHERE id = ?').get(id) as
    | { id: number; part_number: string; bin: string | null; cost_fen: number; unit: string }
    | undefined
  if (!row) throw notFound('entity.part', id)
  return { id: row.id, partNumber: row.part_number, bin: row.bin, costFen: row.cost_fen, unit: row.unit }
}
