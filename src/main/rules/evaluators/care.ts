import { sql } from 'kysely'
import { DEPARTMENT_SUBJECT_ID } from '../../../shared/domain/rules'
import type { Evaluator } from './types'

// Customer care's deadlines: complaints not resolved by their deadline (escalated to the service
// manager's inbox), and follow-up calls not made within the days after delivery. Both are one
// department alert with the count and the case that is longest overdue, raised by the sweep and
// cleared by it when nothing is late any more.
// raw SQL: one set-based statement feeding the engine's temp table (see engine.ts); values bound.

export const complaintOverdue: Evaluator<'complaint_overdue'> = {
  kind: 'complaint_overdue',
  hits(env, p) {
    const cutoff = env.iso(new Date(env.now.getTime() - p.graceMinutes * 60_000))
    return sql`WITH late AS (
              SELECT number, due_at FROM care_complaints WHERE state IN ('open', 'assigned') AND due_at < ${cutoff})
            SELECT ${DEPARTMENT_SUBJECT_ID} AS subject_id, 'breach' AS stage, 'alert.complaintsOverdue' AS message_key,
                   json_object('count', (SELECT COUNT(*) FROM late),
                     'number', (SELECT number FROM late ORDER BY due_at, number LIMIT 1),
                     'since', (SELECT MIN(due_at) FROM late)) AS params
             WHERE EXISTS (SELECT 1 FROM late)`
  },
}

export const followUpOverdue: Evaluator<'followup_overdue'> = {
  kind: 'followup_overdue',
  hits(env, p) {
    const cutoff = env.iso(new Date(env.now.getTime() - p.graceMinutes * 60_000))
    return sql`WITH late AS (
              SELECT f.due_at, r.number FROM care_followups f JOIN repair_orders r ON r.id = f.ro_id
               WHERE f.state = 'open' AND f.due_at <= ${cutoff})
            SELECT ${DEPARTMENT_SUBJECT_ID} AS subject_id, 'breach' AS stage, 'alert.followUpsOverdue' AS message_key,
                   json_object('count', (SELECT COUNT(*) FROM late),
                     'number', (SELECT number FROM late ORDER BY due_at, number LIMIT 1),
                     'since', (SELECT MIN(due_at) FROM late)) AS params
             WHERE EXISTS (SELECT 1 FROM late)`
  },
}
