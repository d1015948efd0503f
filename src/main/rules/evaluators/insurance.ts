import { sql } from 'kysely'
import { localDate } from '../../../shared/domain/calendar'
import type { Evaluator } from './types'

// Insurance ROs: the loss assessment (定损) is due within `days` days of the car's arrival. The
// claim keeps its due date from the days in force when its arrival was set (the figures judge by
// the same date), so a change of `days` applies to claims arriving from then on. One alert per RO
// whose claim is still not assessed after that, naming the insurer, the report number, the
// arrival, the due date and the days it is late; assessing it (or the RO leaving the open states)
// clears it. Dates are the claim's local dates, compared with today's local date.
// raw SQL: a rule is one set-based statement feeding the engine's temp table (see engine.ts).

const rosOf = (ids: string | null) => (ids ? sql`json_each(${ids}) AS j CROSS JOIN repair_orders r ON r.id = j.value` : sql`repair_orders r`)

export const insuranceAssessmentOverdue: Evaluator<'insurance_assessment_overdue'> = {
  kind: 'insurance_assessment_overdue',
  scopeKey: 'roIds',
  hits(env, _p, ids) {
    const today = localDate(env.now, env.timeZone)
    return sql`SELECT r.id AS subject_id, 'breach' AS stage, 'alert.insuranceAssessmentOverdue' AS message_key,
                   json_object('number', r.number, 'insurer', c.insurer, 'reportNo', c.report_no, 'arrivedOn', c.arrived_on,
                     'days', c.assessment_days, 'due', c.assessment_due_on,
                     'late', CAST(julianday(${today}) - julianday(c.assessment_due_on) AS INTEGER)) AS params
              FROM ${rosOf(ids)}
              JOIN insurance_claims c ON c.ro_id = r.id
             WHERE c.assessed_on IS NULL AND r.state NOT IN ('cancelled', 'settled', 'delivered')
               AND c.assessment_due_on < ${today}`
  },
}
