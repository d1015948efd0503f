import type { Ctx } from '../api/context'
import { AppError } from '../api/app-error'
import { failedGates, type OutstandingPart, type RoGate, type RoGateFacts } from '../../shared/domain/ro-gates'
import type { RoAction } from '../../shared/domain/ro-state'
import { formatMilli } from '../../shared/domain/stock'
import { yuan } from '../settlement/numbers'

// The state machine's gates enforced in the main process: the facts an action depends on, read in
// the caller's transaction, and one refusal naming the first gate that fails (the others are in
// the details). Waivers are decided by the caller (settlement, delivery), which knows the
// permission and keeps the reason.

export function outstandingPartsOf(ctx: Ctx, roId: number): OutstandingPart[] {
  const rows = ctx.store
    .prepare(
      `WITH wanted AS (SELECT part_id, SUM(quantity_milli) AS requested FROM ro_lines WHERE ro_id = ? AND kind = 'part' AND part_id IS NOT NULL GROUP BY part_id)
       SELECT w.part_id, p.part_number, p.name, w.requested, COALESCE(i.issued_milli, 0) AS issued
         FROM wanted w JOIN parts p ON p.id = w.part_id
         LEFT JOIN ro_part_issues i ON i.ro_id = ? AND i.part_id = w.part_id
        WHERE w.requested > COALESCE(i.issued_milli, 0)
        ORDER BY p.part_key`,
    )
    .all(roId, roId) as { part_id: number; part_number: string; name: string; requested: number; issued: number }[]
  return rows.map((r) => ({ partId: r.part_id, partNumber: r.part_number, name: r.name, requestedMilli: r.requested, issuedMilli: r.issued }))
}

export function gateFacts(ctx: Ctx, roId: number): RoGateFacts {
  const row = ctx.store
    .prepare(
      `SELECT (SELECT count(*) FROM ro_lines l WHERE l.ro_id = r.id) AS lines,
              (SELECT count(*) FROM ro_jobs j WHERE j.ro_id = r.id AND j.state NOT IN ('done', 'declined', 'proposed')) AS open_jobs,
              (SELECT count(*) FROM job_time_segments s JOIN ro_jobs j ON j.id = s.job_id WHERE j.ro_id = r.id AND s.ended_at IS NULL) AS running,
              (SELECT count(*) FROM additional_work a WHERE a.ro_id = r.id AND a.state = 'raised') AS raised,
              (SELECT COALESCE(SUM(i.issued_milli), 0) FROM ro_part_issues i WHERE i.ro_id = r.id) AS issued,
              (SELECT COALESCE(SUM(x.balance_fen), 0) FROM receivables x WHERE x.ro_id = r.id AND x.payer = 'customer') AS balance
         FROM repair_orders r WHERE r.id = ?`,
    )
    .get(roId) as { lines: number; open_jobs: number; running: number; raised: number; issued: number; balance: number }
  return {
    lines: row.lines,
    openJobs: row.open_jobs,
    runningClocks: row.running,
    additionalAwaiting: row.raised,
    outstandingParts: outstandingPartsOf(ctx, roId),
    issuedPartsMilli: row.issued,
    customerBalanceFen: row.balance,
  }
}

/** The parts still to issue as one line of text for a message: "P123 刹车片 4（已发 0）；…". */
export function outstandingText(ctx: Ctx, parts: readonly OutstandingPart[]): string {
  const en = ctx.locale === 'en'
  return parts
    .map((p) => {
      const left = formatMilli(p.requestedMilli - p.issuedMilli)
      return en ? `${p.partNumber} ${p.name} ×${left} (issued ${formatMilli(p.issuedMilli)})` : `${p.partNumber} ${p.name} ×${left}（已发 ${formatMilli(p.issuedMilli)}）`
    })
    .join(en ? '; ' : '；')
}

/** The refusal for a gate, with the facts a person needs to act on it. */
export function gateError(ctx: Ctx, number: string, gate: RoGate, failed: readonly RoGate[], facts: RoGateFacts): AppError {
  const params = {
    number,
    jobs: facts.openJobs,
    clocks: facts.runningClocks,
    additional: facts.additionalAwaiting,
    count: facts.outstandingParts.length,
    parts: outstandingText(ctx, facts.outstandingParts),
    issued: formatMilli(facts.issuedPartsMilli),
    balance: yuan(facts.customerBalanceFen),
  }
  return new AppError('INVALID_STATE', `roGate.${gate}`, params, {
    gates: [...failed],
    outstandingParts: facts.outstandingParts.map((p) => ({ ...p })),
    balanceFen: facts.customerBalanceFen,
  })
}

/**
 * Refuses `action` unless every gate holds, except the `waived` ones (the caller has checked the
 * permission). Returns the facts, so a waiver can be recorded with what it waived.
 */
export function enforceGates(ctx: Ctx, roId: number, number: string, action: RoAction, waived: readonly RoGate[] = []): RoGateFacts {
  const facts = gateFacts(ctx, roId)
  const failed = failedGates(action, facts)
  const blocking = failed.filter((g) => !waived.includes(g))
  if (blocking.length > 0) throw gateError(ctx, number, blocking[0]!, blocking, facts)
  return facts
}
