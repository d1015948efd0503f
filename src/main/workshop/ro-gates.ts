import { sql } from 'kysely'
import type { Ctx } from '../api/context'
import { all, first } from '../store/query'
import { AppError } from '../api/app-error'
import { failedGates, type OutstandingPart, type RoGate, type RoGateFacts } from '../../shared/domain/ro-gates'
import type { RoAction } from '../../shared/domain/ro-state'
import { formatMilli } from '../../shared/domain/stock'
import { yuan } from '../../shared/format/numbers'

// The state machine's gates enforced in the main process: the facts an action depends on, read in
// the caller's transaction, and one refusal naming the first gate that fails (the others are in
// the details). Waivers are decided by the caller (settlement, delivery), which knows the
// permission and keeps the reason.

export function outstandingPartsOf(ctx: Ctx, roId: number): OutstandingPart[] {
  const issued = sql<number>`COALESCE(${sql.ref('i.issued_milli')}, 0)`
  const rows = all(
    ctx.store,
    ctx.store.db
      .with('wanted', (db) =>
        db
          .selectFrom('ro_lines')
          .select(['part_id', sql<number>`SUM(${sql.ref('quantity_milli')})`.as('requested')])
          .where('ro_id', '=', roId)
          .where('kind', '=', 'part')
          .where('part_id', 'is not', null)
          .groupBy('part_id')
          .$narrowType<{ part_id: number }>(),
      )
      .selectFrom('wanted as w')
      .innerJoin('parts as p', 'p.id', 'w.part_id')
      .leftJoin('ro_part_issues as i', (join) => join.on('i.ro_id', '=', roId).onRef('i.part_id', '=', 'w.part_id'))
      .select(['w.part_id', 'p.part_number', 'p.name', 'w.requested', issued.as('issued')])
      .where('w.requested', '>', issued)
      .orderBy('p.part_key'),
  )
  return rows.map((r) => ({ partId: r.part_id, partNumber: r.part_number, name: r.name, requestedMilli: r.requested, issuedMilli: r.issued }))
}

export function gateFacts(ctx: Ctx, roId: number): RoGateFacts {
  const count = sql<number>`count(*)`
  const row = first(
    ctx.store,
    ctx.store.db
      .selectFrom('repair_orders as r')
      .select((eb) => [
        eb.selectFrom('ro_lines as l').select(count.as('n')).whereRef('l.ro_id', '=', 'r.id').as('lines'),
        eb
          .selectFrom('ro_jobs as j')
          .select(count.as('n'))
          .whereRef('j.ro_id', '=', 'r.id')
          .where('j.state', 'not in', ['done', 'declined', 'proposed'])
          .as('open_jobs'),
        eb
          .selectFrom('job_time_segments as s')
          .innerJoin('ro_jobs as j', 'j.id', 's.job_id')
          .select(count.as('n'))
          .whereRef('j.ro_id', '=', 'r.id')
          .where('s.ended_at', 'is', null)
          .as('running'),
        eb.selectFrom('additional_work as a').select(count.as('n')).whereRef('a.ro_id', '=', 'r.id').where('a.state', '=', 'raised').as('raised'),
        eb
          .selectFrom('ro_part_issues as i')
          .select(sql<number>`COALESCE(SUM(${sql.ref('i.issued_milli')}), 0)`.as('n'))
          .whereRef('i.ro_id', '=', 'r.id')
          .as('issued'),
        eb
          .selectFrom('receivables as x')
          .select(sql<number>`COALESCE(SUM(${sql.ref('x.balance_fen')}), 0)`.as('n'))
          .whereRef('x.ro_id', '=', 'r.id')
          .where('x.payer', '=', 'customer')
          .as('balance'),
      ])
      .where('r.id', '=', roId)
      .$narrowType<{ lines: number; open_jobs: number; running: number; raised: number; issued: number; balance: number }>(),
  )!
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
