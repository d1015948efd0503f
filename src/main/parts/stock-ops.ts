import type { UserCtx } from '../api/context'
import { first } from '../store/query'
import { fieldError, notFound } from '../api/app-error'
import { addAtValue, receive, valueAtAverage } from '../../shared/domain/stock'
import type { In, Out } from './types'
import { loadPart, partBasics } from './part-rows'
import { postMove, stockOf, takeOutOrRefuse } from './ledger'
import { moveById } from './moves'
import { expectVersion, updateVersioned } from '../api/versioned'

// Stock changes outside an RO or a PO: a receipt without an order (opening stock, a found box),
// an adjustment with its reason, and moving a part's stock to another bin.

export function receiveStock(ctx: UserCtx, input: In<'stock.receive'>): Out<'stock.receive'> {
  const part = partBasics(ctx.store, input.partId)
  const before = stockOf(ctx.store, part.id)
  const effect = receive(before, input.quantityMilli, input.unitCostFen ?? part.costFen)
  const move = postMove(ctx, part.id, 'receipt', before, effect, { refType: 'manual', refId: null, bin: part.bin, reason: input.reason })
  return moveById(ctx.store, move.id)
}

/**
 * A correction with a reason (damage, a miscount found at the counter). Stock added comes in at the
 * moving average (or the given cost, or the catalogue cost for an empty shelf); stock taken off
 * leaves at the moving average, and never below zero.
 */
export function adjustStock(ctx: UserCtx, input: In<'stock.adjust'>): Out<'stock.adjust'> {
  const part = partBasics(ctx.store, input.partId)
  const before = stockOf(ctx.store, part.id)
  const atAverage = valueAtAverage(before, input.quantityMilli)
  const effect =
    input.quantityMilli < 0
      ? takeOutOrRefuse(before, -input.quantityMilli, part.partNumber)
      : input.unitCostFen !== undefined || atAverage === null
        ? receive(before, input.quantityMilli, input.unitCostFen ?? (before.avgCostFen || part.costFen))
        : addAtValue(before, input.quantityMilli, atAverage)
  const move = postMove(ctx, part.id, 'adjustment', before, effect, { refType: 'manual', refId: null, bin: part.bin, reason: input.reason })
  return moveById(ctx.store, move.id)
}

/** Moves all of a part's stock to another bin: out of the old one and into the new at the same value. */
export function transferStock(ctx: UserCtx, input: In<'stock.transfer'>): Out<'stock.transfer'> {
  const row = first(ctx.store, ctx.store.db.selectFrom('parts').select(['id', 'bin', 'version']).where('id', '=', input.partId))
  if (!row) throw notFound('entity.part', input.partId)
  expectVersion('parts', row.id, input.version, row.version)
  if (row.bin === input.toBin) throw fieldError('VALIDATION', 'toBin', 'parts.sameBin')
  const part = partBasics(ctx.store, row.id)
  const before = stockOf(ctx.store, part.id)
  if (before.onHandMilli > 0) {
    const out = takeOutOrRefuse(before, before.onHandMilli, part.partNumber)
    postMove(ctx, part.id, 'transfer', before, out, { refType: 'manual', refId: null, bin: row.bin, reason: input.reason })
    const middle = stockOf(ctx.store, part.id)
    const back = addAtValue(middle, -out.quantityMilli, -out.valueFen)
    postMove(ctx, part.id, 'transfer', middle, back, { refType: 'manual', refId: null, bin: input.toBin, reason: input.reason })
  }
  updateVersioned(ctx, 'parts', row.id, input.version, { bin: input.toBin })
  ctx.audit({ action: 'part.transfer', entity: 'part', entityId: row.id, detail: { from: row.bin, to: input.toBin, quantityMilli: before.onHandMilli } })
  return loadPart(ctx, row.id)
}
