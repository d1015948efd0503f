import type { Ctx } from '../api/context'
import { monthBounds } from '../../shared/domain/calendar'
import { progressBp } from '../../shared/domain/department'
import { varianceRateBp } from '../../shared/domain/stock'
import { all, first } from '../store/query'
import { sql } from 'kysely'
import { partsSalesMoves, stocktakeVarianceRows } from './figure-rows'
import type { Out } from './types'

// A parts clerk's or supervisor's month (配件员/配件主管的绩效): the RO part requests they handled
// first at the counter and how many the shelf served in full (their fill rate), the lines of the
// month's approved stocktakes they counted or approved (their variance) and what they issued to
// ROs (their parts sales). Read from the ledger tables the counter writes; the fill rate counts
// the same requests `figure-rows.ts` lists, the variance and sales are the sums of its rows.

type PartsCard = NonNullable<Out<'department.scorecard'>['parts']>

export function partsFigures(ctx: Ctx, userId: number, month: string): PartsCard {
  const { from, to } = monthBounds(month, ctx.timeZone)
  const requests = first(
    ctx.store,
    ctx.store.db
      .selectFrom('part_requests')
      .select((eb) => [eb.fn.countAll<number>().as('requested'), eb.fn.coalesce(eb.fn.sum<number>('served_from_stock'), eb.lit(0)).as('served')])
      .where('user_id', '=', userId)
      .where('first_at', '>=', from)
      .where('first_at', '<', to),
  )
  const requested = requests?.requested ?? 0
  const served = requests?.served ?? 0
  const lines = stocktakeVarianceRows(ctx, { month, userId })
  const bookValueFen = lines.reduce((s, l) => s + l.den, 0)
  const absVarianceFen = lines.reduce((s, l) => s + l.num, 0)
  // The sum of the drill-down's rows (figure-rows.ts), computed over the same query in SQL with
  // the same rounding per move as lineAmount (half away from zero): a clerk posts tens of thousands
  // of moves a month, and the card needs only their count and total.
  const sales = first(
    ctx.store,
    ctx.store.db
      .selectFrom(partsSalesMoves(ctx.store.db, from, to, userId).as('s'))
      .select((eb) => [
        eb.fn.countAll<number>().as('moves'),
        // raw SQL: integer rounding half away from zero of quantity (thousandths) × price, per move.
        sql<number>`COALESCE(SUM(CASE WHEN -s.quantity_milli * COALESCE(s.price, 0) >= 0
          THEN (-s.quantity_milli * COALESCE(s.price, 0) + 500) / 1000
          ELSE -((s.quantity_milli * COALESCE(s.price, 0) + 500) / 1000) END), 0)`.as('fen'),
      ]),
  )
  return {
    requested,
    served,
    fillRateBp: progressBp(served, requested),
    stocktakeLines: lines.length,
    bookValueFen,
    absVarianceFen,
    varianceBp: varianceRateBp(absVarianceFen, bookValueFen),
    saleMoves: sales?.moves ?? 0,
    salesFen: sales?.fen ?? 0,
  }
}

/** The scorecard list's headline for the parts counter: part requests each person handled first in the month. */
export function partRequestsByUser(ctx: Ctx, month: string): Map<number, number> {
  const { from, to } = monthBounds(month, ctx.timeZone)
  const rows = all(
    ctx.store,
    ctx.store.db
      .selectFrom('part_requests')
      .select((eb) => ['user_id', eb.fn.countAll<number>().as('n')])
      .where('first_at', '>=', from)
      .where('first_at', '<', to)
      .groupBy('user_id'),
  )
  return new Map(rows.map((r) => [r.user_id, r.n]))
}
