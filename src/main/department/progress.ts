import type { UserCtx } from '../api/context'
import { daysInMonth, localDate, monthBounds } from '../../shared/domain/calendar'
import { progressBp, quarterMonths, quarterOf, straightLineForecast, TARGET_MEASURES, type TargetMeasure } from '../../shared/domain/department'
import { all } from '../store/query'
import { actualRowsOf, measureOf, sumsByAdvisorMonth, total } from './actuals'
import { RO_OWNER_ROLES, staffList } from './staff'
import type { In, Out } from './types'

// Month-to-date progress against the month's share of the quarter's target, a straight-line
// forecast for the month, the quarter so far, and each RO owner's quarter against their split.

interface TargetCells {
  quarter: Map<TargetMeasure, number>
  month: Map<TargetMeasure, number>
  person: Map<string, number>
}

function targetsFor(ctx: Pick<UserCtx, 'store'>, year: number, quarter: number, month: string): TargetCells {
  const db = ctx.store.db
  const heads = all(ctx.store, db.selectFrom('dept_targets').select(['id', 'measure', 'total']).where('year', '=', year).where('quarter', '=', quarter))
  const ids = heads.map((h) => h.id)
  const measureOfId = new Map(heads.map((h) => [h.id, h.measure]))
  const cells: TargetCells = { quarter: new Map(heads.map((h) => [h.measure, h.total])), month: new Map(), person: new Map() }
  if (ids.length === 0) return cells
  for (const m of all(ctx.store, db.selectFrom('dept_target_months').selectAll().where('target_id', 'in', ids).where('month', '=', month))) {
    cells.month.set(measureOfId.get(m.target_id)!, m.amount)
  }
  for (const p of all(ctx.store, db.selectFrom('dept_target_people').selectAll().where('target_id', 'in', ids))) {
    cells.person.set(`${measureOfId.get(p.target_id)!}:${p.user_id}`, p.amount)
  }
  return cells
}

/** Days of `month` that have begun by now: all of a past month, none of a future one. */
export function daysElapsedIn(month: string, today: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const current = today.slice(0, 7)
  if (month < current) return daysInMonth(y, m)
  if (month > current) return 0
  return Number(today.slice(8, 10))
}

export function progress(ctx: UserCtx, input: In<'department.progress'>): Out<'department.progress'> {
  const { year, quarter } = quarterOf(input.month)
  const months = quarterMonths(year, quarter)
  const [y, m] = input.month.split('-').map(Number) as [number, number]
  const today = localDate(ctx.clock.now(), ctx.timeZone)
  const elapsed = daysElapsedIn(input.month, today)
  const sums = sumsByAdvisorMonth(ctx, months[0], months[2])
  const targets = targetsFor(ctx, year, quarter, input.month)
  const measures = TARGET_MEASURES.map((measure) => {
    const actual = total(sums, measure, { months: [input.month] })
    const monthTarget = targets.month.get(measure) ?? null
    const forecast = straightLineForecast(actual, input.month, elapsed)
    return {
      measure,
      monthTarget,
      actual,
      progressBp: progressBp(actual, monthTarget),
      forecast,
      forecastBp: progressBp(forecast, monthTarget),
      quarterTarget: targets.quarter.get(measure) ?? null,
      quarterActual: total(sums, measure, { months: months.filter((x) => x <= input.month) }),
    }
  })
  const upTo = months.filter((x) => x <= input.month)
  const people = staffList(ctx, RO_OWNER_ROLES).map((s) => ({
    ...s,
    values: TARGET_MEASURES.map((measure) => ({
      measure,
      quarterTarget: targets.person.get(`${measure}:${s.userId}`) ?? null,
      quarterActual: total(sums, measure, { userId: s.userId, months: upTo }),
      monthActual: total(sums, measure, { userId: s.userId, months: [input.month] }),
    })),
  }))
  return { month: input.month, year, quarter, asOf: ctx.nowIso(), daysElapsed: elapsed, daysInMonth: daysInMonth(y, m), measures, people }
}

/** The ROs behind a month's figure (all, or one advisor's), each with what it adds to every measure. */
export function drill(ctx: UserCtx, input: In<'department.drill'>): Out<'department.drill'> {
  const { from, to } = monthBounds(input.month, ctx.timeZone)
  const rows = actualRowsOf(ctx, from, to, input.userId ?? null, input.limit + 1)
  const shown = rows.slice(0, input.limit)
  // The figure over every row, not just those shown.
  const value = (rows.length > input.limit ? actualRowsOf(ctx, from, to, input.userId ?? null) : rows).reduce((s, r) => s + measureOf(r, input.measure), 0)
  return {
    month: input.month,
    measure: input.measure,
    userId: input.userId ?? null,
    value,
    rows: shown.map((r) => ({
      roId: r.ro_id,
      number: r.number,
      advisorId: r.advisor_id,
      advisorName: r.advisor_name,
      settledAt: r.settled_at,
      productionFen: r.production,
      partsFen: r.parts,
      partsCostFen: r.parts_cost,
      grossProfitFen: r.production - r.parts_cost,
    })),
    truncated: rows.length > input.limit,
  }
}
