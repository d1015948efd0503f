import type { UserCtx } from '../api/context'
import { AppError } from '../api/app-error'
import { sql, type Insertable } from 'kysely'
import type { Store } from '../store/open'
import type { DB } from '../store/schema'
import { preparedQuery } from '../store/query'
import { averageCostFen, formatMilli, StockShortage, takeOut, type MoveEffect, type StockState } from '../../shared/domain/stock'
import type { MOVE_KINDS } from '../../shared/contract/parts-shapes'

// The stock ledger (库存台账). The only way stock changes: one append-only row in stock_moves with
// the balance after it, and the running balance in part_stock updated in the same transaction.
// This is the hot path of the counter, so its queries are prepared once at module load.

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

const selectStock = preparedQuery<{ partId: number }>()((db, p) =>
  db.selectFrom('part_stock').select(['on_hand_milli', 'value_fen', 'avg_cost_fen', 'last_move_at']).where('part_id', '=', p.partId),
)

type InsertMove = Required<Omit<Insertable<DB['stock_moves']>, 'id'>>
const insertMove = preparedQuery<InsertMove>()((db, p) =>
  db.insertInto('stock_moves').values({
    part_id: p.part_id,
    at: p.at,
    kind: p.kind,
    quantity_milli: p.quantity_milli,
    unit_cost_fen: p.unit_cost_fen,
    value_fen: p.value_fen,
    on_hand_milli_after: p.on_hand_milli_after,
    value_fen_after: p.value_fen_after,
    user_id: p.user_id,
    reason: p.reason,
    ref_type: p.ref_type,
    ref_id: p.ref_id,
    bin: p.bin,
  }),
)

type UpsertStock = { partId: number; onHand: number; value: number; avg: number; moveId: number; at: string; receiptAt: string | null; issueAt: string | null }
const upsertStock = preparedQuery<UpsertStock>()((db, p) =>
  db
    .insertInto('part_stock')
    .values({
      part_id: p.partId,
      on_hand_milli: p.onHand,
      value_fen: p.value,
      avg_cost_fen: p.avg,
      last_move_id: p.moveId,
      last_move_at: p.at,
      last_receipt_at: p.receiptAt,
      last_issue_at: p.issueAt,
    })
    .onConflict((oc) =>
      oc.column('part_id').doUpdateSet({
        on_hand_milli: (eb) => eb.ref('excluded.on_hand_milli'),
        value_fen: (eb) => eb.ref('excluded.value_fen'),
        avg_cost_fen: (eb) => eb.ref('excluded.avg_cost_fen'),
        last_move_id: (eb) => eb.ref('excluded.last_move_id'),
        last_move_at: (eb) => eb.ref('excluded.last_move_at'),
        last_receipt_at: sql<string | null>`COALESCE(excluded.last_receipt_at, last_receipt_at)`,
        last_issue_at: sql<string | null>`COALESCE(excluded.last_issue_at, last_issue_at)`,
        version: sql<number>`version + 1`,
      }),
    ),
)

/** The running balance of a part (zero when it never moved). */
export function stockOf(store: Store, partId: number): PartStockState {
  const row = selectStock.first(store, { partId })
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
  const info = insertMove.run(ctx.store, {
    part_id: partId,
    at,
    kind,
    quantity_milli: effect.quantityMilli,
    unit_cost_fen: effect.unitCostFen,
    value_fen: effect.valueFen,
    on_hand_milli_after: after.onHandMilli,
    value_fen_after: after.valueFen,
    user_id: ctx.user.id,
    reason: meta.reason ?? '',
    ref_type: meta.refType,
    ref_id: meta.refId,
    bin: meta.bin,
  })
  const id = Number(info.lastInsertRowid)
  const avg = averageCostFen(after) ?? (before.avgCostFen || effect.unitCostFen)
  upsertStock.run(ctx.store, {
    partId,
    onHand: after.onHandMilli,
    value: after.valueFen,
    avg,
    moveId: id,
    at,
    receiptAt: kind === 'receipt' ? at : null,
    issueAt: kind === 'issue' ? at : null,
  })
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
