import type { z } from 'zod'
import { sql } from 'kysely'
import type { DashboardTarget } from '../../shared/domain/rules'
import type { DrillPart } from '../../shared/contract/rules'
import { addLocalDays, addLocalMonths } from '../../shared/domain/settlement-deadline'
import type { EvalEnv } from './context'
import { paramsOf } from './dashboard'
import { sqlAll } from '../store/query'
import { slowAsOf, stockAsOfCte } from './stock-as-of'

// The parts behind one month of a parts figure, as they stood at that month's end (or now, for
// the current month): the same rows, windows and rounding the figure itself is computed from, so
// the figure is the sum (or the average of sums) of the rows listed. Every row of the figure's
// denominator is listed, the ones that matter first. raw SQL (sql tag): the as-of CTEs shared with
// the figures (stock-as-of.ts), per-month CASE columns and the variance's rounding expression.

type PartOut = z.output<typeof DrillPart>

export interface MonthWindow {
  /** First instant of the month. */
  start: string
  /** First instant of the next month. */
  end: string
  /** The instant the figure is read at: the month's end, or now while it runs (the slow-moving cutoff counts back from it). */
  asOf: string
  current: boolean
}

type Row = Partial<Record<string, number | string | null>> & { part_id: number; part_number: string; name: string }

const num = (v: number | string | null | undefined) => (typeof v === 'number' ? v : null)
const str = (v: number | string | null | undefined) => (typeof v === 'string' ? v : null)

const partOut = (r: Row, extra: Partial<PartOut> = {}): PartOut => ({
  partId: r.part_id,
  partNumber: r.part_number,
  name: r.name,
  onHandMilli: num(r.on_hand),
  valueFen: num(r.value),
  issuedMilli: num(r.issued_milli),
  issuedValueFen: num(r.issued_value),
  lastIssueAt: str(r.last_issue_at),
  roId: num(r.ro_id),
  roNumber: str(r.ro_number),
  diffMilli: num(r.diff_milli),
  diffValueFen: num(r.diff_value),
  counted: r.counted === undefined || r.counted === null ? null : r.counted === 1,
  monthEndValuesFen: null,
  ...extra,
})

/** Stock value at the month's end against the month's outbound (the current month: the rule's last N days). */
function stockVsOutbound(env: EvalEnv, w: MonthWindow, lim: number): PartOut[] {
  const from = w.current ? env.iso(addLocalDays(env.now, -paramsOf(env, 'stock_value_vs_outbound').days, env.timeZone)) : w.start
  const rows = sqlAll<Row>(
    env.store,
    sql`WITH ${stockAsOfCte(w.end)},
         out AS (SELECT part_id, -SUM(quantity_milli) AS issued_milli, -SUM(value_fen) AS issued_value FROM stock_moves
                  WHERE at >= ${from} AND at < ${w.end} AND kind IN ('issue', 'return') GROUP BY part_id)
       SELECT a.part_id, p.part_number, p.name, a.on_hand, a.value, a.last_issue_at, o.issued_milli, COALESCE(o.issued_value, 0) AS issued_value
         FROM as_of a JOIN parts p ON p.id = a.part_id LEFT JOIN out o ON o.part_id = a.part_id
        WHERE a.value <> 0 OR a.on_hand <> 0 OR COALESCE(o.issued_value, 0) <> 0 OR o.issued_milli IS NOT NULL
        ORDER BY a.value DESC, a.part_id LIMIT ${lim}`,
  )
  return rows.map((r) => partOut(r))
}

/**
 * Turnover: cost issued over the rule's last N calendar months ÷ the average of the N + 1
 * month-end stock values. Each row carries its month-end values (newest first) so the average
 * of their column sums is the figure's denominator to the fen.
 */
