import { sql } from 'kysely'
import type { z } from 'zod'
import type { rulesContract, TargetSeries } from '../../shared/contract/rules'
import type { DashboardTarget, RuleKind, RuleParams } from '../../shared/domain/rules'
import { addLocalDays, addLocalMonths, monthKey } from '../../shared/domain/settlement-deadline'
import { averageFen, bandStatus, shareBp, turnoverCenti } from '../../shared/domain/stock-rules'
import { mulDivRound } from '../../shared/domain/stock'
import { sqlAll } from '../store/query'
import { loadRules } from './catalog'
import { envOf, type EvalEnv, type RulesCtx } from './context'
import { fillRate, ledgerMonths, outboundLastDays, slowMoving, turnover, type SlowMoving } from './measures'
import { keptMonths, monthBounds, monthlySums, type MonthBound, type MonthRow } from './month-figures'
import { slowMovingSeries } from './stock-as-of'
import { careMonthRows } from './care-figures'
import { collectionMonthRows } from './insurance-collection'
import { FOLLOW_UP_IN_TIME_TARGET_BP, SATISFACTION_TARGET_CENTI } from '../../shared/domain/care'

// The targets dashboard: the manual's figures as monthly series over the last N months, each
// with the band its rule holds it to (so a manager's change of a rule moves the band too).

type Out = z.output<(typeof rulesContract)['dashboard.targets']['output']>
type Series = z.output<typeof TargetSeries>
type Point = Series['series'][number]

export function paramsOf<K extends RuleKind>(env: EvalEnv, kind: K): RuleParams<K> {
  return loadRules(env.store, env.nowIso).find((r) => r.kind === kind)!.params as RuleParams<K>
}

function points(months: readonly string[], rows: readonly MonthRow[], unitBp = true): Point[] {
  const by = new Map(rows.map((r) => [r.m, r]))
  return months.map((month) => {
    const r = by.get(month)
    const numerator = r?.n ?? 0
    const denominator = r?.d ?? 0
    return { month, numerator, denominator, value: denominator > 0 ? mulDivRound(numerator, unitBp ? 10_000 : 100, denominator) : null }
  })
}

function series(key: DashboardTarget, unit: 'bp' | 'centi', band: { min?: number; max?: number }, current: number | null, pts: Point[]): Series {
  return { key, unit, band: { min: band.min ?? null, max: band.max ?? null }, current, status: bandStatus(current, band), series: pts }
}

/** Settled in time / completed (ROs still within their deadline are left out until it passes). */
function settlementSeries(env: EvalEnv, bounds: readonly MonthBound[]): Series[] {
  const m = paramsOf(env, 'maintenance_settlement_overdue')
  const ins = paramsOf(env, 'insurance_settlement_month_end')
  const current = monthKey(env.now, env.timeZone)
  const nowMs = env.now.getTime()
  const closed = (b: MonthBound) => b.month !== current && b.end <= env.nowIso
  // A maintenance month is settled once its last RO's deadline has passed too (julianday counts
  // days of 24 hours between instants, so does this).
  const pastDeadline = (b: MonthBound) => closed(b) && new Date(b.end).getTime() + m.days * 86_400_000 <= nowMs
  const types = (list: readonly string[]) => sql`type IN (SELECT value FROM json_each(${JSON.stringify(list)}))`
  const completedIn = (from: string, to: string | null) => sql`completed_at >= ${from} ${to === null ? sql`` : sql`AND completed_at < ${to}`}`
  // raw SQL: monthly sums of conditions on dates (julianday arithmetic, json_each over the rule's
  // RO types); the query builder would only wrap the same text.
  const maintenance = monthlySums(env, 'maintenance_settlement', `days=${m.days};${m.roTypes.join(',')}`, bounds, pastDeadline, (from, to) =>
    sql<MonthRow>`SELECT substr(completed_at, 1, 7) AS m,
              SUM(CASE WHEN settled_at IS NOT NULL AND julianday(settled_at) - julianday(completed_at) <= ${m.days} THEN 1 ELSE 0 END) AS n,
              SUM(CASE WHEN settled_at IS NULL AND julianday(${env.nowIso}) - julianday(completed_at) <= ${m.days} THEN 0 ELSE 1 END) AS d
         FROM repair_orders WHERE ${completedIn(from, to)} AND state <> 'cancelled' AND ${types(m.roTypes)}
        GROUP BY m`,
  )
  const insurance = monthlySums(env, 'insurance_settlement', ins.roTypes.join(','), bounds, closed, (from, to) =>
    sql<MonthRow>`SELECT substr(completed_at, 1, 7) AS m,
              SUM(CASE WHEN settled_at IS NOT NULL AND substr(settled_at, 1, 7) = substr(completed_at, 1, 7) THEN 1 ELSE 0 END) AS n,
              SUM(CASE WHEN settled_at IS NULL AND substr(completed_at, 1, 7) = ${current} THEN 0 ELSE 1 END) AS d
         FROM repair_orders WHERE ${completedIn(from, to)} AND state <> 'cancelled' AND ${types(ins.roTypes)}
        GROUP BY m`,
  )
  // 当月回款: one definition with the insurance figures and the drill-down (insurance-collection.ts).
  const collection = monthlySums(env, 'insurance_collection', '-', bounds, closed, (from, to) => collectionMonthRows(env, from, to))
  const months = bounds.map((b) => b.month)
  const full = { min: 10_000 }
  const last = (p: Point[]) => p.at(-1)?.value ?? null
  const mp = points(months, [...maintenance.values()])
  const ip = points(months, [...insurance.values()])
  const cp = points(months, [...collection.values()])
  return [
    series('maintenance_settlement', 'bp', full, last(mp), mp),
    series('insurance_settlement', 'bp', full, last(ip), ip),
    series('insurance_collection', 'bp', full, last(cp), cp),
  ]
}

