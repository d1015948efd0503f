import type { z } from 'zod'
import type { Ctx } from '../api/context'
import type { rulesContract, TargetSeries } from '../../shared/contract/rules'
import type { DashboardTarget, RuleKind, RuleParams } from '../../shared/domain/rules'
import { monthKey, monthStart } from '../../shared/domain/settlement-deadline'
import { averageFen, bandStatus, shareBp, turnoverCenti } from '../../shared/domain/stock-rules'
import { mulDivRound } from '../../shared/domain/stock'
import { loadRules } from './catalog'
import { envOf, numbered, type EvalEnv } from './context'
import { fillRate, outboundLastDays, slowMoving, stockValueFen, turnover } from './measures'
import { addLocalDays, addLocalMonths, localInstant } from '../../shared/domain/settlement-deadline'
import { slowMovingSeries } from './stock-as-of'

// The targets dashboard: the manual's figures as monthly series over the last N months, each
// with the band its rule holds it to (so a manager's change of a rule moves the band too).

type Out = z.output<(typeof rulesContract)['dashboard.targets']['output']>
type Series = z.output<typeof TargetSeries>
type Point = Series['series'][number]

export function paramsOf<K extends RuleKind>(env: EvalEnv, kind: K): RuleParams<K> {
  return loadRules(env.store, env.nowIso).find((r) => r.kind === kind)!.params as RuleParams<K>
}

interface MonthRow {
  m: string
  n: number
  d: number
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
function settlementSeries(env: EvalEnv, months: string[], from: string): Series[] {
  const m = paramsOf(env, 'maintenance_settlement_overdue')
  const ins = paramsOf(env, 'insurance_settlement_month_end')
  const current = monthKey(env.now, env.timeZone)
  const maintenance = env.store
    .prepare(
      `SELECT substr(completed_at, 1, 7) AS m,
              SUM(CASE WHEN settled_at IS NOT NULL AND julianday(settled_at) - julianday(completed_at) <= ?1 THEN 1 ELSE 0 END) AS n,
              SUM(CASE WHEN settled_at IS NULL AND julianday(?2) - julianday(completed_at) <= ?1 THEN 0 ELSE 1 END) AS d
         FROM repair_orders WHERE completed_at >= ?3 AND state <> 'cancelled' AND type IN (SELECT value FROM json_each(?4))
        GROUP BY m`,
    )
    .all(numbered(m.days, env.nowIso, from, JSON.stringify(m.roTypes))) as MonthRow[]
  const insurance = env.store
    .prepare(
      `SELECT substr(completed_at, 1, 7) AS m,
              SUM(CASE WHEN settled_at IS NOT NULL AND substr(settled_at, 1, 7) = substr(completed_at, 1, 7) THEN 1 ELSE 0 END) AS n,
              SUM(CASE WHEN settled_at IS NULL AND substr(completed_at, 1, 7) = ?1 THEN 0 ELSE 1 END) AS d
         FROM repair_orders WHERE completed_at >= ?2 AND state <> 'cancelled' AND type IN (SELECT value FROM json_each(?3))
        GROUP BY m`,
    )
    .all(numbered(current, from, JSON.stringify(ins.roTypes))) as MonthRow[]
  const collection = env.store
    .prepare(
      `SELECT substr(i.issued_at, 1, 7) AS m,
              SUM(CASE WHEN COALESCE((SELECT SUM(p.amount_fen) FROM payments p WHERE p.invoice_id = i.id
                         AND substr(p.at, 1, 7) = substr(i.issued_at, 1, 7)), 0) >= i.gross_fen THEN 1 ELSE 0 END) AS n,
              SUM(CASE WHEN substr(i.issued_at, 1, 7) = ?1
                        AND COALESCE((SELECT SUM(p.amount_fen) FROM payments p WHERE p.invoice_id = i.id), 0) < i.gross_fen THEN 0 ELSE 1 END) AS d
         FROM invoices i WHERE i.payer = 'insurance' AND i.kind = 'invoice' AND i.state = 'issued' AND i.issued_at >= ?2
        GROUP BY m`,
    )
    .all(numbered(current, from)) as MonthRow[]
  const full = { min: 10_000 }
  const last = (p: Point[]) => p.at(-1)?.value ?? null
  const mp = points(months, maintenance)
  const ip = points(months, insurance)
  const cp = points(months, collection)
  return [
    series('maintenance_settlement', 'bp', full, last(mp), mp),
    series('insurance_settlement', 'bp', full, last(ip), ip),
    series('insurance_collection', 'bp', full, last(cp), cp),
  ]
}

/** Stock value at each month end is today's value less the moves since; outbound per month. */
function ledgerSeries(env: EvalEnv, months: string[]): Series[] {
  const sv = paramsOf(env, 'stock_value_vs_outbound')
  const to = paramsOf(env, 'stock_turnover')
  const back = months.length - 1 + to.months
  const from = env.iso(monthStart(env.now, env.timeZone, -back))
  const rows = env.store
    .prepare(
      `SELECT substr(at, 1, 7) AS m, SUM(value_fen) AS moved,
              COALESCE(-SUM(CASE WHEN kind IN ('issue', 'return') THEN value_fen END), 0) AS outbound
         FROM stock_moves WHERE at >= ? GROUP BY m`,
    )
    .all(from) as { m: string; moved: number; outbound: number }[]
  const byMonth = new Map(rows.map((r) => [r.m, r]))
  const all = Array.from({ length: back + 1 }, (_, k) => monthKey(monthStart(env.now, env.timeZone, k - back), env.timeZone))
  const current = stockValueFen(env)
  // Value at the end of month i: today's value less every move in the months after it.
  const endValue: number[] = new Array(all.length)
  let after = 0
  for (let i = all.length - 1; i >= 0; i--) {
    endValue[i] = current - after
    after += byMonth.get(all[i]!)?.moved ?? 0
  }
  const startOfFirst = current - after
  const outbound = all.map((m) => byMonth.get(m)?.outbound ?? 0)
  const offset = all.length - months.length
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
    series('turnover', 'centi', { min: to.minCenti, max: to.maxCenti }, turnover(env, to.months).centi, turnPts),
  ]
}