function turnover(env: EvalEnv, w: MonthWindow, lim: number): PartOut[] {
  const months = paramsOf(env, 'stock_turnover').months
  const ends = Array.from({ length: months + 1 }, (_, k) => (k === 0 ? w.end : env.iso(addLocalMonths(new Date(w.end), -k, env.timeZone))))
  const from = ends.at(-1)!
  const later = sql.join(ends.map((e, k) => sql`COALESCE(SUM(CASE WHEN at >= ${e} THEN value_fen END), 0) AS ${sql.ref(`a${k}`)}`))
  const valueAt = sql.join(ends.map((_, k) => sql`s.value_fen - COALESCE(${sql.ref(`m.a${k}`)}, 0) AS ${sql.ref(`v${k}`)}`))
  const anyValue = sql.join(
    ends.map((_, k) => sql`${sql.ref(`v${k}`)} <> 0`),
    sql` OR `,
  )
  const rows = sqlAll<Row>(
    env.store,
    sql`WITH m AS (SELECT part_id, ${later}, SUM(CASE WHEN at >= ${w.end} THEN quantity_milli END) AS q,
                         -SUM(CASE WHEN at < ${w.end} AND kind IN ('issue', 'return') THEN quantity_milli END) AS issued_milli,
                         -SUM(CASE WHEN at < ${w.end} AND kind IN ('issue', 'return') THEN value_fen END) AS issued_value
                    FROM stock_moves WHERE at >= ${from} GROUP BY part_id),
            t AS (SELECT s.part_id, s.on_hand_milli - COALESCE(m.q, 0) AS on_hand, ${valueAt}, m.issued_milli, COALESCE(m.issued_value, 0) AS issued_value
                    FROM part_stock s LEFT JOIN m ON m.part_id = s.part_id)
       SELECT t.*, t.v0 AS value, p.part_number, p.name FROM t JOIN parts p ON p.id = t.part_id
        WHERE ${anyValue} OR t.issued_value <> 0 OR t.issued_milli IS NOT NULL
        ORDER BY t.v0 DESC, t.part_id LIMIT ${lim}`,
  )
  return rows.map((r) => partOut(r, { monthEndValuesFen: ends.map((_, k) => Number(r[`v${k}`] ?? 0)) }))
}

/** Every part in stock at the month's end, the slow-moving ones (`counted`) first. */
function slowMoving(env: EvalEnv, w: MonthWindow, lim: number): PartOut[] {
  const cutoff = env.iso(addLocalMonths(new Date(w.asOf), -paramsOf(env, 'slow_moving_share').months, env.timeZone))
  const rows = sqlAll<Row>(
    env.store,
    sql`WITH ${stockAsOfCte(w.end)}
       SELECT as_of.part_id, p.part_number, p.name, as_of.on_hand, as_of.value, as_of.last_issue_at, ${slowAsOf(cutoff)} AS counted
         FROM as_of JOIN parts p ON p.id = as_of.part_id WHERE as_of.on_hand > 0
        ORDER BY counted DESC, as_of.value DESC, as_of.part_id LIMIT ${lim}`,
  )
  return rows.map((r) => partOut(r))
}

/** Every RO part request first made in the month, the ones the shelf could not meet first. */
function fillRate(env: EvalEnv, w: MonthWindow, lim: number): PartOut[] {
  const rows = sqlAll<Row>(
    env.store,
    sql`WITH ${stockAsOfCte(w.end)}
       SELECT q.part_id, p.part_number, p.name, q.requested_milli AS issued_milli, q.ro_id, r.number AS ro_number,
              a.on_hand, q.served_from_stock AS counted
         FROM part_requests q JOIN parts p ON p.id = q.part_id JOIN repair_orders r ON r.id = q.ro_id
         LEFT JOIN as_of a ON a.part_id = q.part_id
        WHERE q.first_at >= ${w.start} AND q.first_at < ${w.end} ORDER BY q.served_from_stock, q.first_at, q.ro_id LIMIT ${lim}`,
  )
  return rows.map((r) => partOut(r))
}

/**
 * Every line of the stocktakes approved in the month: book value (the denominator) and the
 * signed difference, rounded half away from zero per line exactly as the figure rounds it.
 */
function stocktakeVariance(env: EvalEnv, w: MonthWindow, lim: number): PartOut[] {
  const diff = sql`(COALESCE(l.counted_milli, l.book_milli) - l.book_milli)`
  const rows = sqlAll<Row>(
    env.store,
    sql`SELECT l.part_id, p.part_number, p.name, l.book_milli AS on_hand, l.book_value_fen AS value, ${diff} AS diff_milli,
              (CASE WHEN ${diff} < 0 THEN -1 ELSE 1 END) *
              (CASE WHEN l.book_milli > 0 THEN (l.book_value_fen * abs(${diff}) * 2 + l.book_milli) / (2 * l.book_milli)
                    ELSE (abs(${diff}) * l.unit_cost_fen * 2 + 1000) / 2000 END) AS diff_value
         FROM stocktakes st JOIN stocktake_lines l ON l.stocktake_id = st.id JOIN parts p ON p.id = l.part_id
        WHERE st.state = 'approved' AND st.decided_at >= ${w.start} AND st.decided_at < ${w.end}
        ORDER BY abs(diff_value) DESC, abs(diff_milli) DESC, l.part_id LIMIT ${lim}`,
  )
  return rows.map((r) => partOut(r))
}

export type PartTarget = Extract<DashboardTarget, 'stock_vs_outbound' | 'turnover' | 'slow_moving' | 'fill_rate' | 'stocktake_variance'>

export const PART_DRILLS: Record<PartTarget, (env: EvalEnv, w: MonthWindow, lim: number) => PartOut[]> = {
  stock_vs_outbound: stockVsOutbound,
  turnover,
  slow_moving: slowMoving,
  fill_rate: fillRate,
  stocktake_variance: stocktakeVariance,
}