/** Stock value at each month end is today's value less the moves since; outbound per month. */
function ledgerSeries(env: EvalEnv, months: string[], shelf: SlowMoving): Series[] {
  const sv = paramsOf(env, 'stock_value_vs_outbound')
  const to = paramsOf(env, 'stock_turnover')
  const back = months.length - 1 + to.months
  const ledger = ledgerMonths(env, monthBounds(env, back + 1))
  const current = shelf.shelfFen
  // Value at the end of month i: today's value less every move in the months after it.
  const endValue: number[] = new Array(ledger.length)
  let after = 0
  for (let i = ledger.length - 1; i >= 0; i--) {
    endValue[i] = current - after
    after += ledger[i]!.moved
  }
  const startOfFirst = current - after
  const outbound = ledger.map((m) => m.outbound)
  const offset = ledger.length - months.length
  const stockPts: Point[] = months.map((month, j) => {
    const i = offset + j
    const isCurrent = j === months.length - 1
    const out = isCurrent ? outboundLastDays(env, sv.days) : outbound[i]!
    const value = endValue[i]!
    return { month, numerator: value, denominator: out, value: out > 0 ? mulDivRound(value, 100, out) : null }
  })
  const turnPts: Point[] = months.map((month, j) => {
    const i = offset + j
    const issued = outbound.slice(i - to.months + 1, i + 1).reduce((s, v) => s + v, 0)
    const ends = Array.from({ length: to.months + 1 }, (_, k) => (i - k >= 0 ? endValue[i - k]! : startOfFirst))
    const avg = averageFen(ends)
    return { month, numerator: issued, denominator: avg, value: turnoverCenti(mulDivRound(issued, 12, to.months), avg) }
  })
  const stockNow = stockPts.at(-1)?.value ?? null
  return [
    series('stock_vs_outbound', 'centi', { max: sv.factorBp / 100 }, stockNow, stockPts),
    series('turnover', 'centi', { min: to.minCenti, max: to.maxCenti }, turnover(env, to.months, { ledger, stockValueFen: current }).centi, turnPts),
  ]
}

