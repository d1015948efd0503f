import type { UserCtx } from '../api/context'
import { AppError, conflict, fieldError, notFound } from '../api/app-error'
import { localDate } from '../../shared/domain/calendar'
import { insertId, run } from '../store/query'
import { roHeadOf, roLinesOf, type InsuranceRoHead, type InsuranceRoLine } from './ro-of'
import { claimOfRo, type ClaimRow } from './claim-data'
import { assessmentDueOf, getInsuranceView } from './view'
import type { In, Out } from './types'

// Writing an insurance RO's claim: opening it, changing it with its assessment (定损) per line, and
// supplements (追加定损). Each write names the claim version it read, bumps it, writes the audit
// trail and runs in the dispatcher's one transaction. A settled, delivered or cancelled RO's claim
// is history and no longer changes.

function editableRo(ctx: UserCtx, roId: number): InsuranceRoHead {
  const ro = roHeadOf(ctx, roId)
  if (ro.type !== 'insurance') throw new AppError('VALIDATION', 'insurance.notInsuranceRo', { number: ro.number }, { fields: [{ field: 'roId', message: 'insurance.notInsuranceRo' }] })
  if (ro.state === 'settled' || ro.state === 'delivered' || ro.state === 'cancelled') {
    throw new AppError('INVALID_STATE', 'insurance.locked', { number: ro.number, state: `roState.${ro.state}` })
  }
  return ro
}

function checkVersion(claim: ClaimRow | undefined, version: number): ClaimRow | undefined {
  if (version === 0) {
    if (claim) throw conflict('entity.insuranceClaim', claim.id, 0, claim.version)
    return undefined
  }
  if (!claim) throw notFound('entity.insuranceClaim')
  if (claim.version !== version) throw conflict('entity.insuranceClaim', claim.id, version, claim.version)
  return claim
}

function notFuture(ctx: UserCtx, field: string, date: string | null): void {
  const today = localDate(ctx.clock.now(), ctx.timeZone)
  if (date !== null && date > today) throw fieldError('VALIDATION', field, 'insurance.futureDate', { date })
}

/** A line of this RO the insurer is billed for, by its id; anything else is refused on `field`. */
function insurerLine(lines: readonly InsuranceRoLine[], lineId: number, field: string): InsuranceRoLine {
  const line = lines.find((l) => l.id === lineId)
  if (!line) throw fieldError('VALIDATION', field, 'insurance.lineNotOnRo', { lineId })
  if (line.payer !== 'insurance') throw fieldError('VALIDATION', field, 'insurance.lineNotInsurer', { position: line.position })
  return line
}

export function saveClaim(ctx: UserCtx, input: In<'insurance.save'>): Out<'insurance.save'> {
  const ro = editableRo(ctx, input.roId)
  const existing = checkVersion(claimOfRo(ctx, ro.id), input.version)
  notFuture(ctx, 'reportedOn', input.reportedOn)
  notFuture(ctx, 'arrivedOn', input.arrivedOn)
  notFuture(ctx, 'assessedOn', input.assessedOn)
  const lines = roLinesOf(ctx, ro.id)
  input.lines.forEach((l, i) => insurerLine(lines, l.lineId, `lines.${i}.lineId`))
  const db = ctx.store.db
  const now = ctx.nowIso()
  const head = {
    insurer: input.insurer,
    policy_no: input.policyNo,
    report_no: input.reportNo,
    insured_name: input.insuredName,
    deductible_fen: input.deductibleFen,
    assessor: input.assessor,
    reported_on: input.reportedOn,
    arrived_on: input.arrivedOn,
    assessed_on: input.assessedOn,
    note: input.note,
    updated_at: now,
  }
  // The assessment's due date is set with the arrival by the rule in force at that moment and kept,
  // so a later change of the rule leaves past months' timeliness as it was judged.
  const due = existing && existing.arrived_on === input.arrivedOn ? null : assessmentDueOf(ctx, input.arrivedOn)
  const dueCols = due ? { assessment_days: due.days, assessment_due_on: due.dueOn } : {}
  let claimId: number
  if (!existing) {
    claimId = insertId(ctx.store, db.insertInto('insurance_claims').values({ ...head, ...dueCols, ro_id: ro.id, created_by: ctx.user.id, created_at: now }))
  } else {
    claimId = existing.id
    run(ctx.store, db.updateTable('insurance_claims').set((eb) => ({ ...head, ...dueCols, version: eb('version', '+', 1) })).where('id', '=', claimId).where('version', '=', existing.version))
    run(ctx.store, db.deleteFrom('insurance_assessment_lines').where('claim_id', '=', claimId))
  }
  for (const l of input.lines) {
    run(ctx.store, db.insertInto('insurance_assessment_lines').values({ claim_id: claimId, ro_line_id: l.lineId, assessed_fen: l.assessedFen, reason: l.reason }))
  }
  ctx.audit({
    action: existing ? 'insurance.change' : 'insurance.open',
    entity: 'insurance_claim',
    entityId: claimId,
    detail: {
      number: ro.number,
      insurer: input.insurer,
      reportNo: input.reportNo,
      deductibleFen: input.deductibleFen,
      assessedOn: input.assessedOn,
      assessedFen: input.lines.reduce((s, l) => s + l.assessedFen, 0),
      ...(existing ? { previousDeductibleFen: existing.deductible_fen, previousAssessedOn: existing.assessed_on } : {}),
    },
  })
  ctx.events.emit({ type: 'ro.changed', id: ro.id })
  ctx.events.emit({ type: 'settlement.changed', id: ro.id })
  return getInsuranceView(ctx, ro.id)
}

export function addSupplement(ctx: UserCtx, input: In<'insurance.supplement'>): Out<'insurance.supplement'> {
  const ro = editableRo(ctx, input.roId)
  const claim = checkVersion(claimOfRo(ctx, ro.id), input.version)
  if (!claim) throw notFound('entity.insuranceClaim')
  if (claim.assessed_on === null) throw new AppError('INVALID_STATE', 'insurance.supplementBeforeAssessment', { reportNo: claim.report_no })
  if (input.assessedOn < claim.assessed_on) {
    throw fieldError('VALIDATION', 'assessedOn', 'insurance.supplementBeforeFirst', { date: input.assessedOn, assessedOn: claim.assessed_on })
  }
  notFuture(ctx, 'assessedOn', input.assessedOn)
  const line = insurerLine(roLinesOf(ctx, ro.id), input.lineId, 'lineId')
  const db = ctx.store.db
  const now = ctx.nowIso()
  const id = insertId(
    ctx.store,
    db.insertInto('insurance_supplements').values({
      claim_id: claim.id,
      ro_line_id: line.id,
      assessed_on: input.assessedOn,
      amount_fen: input.amountFen,
      note: input.note,
      created_by: ctx.user.id,
      created_at: now,
    }),
  )
  run(ctx.store, db.updateTable('insurance_claims').set((eb) => ({ updated_at: now, version: eb('version', '+', 1) })).where('id', '=', claim.id).where('version', '=', claim.version))
  ctx.audit({
    action: 'insurance.supplement',
    entity: 'insurance_claim',
    entityId: claim.id,
    detail: { number: ro.number, reportNo: claim.report_no, supplementId: id, position: line.position, description: line.description, assessedOn: input.assessedOn, amountFen: input.amountFen },
  })
  ctx.events.emit({ type: 'ro.changed', id: ro.id })
  ctx.events.emit({ type: 'settlement.changed', id: ro.id })
  return getInsuranceView(ctx, ro.id)
}
