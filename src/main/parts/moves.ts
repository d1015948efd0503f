import type { Ctx } from '../api/context'
import type { Store } from '../store/open'
import type { In, Out } from './types'
import type { MoveKind } from './ledger'
import { parseIso, toLocalIso } from '../../shared/domain/time'

// Reading the ledger: the moves of a part or of a period, newest first.

type MoveOut = Out<'stock.moves'>[number]

interface MoveRow {
  id: number
  part_id: number
  part_number: string
  at: string
  kind: MoveKind
  quantity_milli: number
  unit_cost_fen: number
  value_fen: number
  on_hand_milli_after: number
  value_fen_after: number
  user_name: string | null
  reason: string
  ref_type: string | null
  ref_id: number | null
  bin: string | null
}

const MOVE_SQL = `SELECT m.id, m.part_id, p.part_number, m.at, m.kind, m.quantity_milli, m.unit_cost_fen, m.value_fen,
    m.on_hand_milli_after, m.value_fen_after, u.display_name AS user_name, m.reason, m.ref_type, m.ref_id, m.bin
  FROM stock_moves m JOIN parts p ON p.id = m.part_id LEFT JOIN users u ON u.id = m.user_id`

export function toMoveOut(r: MoveRow): MoveOut {
  return {
    id: r.id,
    partId: r.part_id,
    partNumber: r.part_number,
    at: r.at,
    kind: r.kind,
    quantityMilli: r.quantity_milli,
    unitCostFen: r.unit_cost_fen,
    valueFen: r.value_fen,
    onHandMilliAfter: r.on_hand_milli_after,
    valueFenAfter: r.value_fen_after,
    userName: r.user_name,
    reason: r.reason,
    refType: r.ref_type,
    refId: r.ref_id,
    bin: r.bin,
  }
}

export function moveById(store: Store, id: number): MoveOut {
  return toMoveOut(store.prepare(`${MOVE_SQL} WHERE m.id = ?`).get(id) as MoveRow)
}

/** A time typed in any offset, as the stored text in the dealership's zone (so text order is time order). */
export function localIso(ctx: Ctx, iso: string): string {
  return toLocalIso(parseIso(iso), ctx.timeZone)
}

export function listMoves(ctx: Ctx, input: Partial<In<'stock.moves'>> & { limit: number }): MoveOut[] {
  const where: string[] = []
  const params: (string | number)[] = []
  if (input.partId !== undefined) {
    where.push('m.part_id = ?')
    params.push(input.partId)
  }
  if (input.kind !== undefined) {
    where.push('m.kind = ?')
    params.push(input.kind)
  }
  if (input.from !== undefined) {
    where.push('m.at >= ?')
    params.push(localIso(ctx, input.from))
  }
  if (input.to !== undefined) {
    where.push('m.at <= ?')
    params.push(localIso(ctx, input.to))
  }
  if (input.beforeId !== undefined) {
    where.push('m.id < ?')
    params.push(input.beforeId)
  }
  const sql = `${MOVE_SQL} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY m.id DESC LIMIT ?`
  return (ctx.store.prepare(sql).all(...params, input.limit) as MoveRow[]).map(toMoveOut)
}
