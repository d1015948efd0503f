import { addLocalDays, addLocalMonths, monthStart } from '../../shared/domain/settlement-deadline'
import { averageFen, turnoverCenti } from '../../shared/domain/stock-rules'
import { mulDivRound } from '../../shared/domain/stock'
import type { EvalEnv } from './context'

// The parts department's figures, each one set-based statement over the ledger (stock_moves
// carries each move's value; part_stock the running balance). Used by the department rules,
// the monthly snapshots and the dashboard, so all three agree.

/** Value of everything on the shelves now. */
export function stockValueFen(env: EvalEnv): number {
  return (env.store.prepare('SELECT COALESCE(SUM(value_fen), 0) AS v FROM part_stock').get() as { v: number }).v
}

/** Cost of parts issued (net of returns) since `fromIso`. */
export function outboundFen(env: EvalEnv, fromIso: string): number {
  const row = env.store
    .prepare(`SELECT COALESCE(-SUM(value_fen), 0) AS v FROM stock_moves WHERE at >= ? AND kind IN ('issue', 'return')`)
    .get(fromIso) as { v: number }
  return row.v
}

export function outboundLastDays(env: EvalEnv, days: number): number {
  return outboundFen(env, env.iso(addLocalDays(env.now, -days, env.timeZone)))
}

export interface SlowMoving {
  count: number
  slowFen: number
  totalFen: number
  cutoffIso: string
}

/**
 * Parts in stock with no issue for `months` (滞销件): the last issue — or, for a part never
 * issued, its last receipt — is before the cutoff. A part received last week is not slow yet.
 */
export const SLOW_PART_SQL = `s.on_hand_milli > 0 AND COALESCE(s.last_issue_at, s.last_receipt_at, s.last_move_at) < ?`

export function slowMoving(env: EvalEnv, months: number): SlowMoving {
  const cutoffIso = env.iso(addLocalMonths(env.now, -months, env.timeZone))
  const row = env.store
    .prepare(
      `SELECT COUNT(CASE WHEN ${SLOW_PART_SQL} THEN 1 END) AS n,
              COALESCE(SUM(CASE WHEN ${SLOW_PART_SQL} THEN s.value_fen END), 0) AS slow,
              COALESCE(SUM(s.value_fen), 0) AS total
         FROM part_stock s WHERE s.on_hand_milli > 0`,
    )
    .get(cutoffIso, cutoffIso) as { n: number; slow: number; total: number }
  return { count: row.n, slowFen: row.slow, totalFen: row.total, cutoffIso }
}

export interface Turnover {
  months: number
  issuedFen: number
  averageFen: number
  /** Stock value now and at the start of each of the last `months` months (newest first). */
  points: number[]
  /** Turns a year, in hundredths, annualised when `months` is not 12. */
  centi: number | null
}

/**
 * Turnover (库存周转率) = cost issued over the last `months` ÷ average stock value. The stock
 * value at a past instant is today's value less every move since, so one pass over the period's
 * moves gives all the month-start values at once.
 */
export function turnover(env: EvalEnv, months: number): Turnover {
  const from = env.iso(addLocalMonths(env.now, -months, env.timeZone))
  const bounds = Array.from({ length: months }, (_, k) => env.iso(monthStart(env.now, env.timeZone, -k)))
  const sums = bounds.map((_, k) => `COALESCE(SUM(CASE WHEN at >= ? THEN value_fen END), 0) AS a${k}`).join(', ')
  const row = env.store
    .prepare(
      `SELECT COALESCE(-SUM(CASE WHEN kind IN ('issue', 'return') THEN value_fen END), 0) AS issued, ${sums}
         FROM stock_moves WHERE at >= ?`,
    )
    .get(...bounds, from < bounds.at(-1)! ? from : bounds.at(-1)!) as Record<string, number>
  const current = stockValueFen(env)
  const points = [current, ...bounds.map((_, k) => current - (row[`a${k}`] ?? 0))]
  const issuedFen = row.issued ?? 0
  const average = averageFen(points)
  return { months, issuedFen, averageFen: average, points, centi: turnoverCenti(mulDivRound(issuedFen, 12, months), average) }
}

export interface FillRate {
  requested: number
  served: number
}

/** RO part requests since `fromIso` and those met from the shelf at the first request (满足率). */
export function fillRate(env: EvalEnv, fromIso: string): FillRate {
  const row = env.store
    .prepare('SELECT COUNT(*) AS requested, COALESCE(SUM(served_from_stock), 0) AS served FROM part_requests WHERE first_at >= ?')
    .get(fromIso) as FillRate
  return row
}