function partsSeries(env: EvalEnv, bounds: readonly MonthBound[], slow: SlowMoving): Series[] {
  const months = bounds.map((b) => b.month)
  const from = bounds[0]!.start
  const sm = paramsOf(env, 'slow_moving_share')
  const fr = paramsOf(env, 'fill_rate')
  const st = paramsOf(env, 'stocktake_variance')
  // Each closed month's share as of its end, rebuilt from the ledger (the same rows its drill-down
  // lists) and kept; the running month's is today's shelf.
  const closed = bounds.slice(0, -1)
  const shares = keptMonths(env, 'slow_moving', `months=${sm.months}`, closed, (missing) =>
    slowMovingSeries(
      env,
      missing.map((b) => b.end),
      missing.map((b) => env.iso(addLocalMonths(new Date(b.end), -sm.months, env.timeZone))),
    ).map((t) => ({ numerator: t.slowFen, denominator: t.totalFen })),
  )
  const slowRows = [...shares.map((t, j) => ({ m: months[j]!, n: t.numerator, d: t.denominator })), { m: months.at(-1)!, n: slow.slowFen, d: slow.totalFen }]
  const slowPts = points(months, slowRows)
  const current = bounds.at(-1)!
  const fills = monthlySums(env, 'fill_rate', '-', bounds, (b) => b !== current && b.end <= env.nowIso, (from, to) =>
    sql<MonthRow>`SELECT substr(first_at, 1, 7) AS m, COALESCE(SUM(served_from_stock), 0) AS n, COUNT(*) AS d FROM part_requests
      WHERE first_at >= ${from} ${to === null ? sql`` : sql`AND first_at < ${to}`} GROUP BY m`,
  )
  const f = fillRate(env, env.iso(addLocalDays(env.now, -fr.days, env.timeZone)))
  // raw SQL: the variance is rounded per line in integer arithmetic, exactly as the drill-down does.
  const absDiff = sql`abs(COALESCE(l.counted_milli, l.book_milli) - l.book_milli)`
  const takes = sqlAll(
    env.store,
    sql<MonthRow>`SELECT substr(st.decided_at, 1, 7) AS m,
              SUM(CASE WHEN l.book_milli > 0 THEN (l.book_value_fen * ${absDiff} * 2 + l.book_milli) / (2 * l.book_milli)
                       ELSE (${absDiff} * l.unit_cost_fen * 2 + 1000) / 2000 END) AS n,
              SUM(l.book_value_fen) AS d
         FROM stocktakes st JOIN stocktake_lines l ON l.stocktake_id = st.id
        WHERE st.state = 'approved' AND st.decided_at >= ${from} GROUP BY m`,
  )
  const takePts = points(months, takes)
  const lastTake = [...takePts].reverse().find((p) => p.value !== null)?.value ?? null
  return [
    series('slow_moving', 'bp', { max: sm.maxShareBp }, shareBp(slow.slowFen, slow.totalFen), slowPts),
    series('fill_rate', 'bp', { min: fr.minBp }, shareBp(f.served, f.requested), points(months, [...fills.values()])),
    series('stocktake_variance', 'bp', { max: st.maxBp }, lastTake, takePts),
  ]
}

/** Follow-ups done in time against the house standard, and the survey's mean against the manual's 950. */
function careSeries(env: EvalEnv, bounds: readonly MonthBound[]): Series[] {
  const months = bounds.map((b) => b.month)
  const rows = careMonthRows(env, bounds)
  const last = (p: Point[]) => p.at(-1)?.value ?? null
  const inTime = points(months, rows.inTime)
  const satisfaction = points(months, rows.satisfaction, false)
  return [
    series('followup_in_time', 'bp', { min: FOLLOW_UP_IN_TIME_TARGET_BP }, last(inTime), inTime),
    series('satisfaction', 'centi', { min: SATISFACTION_TARGET_CENTI }, last(satisfaction), satisfaction),
  ]
}

export function dashboardTargets(ctx: RulesCtx, input: { months: number }): Out {
  const env = envOf(ctx)
  const bounds = monthBounds(env, input.months)
  const months = bounds.map((b) => b.month)
  // One scan of the shelf serves today's slow-moving share and today's stock value.
  const shelf = slowMoving(env, paramsOf(env, 'slow_moving_share').months)
  const bySettlement = settlementSeries(env, bounds)
  const byLedger = ledgerSeries(env, months, shelf)
  const byParts = partsSeries(env, bounds, shelf)
  const all = [...bySettlement, ...byLedger, ...byParts]
  const order: DashboardTarget[] = [
    'maintenance_settlement',
    'insurance_settlement',
    'insurance_collection',
    'stock_vs_outbound',
    'slow_moving',
    'turnover',
    'fill_rate',
    'stocktake_variance',
  ]
  return { asOf: env.nowIso, months, targets: order.map((k) => all.find((s) => s.key === k)!) }
}

/**
 * Customer care's figures, in the same shape as the targets. A channel of their own: the group's
 * head office consolidates `dashboard.targets` figure by figure and does not receive care yet.
 */
export function careTargets(ctx: RulesCtx, input: { months: number }): Out {
  const env = envOf(ctx)
  const bounds = monthBounds(env, input.months)
  return { asOf: env.nowIso, months: bounds.map((b) => b.month), targets: careSeries(env, bounds) }
}
