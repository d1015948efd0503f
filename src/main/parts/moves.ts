import type { Ctx } from '../api/context'
import type { Kysely, InferResult } from 'kysely'
import type { Store } from '../store/open'
import type { DB } from '../store/schema'
import { all, preparedQuery } from '../store/query'
import type { In, Out } from './types'
import { parseIso, toLocalIso } from '../../shared/domain/time'

// Reading the ledger: the moves of a part or of a period, newest first.

type MoveOut = Out<'stock.moves'>[number]

const selectMoves = (db: Kysely<DB>) =>
  db
    .selectFrom('stock_moves as m')
    .innerJoin('parts as p', 'p.id', 'm.part_id')
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'm.id',
      'm.part_id',
      'p.part_number',
      'm.at',
      'm.kind',
      'm.quantity_milli',
      'm.unit_cost_fen',
      'm.value_fen',
      'm.on_hand_milli_after',
      'm.value_fen_after',
      'u.display_name as user_name',
      'm.reason',
      'm.ref_type',
      'm.ref_id',
      'm.bin',
    ])

type MoveRow = InferResult<ReturnType<typeof selectMoves>>[number]

// Prepared once: every issue answers with its moves.
const moveByIdQuery = preparedQuery<{ id: number }>()((db, p) => selectMoves(db).where('m.id', '=', p.id))

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
  return toMoveOut(moveByIdQuery.first(store, { id })!)
}

/** A time typed in any offset, as the stored text in the dealership's zone (so text order is time order). */
export function localIso(ctx: Ctx, iso: string): string {
  return toLocalIso(parseIso(iso), ctx.timeZone)
}

export function listMoves(ctx: Ctx, input: Partial<In<'stock.moves'>> & { limit: number }): MoveOut[] {
  const { partId, kind, from, to, beforeId } = input
  const query = selectMoves(ctx.store.db)
    .$if(partId !== undefined, (q) => q.where('m.part_id', '=', partId!))
    .$if(kind !== undefined, (q) => q.where('m.kind', '=', kind!))
    .$if(from !== undefined, (q) => q.where('m.at', '>=', localIso(ctx, from!)))
    .$if(to !== undefined, (q) => q.where('m.at', '<=', localIso(ctx, to!)))
    .$if(beforeId !== undefined, (q) => q.where('m.id', '<', beforeId!))
    .orderBy('m.id', 'desc')
    .limit(input.limit)
  return all(ctx.store, query).map(toMoveOut)
}
