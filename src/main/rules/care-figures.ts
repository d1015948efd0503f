import { sql } from 'kysely'
import type { z } from 'zod'
import type { AdvisorSatisfaction, DrillCall } from '../../shared/contract/rules'
import { mulDivRound } from '../../shared/domain/stock'
import { sqlAll } from '../store/query'
import type { EvalEnv } from './context'
import type { MonthBound, MonthRow } from './month-figures'

// Customer care's figures (回访及时率, 满意度) and the follow-ups and calls behind them — one
// statement each, so a figure and its drill-down count the same rows:
//
//   followup_in_time   per month of delivery: follow-ups done before they were due ÷ follow-ups
//                      decided (done, unreachable, or open past their due time); one follow-up
//                      exists per delivery, so this is "done within N days ÷ deliveries".
//   satisfaction       per month of the call: the sum of the survey scores of the calls that
//                      completed a follow-up ÷ the number of answers, in hundredths of a point.
//
// Neither is kept in month_figures: a month's follow-ups keep changing until the last of them is
// due (days after the month ends, by a setting), and a month's rows are a few thousand at most,
// read through the delivered_at and started_at indexes.

type CallOut = z.output<typeof DrillCall>
type AdvisorOut = z.output<typeof AdvisorSatisfaction>

const range = (column: string, from: string, to: string | null) =>
  sql`${sql.ref(column)} >= ${from} ${to === null ? sql`` : sql`AND ${sql.ref(column)} < ${to}`}`

// raw SQL: monthly sums of conditions on instants stored as local ISO text (the first 7
// characters are the local month); the builder would only wrap the same text.
function inTimeRows(env: EvalEnv, from: string, to: string | null): MonthRow[] {
  return sqlAll(
    env.store,
    sql<MonthRow>`SELECT substr(f.delivered_at, 1, 7) AS m,
            SUM(CASE WHEN f.state = 'done' AND f.closed_at < f.due_at THEN 1 ELSE 0 END) AS n,
            SUM(CASE WHEN f.state = 'open' AND ${env.nowIso} < f.due_at THEN 0 ELSE 1 END) AS d
       FROM care_followups f WHERE ${range('f.delivered_at', from, to)} GROUP BY m`,
  )
}

function satisfactionRows(env: EvalEnv, from: string, to: string | null): MonthRow[] {
  return sqlAll(
    env.store,
    sql<MonthRow>`SELECT substr(k.started_at, 1, 7) AS m, COALESCE(SUM(s.score), 0) AS n, COUNT(s.score) AS d
       FROM care_calls k JOIN care_followups f ON f.done_call_id = k.id JOIN care_call_answers s ON s.call_id = k.id
      WHERE ${range('k.started_at', from, to)} GROUP BY m`,
  )
}

/** The two care figures' monthly sums over `bounds` (oldest first). */
export function careMonthRows(env: EvalEnv, bounds: readonly MonthBound[]): { inTime: MonthRow[]; satisfaction: MonthRow[] } {
  const from = bounds[0]!.start
  return { inTime: inTimeRows(env, from, null), satisfaction: satisfactionRows(env, from, null) }
}

interface CallRow {
  followup_id: number
  call_id: number | null
  ro_id: number
  ro_number: string
  customer_name: string
  advisor_id: number
  advisor_name: string
  delivered_at: string
  due_at: string
  closed_at: string | null
  called_at: string | null
  in_time: number
  pending: number
  score_sum: number | null
  answers: number | null
}

const callOut = (r: CallRow): CallOut => ({
  followUpId: r.followup_id,
  callId: r.call_id,
  roId: r.ro_id,
  roNumber: r.ro_number,
  customerName: r.customer_name,
  advisorId: r.advisor_id,
  advisorName: r.advisor_name,
  deliveredAt: r.delivered_at,
  dueAt: r.due_at,
  closedAt: r.closed_at,
  calledAt: r.called_at,
  inTime: r.in_time === 1,
  pending: r.pending === 1,
  scoreSum: r.score_sum,
  answers: r.answers,
})

