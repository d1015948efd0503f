import { addLocalDays, monthEndThresholds } from '../../../shared/domain/settlement-deadline'
import { minuteSql, numbered } from '../context'
import { IDS, type Evaluator } from './types'

// The front-desk supervisor's deadlines [manual section 2]: 保养工单结算不超过3天, 保险工单当月结算,
// 保险款当月回收; and the promise made to the customer at check-in. Thresholds come from the pure
// functions in shared/domain/settlement-deadline; stored times are local ISO text in one zone, so
// comparing them as text is comparing instants.

/**
 * When an RO was completed: `completed_at`, set when it became ready. An RO still `ready` has
 * had no edit since (lines are locked from `in_progress` on), so for rows written before that
 * column was kept, `updated_at` is the moment it entered `ready`.
 */
const COMPLETED = 'COALESCE(r.completed_at, r.updated_at)'
/** An incremental run starts from its ids (CROSS JOIN keeps that order): one key lookup per RO. */
const BY_IDS = 'json_each(?) AS j CROSS JOIN repair_orders r ON r.id = j.value'
const lastDayOf = (expr: string) => `date(substr(${expr}, 1, 7) || '-01', '+1 month', '-1 day')`

export const maintenanceOverdue: Evaluator<'maintenance_settlement_overdue'> = {
  kind: 'maintenance_settlement_overdue',
  scopeKey: 'roIds',
  hits(env, p, ids) {
    const cutoff = env.iso(addLocalDays(env.now, -p.days, env.timeZone))
    return {
      sql: `SELECT r.id AS subject_id, 'breach' AS stage, 'alert.maintenanceOverdue' AS message_key,
                   json_object('number', r.number, 'completedAt', ${minuteSql(COMPLETED)}, 'days', ?,
                     'since', ${COMPLETED}) AS params
              FROM ${ids ? BY_IDS : 'repair_orders r'}
             WHERE r.state = 'ready' AND r.type IN (SELECT value FROM json_each(?)) AND ${COMPLETED} < ?`,
      args: [p.days, ...(ids ? [ids] : []), JSON.stringify(p.roTypes), cutoff],
    }
  },
}

export const insuranceSettlement: Evaluator<'insurance_settlement_month_end'> = {
  kind: 'insurance_settlement_month_end',
  scopeKey: 'roIds',
  hits(env, p, ids) {
    const t = monthEndThresholds(env.now, env.timeZone, p.warnDays)
    const monthStart = env.iso(t.monthStart)
    return {
      sql: `SELECT r.id AS subject_id, CASE WHEN ${COMPLETED} < ?1 THEN 'breach' ELSE 'warning' END AS stage,
                   CASE WHEN ${COMPLETED} < ?1 THEN 'alert.insuranceSettlementBreach' ELSE 'alert.insuranceSettlementWarning' END AS message_key,
                   json_object('number', r.number, 'completedAt', ${minuteSql(COMPLETED)}, 'due', ${lastDayOf(COMPLETED)}) AS params
              FROM ${ids ? BY_IDS.replace('?', '?4') : 'repair_orders r'}
             WHERE r.state = 'ready' AND r.type IN (SELECT value FROM json_each(?2)) AND (${COMPLETED} < ?1 OR ?3)`,
      args: [numbered(monthStart, JSON.stringify(p.roTypes), t.warning ? 1 : 0, ...(ids ? [ids] : []))],
    }
  },
}

/** An insurance invoice with money still open: the subject is the invoice (insurer, claim number). */
export const insuranceReceivable: Evaluator<'insurance_receivable_month_end'> = {
  kind: 'insurance_receivable_month_end',
  scopeKey: 'roIds',
  subjectsInScope: `(SELECT id FROM invoices WHERE ro_id IN ${IDS})`,
  hits(env, p, ids) {
    const t = monthEndThresholds(env.now, env.timeZone, p.warnDays)
    return {
      sql: `WITH open AS (
              SELECT i.id, i.number, i.insurer, i.claim_no, i.issued_at,
                     i.gross_fen - COALESCE((SELECT SUM(x.amount_fen) FROM payments x WHERE x.invoice_id = i.id), 0) AS balance
                FROM invoices i
               WHERE i.payer = 'insurance' AND i.kind = 'invoice' AND i.state = 'issued' AND (i.issued_at < ?1 OR ?2)
                 ${ids ? `AND i.ro_id IN (SELECT value FROM json_each(?3))` : ''})
            SELECT id AS subject_id, CASE WHEN issued_at < ?1 THEN 'breach' ELSE 'warning' END AS stage,
                   CASE WHEN issued_at < ?1 THEN 'alert.insuranceReceivableBreach' ELSE 'alert.insuranceReceivableWarning' END AS message_key,
                   json_object('number', number, 'insurer', insurer, 'claimNo', claim_no,
                     'due', ${lastDayOf('issued_at')}, 'balanceFen', balance) AS params
              FROM open WHERE balance > 0`,
      args: [numbered(env.iso(t.monthStart), t.warning ? 1 : 0, ...(ids ? [ids] : []))],
    }
  },
}

/** Not ready by the time promised to the customer (the car is still being worked on). */
export const pastPromised: Evaluator<'ro_past_promised'> = {
  kind: 'ro_past_promised',
  scopeKey: 'roIds',
  hits(env, p, ids) {
    const cutoff = env.iso(new Date(env.now.getTime() - p.graceMinutes * 60_000))
    return {
      sql: `SELECT r.id AS subject_id, 'breach' AS stage, 'alert.pastPromised' AS message_key,
                   json_object('number', r.number, 'promisedAt', ${minuteSql('r.promised_at')}, 'state', 'roState.' || r.state,
                     'since', r.promised_at) AS params
              FROM ${ids ? BY_IDS : 'repair_orders r'}
             WHERE r.state IN ('estimate', 'authorised', 'in_progress', 'quality_check', 'washing')
               AND r.promised_at IS NOT NULL AND r.promised_at < ?`,
      args: [...(ids ? [ids] : []), cutoff],
    }
  },
}
