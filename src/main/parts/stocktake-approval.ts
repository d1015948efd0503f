import type { InferResult } from 'kysely'
import type { Ctx, UserCtx } from '../api/context'
import { all, run } from '../store/query'
import { AppError } from '../api/app-error'
import { addAtValue, mulDivRound, receive, STOCKTAKE_VARIANCE_TARGET_BP, valueAtAverage, varianceRateBp } from '../../shared/domain/stock'
import { lineAmount } from '../../shared/domain/money'
import type { In, Out } from './types'
import { postMove, stockOf, takeOutOrRefuse } from './ledger'
import { requireCounting, stocktakeRow, toStocktakeOut } from './stocktake'
import { expectVersion, updateVersioned } from '../api/versioned'

// The variance table (盘点差异表) and its approval. Manual: variance ≤ 0.3 % of the book value, and
// stock is adjusted only after approval — here by a user holding parts.stocktake.approve.

type VarianceOut = Out<'stocktake.variance'>

function selectVarRows(ctx: Ctx, id: number) {
  return ctx.store.db
    .selectFrom('stocktake_lines as l')
    .innerJoin('parts as p', 'p.id', 'l.part_id')
    .select(['l.part_id', 'p.part_number', 'p.name', 'p.unit', 'l.bin', 'l.book_milli', 'l.book_value_fen', 'l.unit_cost_fen', 'l.counted_milli'])
    .where('l.stocktake_id', '=', id)
}

type VarRow = InferResult<ReturnType<typeof selectVarRows>>[number]

/** Value of a difference: at the frozen book's own average, or the unit cost for an empty book. */
function diffValue(r: VarRow, diffMilli: number): number {
  return r.book_milli > 0 ? mulDivRound(r.book_value_fen, diffMilli, r.book_milli) : lineAmount(diffMilli, r.unit_cost_fen)
}

function rowsOf(ctx: Ctx, id: number): VarRow[] {
  return all(ctx.store, selectVarRows(ctx, id))
}

export function varianceTable(ctx: Ctx, input: In<'stocktake.variance'>): VarianceOut {
  const stocktake = toStocktakeOut(stocktakeRow(ctx.store, input.id))
  let bookValueFen = 0
  let absVarianceFen = 0
  let netVarianceFen = 0
  let absVarianceMilli = 0
  let uncounted = 0
  const lines: VarianceOut['lines'] = []
  for (const r of rowsOf(ctx, input.id)) {
    bookValueFen += r.book_value_fen
    if (r.counted_milli === null) uncounted++
    const diffMilli = r.counted_milli === null ? 0 : r.counted_milli - r.book_milli
    const diffValueFen = diffValue(r, diffMilli)
    absVarianceFen += Math.abs(diffValueFen)
    netVarianceFen += diffValueFen
    absVarianceMilli += Math.abs(diffMilli)
    if (diffMilli === 0 && r.counted_milli !== null) continue
    lines.push({
      partId: r.part_id,
      partNumber: r.part_number,
      name: r.name,
      unit: r.unit,
      bin: r.bin,
      countedMilli: r.counted_milli,
      bookMilli: r.book_milli,
      bookValueFen: r.book_value_fen,
      unitCostFen: r.unit_cost_fen,
      diffMilli,
      diffValueFen,
    })
  }
  lines.sort((a, b) => Math.abs(b.diffValueFen) - Math.abs(a.diffValueFen) || (a.bin ?? '').localeCompare(b.bin ?? ''))
  return {
    stocktake,
    lines,
    bookValueFen,
    countedValueFen: bookValueFen + netVarianceFen,
    absVarianceFen,
    netVarianceFen,
    absVarianceMilli,
    rateBp: varianceRateBp(absVarianceFen, bookValueFen),
    targetBp: STOCKTAKE_VARIANCE_TARGET_BP,
    uncounted,
  }
}

/**
 * Posts one stocktake move per difference, applied to today's shelf (counted − frozen book): the
 * moves since the freeze stay as they were. A surplus comes in at the current moving average
 * (or the frozen cost for an empty shelf); a shortfall goes out at the moving average and is
 * refused if the shelf no longer holds it.
 */
export function approveStocktake(ctx: UserCtx, input: In<'stocktake.approve'>): Out<'stocktake.approve'> {
  const st = stocktakeRow(ctx.store, input.id)
  expectVersion('stocktakes', st.id, input.version, st.version)
  requireCounting(st)
  const rows = rowsOf(ctx, st.id)
  const uncounted = rows.filter((r) => r.counted_milli === null).length
  if (uncounted > 0) throw new AppError('INVALID_STATE', 'parts.stocktakeUncounted', { count: uncounted })
  let moves = 0
  for (const r of rows) {
    const diff = (r.counted_milli ?? 0) - r.book_milli
    if (diff === 0) continue
    const before = stockOf(ctx.store, r.part_id)
    const atAverage = valueAtAverage(before, diff)
    const effect =
      diff < 0
        ? takeOutOrRefuse(before, -diff, r.part_number)
        : atAverage === null
          ? receive(before, diff, r.unit_cost_fen)
          : addAtValue(before, diff, atAverage)
    const move = postMove(ctx, r.part_id, 'stocktake', before, effect, { refType: 'stocktake', refId: st.id, bin: r.bin, reason: st.number })
    run(ctx.store, ctx.store.db.updateTable('stocktake_lines').set({ move_id: move.id }).where('stocktake_id', '=', st.id).where('part_id', '=', r.part_id))
    moves++
  }
  updateVersioned(ctx, 'stocktakes', st.id, st.version, { state: 'approved', decided_by: ctx.user.id, decided_at: ctx.nowIso() })
  const table = varianceTable(ctx, { id: st.id })
  ctx.audit({
    action: 'stocktake.approve',
    entity: 'stocktake',
    entityId: st.id,
    detail: { moves, bookValueFen: table.bookValueFen, netVarianceFen: table.netVarianceFen, absVarianceFen: table.absVarianceFen, rateBp: table.rateBp },
  })
  ctx.events.emit({ type: 'stocktake.changed', id: st.id })
  return table
}
