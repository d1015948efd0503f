import type { UserCtx } from '../api/context'
import { AppError } from '../api/app-error'
import type { Store } from '../store/open'
import { averageCostFen, formatMilli, StockShortage, takeOut, type MoveEffect, type StockState } from '../../shared/domain/stock'
import type { MOVE_KINDS } from '../../shared/contract/parts-shapes'

// The stock ledger (库存台账). The only way stock changes: one append-only row in stock_moves with
// the balance after it, and the running balance in part_stock updated in the same transaction.
// This is the hot path of the counter, so it uses cached prepared statements, not the builder.

export type MoveKind = (typeof MOVE_KINDS)[number]
export type RefType = 'ro' | 'po' | 'stocktake' | 'external' | 'manual'

export interface PartStockState extends StockState {
  avgCostFen: number
  lastMoveAt: string | null
}

export interface MoveMeta {
  reason?: string
  refType: RefType
  refId: number | null
  bin: string | null
}

export interface PostedMove {
  id: number
  partId: number
  at: string
  kind: MoveKind
  quantityMilli: number
  unitCostFen: number
  valueFen: number
  after: StockState
}

const SELECT_STOCK = 'SELECT on_hand_milli, value_fen, avg_cost_fen, last_move_at FROM part_stock WHERE part_id = ?'
const INSERT_MOVE = `INSERT INTO stock_moves (part_id, at, kind, quantity_milli, unit_cost_fen, value_fen, on_hand_milli_after,
  value_fen_after, user_id, reason, ref_type, ref_id, bin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
const UPSERT_STOCK = `INSERT INTO part_stock (part_id, on_hand_milli, value_fen, avg_cost_fen, last_move_id, last_move_at,
    last_receipt_at, last_issue_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (part_id) DO UPDATE SET on_hand_milli = excluded.on_hand_milli, value_fen = excluded.value_fen,
    avg_cost_fen = excluded.avg_cost_fen, last_move_id = excluded.last_move_id, last_move_at = excluded.last_move_at,
    last_receipt_at = COALESCE(excluded.last_receipt_at, last_receipt_at),
    last_issue_at = COALESCE(excluded.last_issue_at, last_issue_at), version = version + 1`

interface StockRow {
  on_hand_milli: number
  value_fen: number
  avg_cost_fen: number
  last_move_at: string | null
}

/** The running balance of a part (zero when it never moved). */
export function stockOf(store: Store, partId: number): PartStockState {
  const row = store.prepare(SELECT_STOCK).get(partId) as StockRow | undefined
  if (!row) return { onHandMilli: 0, valueFen: 0, avgCostFen: 0, lastMoveAt: null }
  return { onHandMilli: row.on_hand_milli, valueFen: row.value_fen, avgCostFen: row.avg_cost_fen, lastMoveAt: row.last_move_at }
}

/** The event each move raises; the rules engine (stock thresholds) listens for it. */
export function stockChangedEvent(move: Pick<PostedMove, 'partId'>): { type: 'stock.changed'; id: number } {
  return { type: 'stock.changed', id: move.partId }
}

/** takeOut, refused with INSUFFICIENT_STOCK (what is there, what was asked) instead of going negative. */
export function takeOutOrRefuse(state: StockState, quantityMilli: number, partNumber: string): MoveEffect {
  try {
    return takeOut(state, quantityMilli)
  } catch (error) {
    if (!(error instanceof StockShortage)) throw error
    throw new AppError(
      'INSUFFICIENT_STOCK',
      'parts.insufficientStock',
      { partNumber, available: formatMilli(error.availableMilli), requested: formatMilli(error.requestedMilli) },
      { partNumber, availableMilli: error.availableMilli, requestedMilli: error.requestedMilli },
    )
  }
}

/**
 * Appends one move and the new balance. `before` must be the balance read in this transaction
 * (the effect was computed from it). The time never runs backwards for a part, so "the last
 * move up to a date" is also the balance at that date.
 */
export function postMove(
  ctx: UserCtx,
  partId: number,
  kind: MoveKind,
  before: PartStockState,
  effect: MoveEffect,
  meta: MoveMeta,
): PostedMove {
  const now = ctx.nowIso()
  const at = before.lastMoveAt !== null && before.lastMoveAt > now ? before.lastMoveAt : now
  const { after } = effect
  const info = ctx.store
    .prepare(INSERT_MOVE)
    .run(partId, at, kind, effect.quantityMilli, effect.unitCostFen, effect.valueFen, after.onHandMilli, after.valueFen,
      ctx.user.id, meta.reason ?? '', meta.refType, meta.refId, meta.bin)
  const id = Number(info.lastInsertRowid)
  const avg = averageCostFen(after) ?? (before.avgCostFen || effect.unitCostFen)
  ctx.store
    .prepare(UPSERT_STOCK)
    .run(partId, after.onHandMilli, after.valueFen, avg, id, at, kind === 'receipt' ? at : null, kind === 'issue' ? at : null)
  ctx.audit({
    action: `stock.${kind}`,
    entity: 'part',
    entityId: partId,
    detail: { moveId: id, quantityMilli: effect.quantityMilli, valueFen: effect.valueFen, unitCostFen: effect.unitCostFen, after, ref: `${meta.refType}:${meta.refId ?? ''}` },
  })
  const posted: PostedMove = { id, partId, at, kind, quantityMilli: effect.quantityMilli, unitCostFen: effect.unitCostFen, valueFen: effect.valueFen, after }
  ctx.events.emit(stockChangedEvent(posted))
  return posted
}