const CALL_BASE = sql`SELECT f.id AS followup_id, f.done_call_id AS call_id, r.id AS ro_id, r.number AS ro_number, c.name AS customer_name,
       r.advisor_id, a.display_name AS advisor_name, f.delivered_at, f.due_at, f.closed_at`

/** The follow-ups delivered in the month: late and undone first, then by delivery. */
export function drillInTime(env: EvalEnv, window: { start: string; end: string }, limit: number): CallOut[] {
  const now = env.nowIso
  // raw SQL: the same conditions as inTimeRows, row by row.
  return sqlAll(
    env.store,
    sql<CallRow>`${CALL_BASE}, k.started_at AS called_at,
            f.state = 'done' AND f.closed_at < f.due_at AS in_time,
            f.state = 'open' AND ${now} < f.due_at AS pending, NULL AS score_sum, NULL AS answers
       FROM care_followups f JOIN repair_orders r ON r.id = f.ro_id JOIN customers c ON c.id = r.customer_id
       JOIN users a ON a.id = r.advisor_id LEFT JOIN care_calls k ON k.id = f.done_call_id
      WHERE f.delivered_at >= ${window.start} AND f.delivered_at < ${window.end}
      ORDER BY in_time, pending, f.delivered_at, f.id LIMIT ${limit}`,
  ).map(callOut)
}

/** The calls of the month that completed a follow-up, with their scores; lowest first. */
export function drillSatisfaction(env: EvalEnv, window: { start: string; end: string }, limit: number, advisorId?: number): CallOut[] {
  // raw SQL: the same join as satisfactionRows, one row per call.
  return sqlAll(
    env.store,
    sql<CallRow>`${CALL_BASE}, k.started_at AS called_at, 0 AS in_time, 0 AS pending,
            (SELECT SUM(s.score) FROM care_call_answers s WHERE s.call_id = k.id) AS score_sum,
            (SELECT COUNT(*) FROM care_call_answers s WHERE s.call_id = k.id) AS answers
       FROM care_calls k JOIN care_followups f ON f.done_call_id = k.id JOIN repair_orders r ON r.id = f.ro_id
       JOIN customers c ON c.id = r.customer_id JOIN users a ON a.id = r.advisor_id
      WHERE k.started_at >= ${window.start} AND k.started_at < ${window.end}
        ${advisorId === undefined ? sql`` : sql`AND r.advisor_id = ${advisorId}`}
        AND EXISTS (SELECT 1 FROM care_call_answers s WHERE s.call_id = k.id)
      ORDER BY score_sum * 1.0 / answers, k.started_at, k.id LIMIT ${limit}`,
  ).map(callOut)
}

/** The survey's mean per advisor (the RO's service advisor) over the month's completing calls. */
export function satisfactionByAdvisor(env: EvalEnv, window: { start: string; end: string }): AdvisorOut[] {
  // raw SQL: the same join as satisfactionRows, grouped by the RO's advisor.
  const rows = sqlAll(
    env.store,
    sql<{ advisor_id: number; advisor_name: string; calls: number; score_sum: number; answers: number }>`
      SELECT r.advisor_id, a.display_name AS advisor_name, COUNT(DISTINCT k.id) AS calls, SUM(s.score) AS score_sum, COUNT(s.score) AS answers
        FROM care_calls k JOIN care_followups f ON f.done_call_id = k.id JOIN care_call_answers s ON s.call_id = k.id
        JOIN repair_orders r ON r.id = f.ro_id JOIN users a ON a.id = r.advisor_id
       WHERE k.started_at >= ${window.start} AND k.started_at < ${window.end}
       GROUP BY r.advisor_id ORDER BY score_sum * 1.0 / answers, a.display_name`,
  )
  return rows.map((r) => ({
    advisorId: r.advisor_id,
    advisorName: r.advisor_name,
    calls: r.calls,
    scoreSum: r.score_sum,
    answers: r.answers,
    valueCenti: r.answers > 0 ? mulDivRound(r.score_sum, 100, r.answers) : null,
  }))
}