function partsSeries(env: EvalEnv, months: string[], from: string): Series[] {
  const sm = paramsOf(env, 'slow_moving_share')
  const fr = paramsOf(env, 'fill_rate')
  const st = paramsOf(env, 'stocktake_variance')
  // Each month's share as of its end, rebuilt from the ledger (the same rows its drill-down lists).
  const bounds = months.map((m) => {
    const [y, mo] = m.split('-').map(Number) as [number, number]
    const end = localInstant(env.timeZone, y, mo + 1, 1)
    return { end: env.iso(end), cutoff: env.iso(addLocalMonths(end > env.now ? env.now : end, -sm.months, env.timeZone)) }
  })
  const shares = slowMovingSeries(env, bounds.map((b) => b.end), bounds.map((b) => b.cutoff))
  const slowPts = points(months, months.map((m, j) => ({ m, n: shares[j]!.slowFen, d: shares[j]!.totalFen })))
  const slow = slowMoving(env, sm.months)
  const fills = env.store
    .prepare(`SELECT substr(first_at, 1, 7) AS m, COALESCE(SUM(served_from_stock), 0) AS n, COUNT(*) AS d FROM part_requests WHERE first_at >= ? GROUP BY m`)
    .all(from) as MonthRow[]
  const f = fillRate(env, env.iso(addLocalDays(env.now, -fr.days, env.timeZone)))
  const absDiff = `abs(COALESCE(l.counted_milli, l.book_milli) - l.book_milli)`
  const takes = env.store
    .prepare(
      `SELECT substr(st.decided_at, 1, 7) AS m,
              SUM(CASE WHEN l.book_milli > 0 THEN (l.book_value_fen * ${absDiff} * 2 + l.book_milli) / (2 * l.book_milli)
                       ELSE (${absDiff} * l.unit_cost_fen * 2 + 1000) / 2000 END) AS n,
              SUM(l.book_value_fen) AS d
         FROM stocktakes st JOIN stocktake_lines l ON l.stocktake_id = st.id
        WHERE st.state = 'approved' AND st.decided_at >= ? GROUP BY m`,
    )
    .all(from) as MonthRow[]
  const takePts = points(months, takes)
  const lastTake = [...takePts].reverse().find((p) => p.value !== null)?.value ?? null
  return [
    series('slow_moving', 'bp', { max: sm.maxShareBp }, shareBp(slow.slowFen, slow.totalFen), slowPts),
    series('fill_rate', 'bp', { min: fr.minBp }, shareBp(f.served, f.requested), points(months, fills)),
    series('stocktake_variance', 'bp', { max: st.maxBp }, lastTake, takePts),
  ]
}

export function dashboardTargets(ctx: Ctx, input: { months: number }): Out {
  const env = envOf(ctx)
  const months = Array.from({ length: input.months }, (_, k) => monthKey(monthStart(env.now, env.timeZone, k - input.months + 1), env.timeZone))
  const from = env.iso(monthStart(env.now, env.timeZone, -(input.months - 1)))
  const bySettlement = settlementSeries(env, months, from)
  const byLedger = ledgerSeries(env, months)
  const byParts = partsSeries(env, months, from)
  const all = [...bySettlement, ...byLedger, ...byParts]
  const order: DashboardTarget[] = ['maintenance_settlement', 'insurance_settlement', 'insurance_collection', 'stock_vs_outbound', 'slow_moving', 'turnover', 'fill_rate', 'stocktake_variance']
  return { asOf: env.nowIso, months, targets: order.map((k) => all.find((s) => s.key === k)!) }
}
