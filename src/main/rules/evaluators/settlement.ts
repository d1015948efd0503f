import { sql } from 'kysely'
import { addLocalDays, monthEndThresholds } from '../../../shared/domain/settlement-deadline'
import { minuteSql } from '../context'
import { idsIn, type Evaluator } from './types'

// The front-desk supervisor's deadlines [manual section 2]: 保养工单结算不超过3天, 保险工单当月结算,
// 保险款当月回收; and the promise made to the customer at check-in. Thresholds come from the pure
// functions in shared/domain/settlement-deadline; stored times are local ISO text in one zone, so
// comparing them as text is comparing instants.
// raw SQL: each rule is one set-based statement feeding the engine's temp table (see engine.ts);
// values are bound through the `sql` tag, the fixed fragments below are code, never input.

/**
 * When an RO was completed: `completed_at`, set when it became ready. An RO still `ready` has
 * had no edit since (lines are locked from `in_progress` on), so for rows written before that
 * column was kept, `updated_at` is the moment it entered `ready`.
 */
const COMPLETED = sql.raw('COALESCE(r.completed_at, r.updated_at)')
const COMPLETED_MINUTE = sql.raw(minuteSql('COALESCE(r.completed_at, r.updated_at)'))
/** An incremental run starts from its ids (CROSS JOIN keeps that order): one key lookup per RO. */
const rosOf = (ids: string | null) => (ids ? sql`json_each(${ids}) AS j CROSS JOIN repair_orders r ON r.id = j.value` : sql`repair_orders r`)
const lastDayOf = (expr: string) => sql.raw(`date(substr(${expr}, 1, 7) || '-01', '+1 month', '-1 day')`)

export const maintenanceOverdue: Evaluator<'maintenance_settlement_overdue'> = {
  kind: 'maintenance_settlement_overdue',
  scopeKey: 'roIds',
  hits(env, p, ids) {
    const cutoff = env.iso(addLocalDays(env.now, -p.days, env.timeZone))
    return sql`SELECT r.id AS subject_id, 'breach' AS stage, 'alert.maintenanceOverdue' AS message_key,
                   json_object('number', r.number, 'completedAt', ${COMPLETED_MINUTE}, 'days', ${p.days},
                     'since', ${COMPLETED}) AS params
              FROM ${rosOf(ids)}
             WHERE r.state = 'ready' AND r.type IN (SELECT value FROM json_each(${JSON.stringify(p.roTypes)})) AND ${COMPLETED} < ${cutoff}`
  },
}

export const insuranceSettlement: Evaluator<'insurance_settlement_month_end'> = {
  kind: 'insurance_settlement_month_end',
  scopeKey: 'roIds',
  hits(env, p, ids) {
    const t = monthEndThresholds(env.now, env.timeZone, p.warnDays)
    const monthStart = env.iso(t.monthStart)
    return sql`SELECT r.id AS subject_id, CASE WHEN ${COMPLETED} < ${monthStart} THEN 'breach' ELSE 'warning' END AS stage,
                   CASE WHEN ${COMPLETED} < ${monthStart} THEN 'alert.insuranceSettlementBreach' ELSE 'alert.insuranceSettlementWarning' END AS message_key,
                   json_object('number', r.number, 'completedAt', ${COMPLETED_MINUTE}, 'due', ${lastDayOf('COALESCE(r.completed_at, r.updated_at)')}) AS params
              FROM ${rosOf(ids)}
             WHERE r.state = 'ready' AND r.type IN (SELECT value FROM json_each(${JSON.stringify(p.roTypes)}))
               AND (${COMPLETED} < ${monthStart} OR ${t.warning ? 1 : 0})`
  },
}

/**
 * An incremental run starts from its ROs' invoices (invoices_ro): left to itself the planner
 * prefers the partial index of open invoices and reads every open insurance invoice per write.
 */
const invoicesOf = (ids: string | null) => (ids ? sql`json_each(${ids}) AS j CROSS JOIN invoices i ON i.ro_id = j.value` : sql`invoices i`)

/** An insurance invoice with money still open: the subject is the invoice (insurer, claim number). */
export const insuranceReceivable: Evaluator<'insurance_receivable_month_end'> = {
  kind: 'insurance_receivable_month_end',
  scopeKey: 'roIds',
  subjectsInScope: (ids) => sql`(SELECT id FROM invoices WHERE ro_id IN ${idsIn(ids)})`,
  hits(env, p, ids) {
    const t = monthEndThresholds(env.now, env.timeZone, p.warnDays)
    const monthStart = env.iso(t.monthStart)
    return sql`WITH open AS (
              SELECT i.id, i.number, i.insurer, i.claim_no, i.issued_at,
                     i.gross_fen - COALESCE((SELECT SUM(x.amount_fen) FROM payments x WHERE x.invoice_id = i.id), 0) AS balance
                FROM ${invoicesOf(ids)}
               WHERE i.payer = 'insurance' AND i.kind = 'invoice' AND i.state = 'issued' AND (i.issued_at < ${monthStart} OR ${t.warning ? 1 : 0}))
            SELECT id AS subject_id, CASE WHEN issued_at < ${monthStart} THEN 'breach' ELSE 'warning' END AS stage,
                   CASE WHEN issued_at < ${monthStart} THEN 'alert.insuranceReceivableBreach' ELSE 'alert.insuranceReceivableWarning' END AS message_key,
                   json_object('number', number, 'insurer', insurer, 'claimNo', claim_no,
                     'due', ${lastDayOf('issued_at')}, 'balanceFen', balance) AS params
              FROM open WHERE balance > 0`
  },
}

/** Not ready by the time promised to the customer (the car is still being worked on). */
export const pastPromised: Evaluator<'ro_past_promised'> = {
  kind: 'ro_past_promised',
  scopeKey: 'roIds',
  hits(env, p, ids) {
    const cutoff = env.iso(new Date(env.now.getTime() - p.graceMinutes * 60_000))
    return sql`SELECT r.id AS subject_id, 'breach' AS stage, 'alert.pastPromised' AS message_key,
                   json_object('number', r.number, 'promisedAt', ${sql.raw(minuteSql('r.promised_at'))}, 'state', 'roState.' || r.state,
                     'since', r.promised_at) AS params
              FROM ${rosOf(ids)}
             WHERE r.state IN ('estimate', 'authorised', 'in_progress', 'quality_check', 'washing')
               AND r.promised_at IS NOT NULL AND r.promised_at < ${cutoff}`
  },
}
