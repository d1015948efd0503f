import { addLocalDays, addLocalMonths } from '../../shared/domain/settlement-deadline'
import { averageFen, turnoverCenti } from '../../shared/domain/stock-rules'
import { mulDivRound } from '../../shared/domain/stock'
import { sql } from 'kysely'
import type { EvalEnv } from './context'
import { keptMonths, monthBounds, type MonthBound, type MonthRow } from './month-figures'
import { first, sqlAll, sqlFirst } from '../store/query'

// The parts department's figures, each one set-based statement over the ledger (stock_moves
// carries each move's value; part_stock the running balance). Used by the department rules,
// the monthly snapshots and the dashboard, so all three agree.

/** Value of everything on the shelves now. */
export function stockValueFen(env: EvalEnv): number {
  return first(env.store, env.store.db.selectFrom('part_stock').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('value_fen'), eb.lit(0)).as('v')))?.v ?? 0
}

/** Cost of parts issued (net of returns) since `fromIso`. */
export function outboundFen(env: EvalEnv, fromIso: string): number {
  // raw SQL: the negated sum, as movedByMonth and turnover's partial month sum it.
  return sqlFirst(env.store, sql<{ v: number }>`SELECT COALESCE(-SUM(value_fen), 0) AS v FROM stock_moves WHERE at >= ${fromIso} AND kind IN ('issue', 'return')`)!.v
}

export function outboundLastDays(env: EvalEnv, days: number): number {
  return outboundFen(env, env.iso(addLocalDays(env.now, -days, env.timeZone)))
}

export interface SlowMoving {
  count: number
  slowFen: number
  /** Value of the parts with something on hand. */
  totalFen: number
  /** Value of every stock row (what stockValueFen reads), from the same scan. */
  shelfFen: number
  cutoffIso: string
}

/**
 * Parts in stock with no issue for `months` (滞销件): the last issue — or, for a part never
 * issued, its last receipt — is before the cutoff. A part received last week is not slow yet.
 */
const slowPart = (cutoffIso: string) => sql<boolean>`s.on_hand_milli > 0 AND COALESCE(s.last_issue_at, s.last_receipt_at, s.last_move_at) < ${cutoffIso}`

export function slowMoving(env: EvalEnv, months: number): SlowMoving {
  const cutoffIso = env.iso(addLocalMonths(env.now, -months, env.timeZone))
  const slow = slowPart(cutoffIso)
  // raw SQL: four conditional sums in one pass over part_stock.
  const row = sqlFirst(
    env.store,
    sql<{ n: number; slow: number; total: number; shelf: number }>`SELECT COUNT(CASE WHEN ${slow} THEN 1 END) AS n,
            COALESCE(SUM(CASE WHEN ${slow} THEN s.value_fen END), 0) AS slow,
            COALESCE(SUM(CASE WHEN s.on_hand_milli > 0 THEN s.value_fen END), 0) AS total,
            COALESCE(SUM(s.value_fen), 0) AS shelf
       FROM part_stock s`,
  )!
  return { count: row.n, slowFen: row.slow, totalFen: row.total, shelfFen: row.shelf, cutoffIso }
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

// raw SQL: one pass over a range of the ledger grouped by local month (the `at` text carries the
// local date, so its first 7 characters are the month).
const movedByMonth = (from: string, to: string | null) => sql<MonthRow>`
  SELECT substr(at, 1, 7) AS m, SUM(value_fen) AS n,
         COALESCE(-SUM(CASE WHEN kind IN ('issue', 'return') THEN value_fen END), 0) AS d
    FROM stock_moves WHERE at >= ${from} ${to === null ? sql`` : sql`AND at < ${to}`} GROUP BY m`

export interface LedgerMonth {
  /** Net value of every move in the month, fen (what undoes the month from a later balance). */
  moved: number
  /** Cost issued in the month, net of returns, fen. */
  outbound: number
}

/**
 * Value moved and cost issued in each month of `bounds` (oldest first, ending with the running
 * month): closed months kept in month_figures, the running month read live. A move dated in the
 * future counts in the running month, as "every move since" does.
 */
export function ledgerMonths(env: EvalEnv, bounds: readonly MonthBound[]): LedgerMonth[] {
  const closed = bounds.slice(0, -1)
  const running = bounds.at(-1)!
  const kept = keptMonths(env, 'ledger', '-', closed, (missing) => {
    const rows = new Map(sqlAll(env.store, movedByMonth(missing[0]!.start, missing.at(-1)!.end)).map((r) => [r.m, r]))
    return missing.map((b) => ({ numerator: rows.get(b.month)?.n ?? 0, denominator: rows.get(b.month)?.d ?? 0 }))
  })
  // raw SQL: the running month in one sum, not grouped (grouping by month costs three times more).
  const live = sqlFirst(
    env.store,
    sql<{ n: number; d: number }>`SELECT COALESCE(SUM(value_fen), 0) AS n, COALESCE(-SUM(CASE WHEN kind IN ('issue', 'return') THEN value_fen END), 0) AS d
      FROM stock_moves WHERE at >= ${running.start}`,
  )!
  return [...kept.map((k) => ({ moved: k.numerator, outbound: k.denominator })), { moved: live.n, outbound: live.d }]
}

/**
 * Turnover (库存周转率) = cost issued over the last `months` ÷ average stock value. The stock
 * value at a past instant is today's value less every move since: the month-start values come
 * from the months' ledger sums (closed months kept), and the issues of the part of a month the
 * window starts in from one short range read.
 */
export function turnover(env: EvalEnv, months: number, read?: { ledger: readonly LedgerMonth[]; stockValueFen: number }): Turnover {
  const from = env.iso(addLocalMonths(env.now, -months, env.timeZone))
  const bounds = monthBounds(env, months)
  // A caller that has read a longer run of months ending with the running month (the dashboard)
  // passes it with the stock value, so neither is read twice.
  const ledger = read ? read.ledger.slice(-months) : ledgerMonths(env, bounds)
  if (ledger.length !== months) throw new Error(`turnover over ${months} months given ${ledger.length}`)
  // raw SQL: the same sum as movedByMonth's, over the window's first, partial month.
  const partial = sqlFirst(
    env.store,
    sql<{ v: number }>`SELECT COALESCE(-SUM(value_fen), 0) AS v FROM stock_moves WHERE at >= ${from} AND at < ${bounds[0]!.start} AND kind IN ('issue', 'return')`,
  )!.v
  const current = read ? read.stockValueFen : stockValueFen(env)
  // points[k + 1]: the value at the start of the month k months back (k = 0: this month).
  const points = [current]
  let since = 0
  for (let k = ledger.length - 1; k >= 0; k--) {
    since += ledger[k]!.moved
    points.push(current - since)
  }
  const issuedFen = partial + ledger.reduce((t, m) => t + m.outbound, 0)
  const average = averageFen(points)
  return { months, issuedFen, averageFen: average, points, centi: turnoverCenti(mulDivRound(issuedFen, 12, months), average) }
}

export interface FillRate {
  requested: number
  served: number
}

/** RO part requests since `fromIso` and those met from the shelf at the first request (满足率). */
export function fillRate(env: EvalEnv, fromIso: string): FillRate {
  const row = first(
    env.store,
    env.store.db
      .selectFrom('part_requests')
      .select((eb) => [eb.fn.countAll<number>().as('requested'), eb.fn.coalesce(eb.fn.sum<number>('served_from_stock'), eb.lit(0)).as('served')])
      .where('first_at', '>=', fromIso),
  )
  return { requested: row?.requested ?? 0, served: row?.served ?? 0 }
}
