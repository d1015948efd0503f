import type { Ctx, UserCtx } from '../api/context'
import { AppError, conflict, fieldError, notFound } from '../api/app-error'
import type { FieldIssue } from '../../shared/contract/errors'
import { lineAmount } from '../../shared/domain/money'
import { isOpen, type RoState } from '../../shared/domain/ro-state'
import { changed, loadRoHead, type In } from './rows'
import { getAdditional, listAdditional, type AdditionalOut } from './additional-read'
import { approveAdditional, declineAdditional } from './additional-decision'

// Additional work (增项): found during repair, raised with its own labour and parts estimate,
// decided by the customer through the advisor. Its labour lines are proposed jobs until then,
// which the job state machine never lets anyone dispatch or clock.

type LineInput = In<'workshop.additional.raise'>['lines'][number]

function lineIssues(ctx: Ctx, lines: readonly LineInput[]): FieldIssue[] {
  const issues: FieldIssue[] = []
  const part = ctx.store.prepare('SELECT active FROM parts WHERE id = ?')
  lines.forEach((line, i) => {
    const field = `lines.${i}.partId`
    if (line.kind === 'labour' && line.partId !== undefined) issues.push({ field, message: 'workshop.labourLineHasPart' })
    if (line.kind !== 'part') return
    if (line.partId === undefined) {
      issues.push({ field, message: 'workshop.partLineNeedsPart' })
      return
    }
    const row = part.get(line.partId) as { active: number } | undefined
    if (row?.active !== 1) issues.push({ field, message: 'workshop.partNotActive' })
  })
  return issues
}

export function raiseAdditional(ctx: UserCtx, input: In<'workshop.additional.raise'>): AdditionalOut {
  const ro = loadRoHead(ctx, input.roId)
  if (ro.state !== 'in_progress') {
    throw new AppError('INVALID_STATE', 'workshop.additionalRoState', { number: ro.number, state: `roState.${ro.state}` }, { roId: ro.id })
  }
  const issues = lineIssues(ctx, input.lines)
  if (issues.length > 0) throw new AppError('VALIDATION', 'workshop.linesInvalid', {}, { fields: issues })

  const now = ctx.nowIso()
  const lines = input.lines.map((l) => ({ ...l, amountFen: lineAmount(l.quantityMilli, l.unitPriceFen) }))
  const netFen = lines.reduce((sum, l) => sum + l.amountFen, 0)
  const id = Number(
    ctx.store
      .prepare(
        `INSERT INTO additional_work (ro_id, vehicle_id, finding, raised_by, raised_at, net_fen, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(ro.id, ro.vehicle_id, input.finding, ctx.user.id, now, netFen, now).lastInsertRowid,
  )
  const insertLine = ctx.store.prepare(
    `INSERT INTO additional_work_lines (additional_work_id, position, kind, op_code, part_id, description, quantity_milli,
       unit_price_fen, amount_fen, payer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  // The technician who found the work is the one it goes to once approved.
  const proposedTo = ctx.user.role === 'technician' ? ctx.user.id : null
  const insertJob = ctx.store.prepare(
    `INSERT INTO ro_jobs (ro_id, additional_line_id, description, technician_id, state, sold_hours_milli, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'proposed', ?, ?, ?)`,
  )
  lines.forEach((l, i) => {
    const lineId = Number(
      insertLine.run(id, i + 1, l.kind, l.opCode || null, l.partId ?? null, l.description, l.quantityMilli, l.unitPriceFen, l.amountFen, l.payer)
        .lastInsertRowid,
    )
    if (l.kind === 'labour') insertJob.run(ro.id, lineId, l.description, proposedTo, l.quantityMilli, now, now)
  })
  ctx.audit({
    action: 'workshop.additional.raise',
    entity: 'additional_work',
    entityId: id,
    detail: { roId: ro.id, finding: input.finding, netFen, lines: lines.length },
  })
  changed(ctx, ro.id)
  return getAdditional(ctx, id)
}

interface WorkRow {
  id: number
  ro_id: number
  vehicle_id: number
  state: 'raised' | 'approved' | 'declined'
  follow_up: string | null
  version: number
}

function loadWork(ctx: Ctx, id: number, version: number): WorkRow {
  const row = ctx.store
    .prepare('SELECT id, ro_id, vehicle_id, state, follow_up, version FROM additional_work WHERE id = ?')
    .get(id) as WorkRow | undefined
  if (!row) throw notFound('entity.additionalWork', id)
  if (row.version !== version) throw conflict('entity.additionalWork', id, version, row.version)
  return row
}

export function decideAdditional(ctx: UserCtx, input: In<'workshop.additional.decide'>): AdditionalOut {
  const work = loadWork(ctx, input.id, input.version)
  if (work.state !== 'raised') throw new AppError('INVALID_STATE', 'workshop.additionalDecided', {}, { id: work.id, state: work.state })
  if (input.method === 'signature' && input.signaturePng === undefined) {
    throw fieldError('VALIDATION', 'signaturePng', 'workshop.signatureRequired')
  }
  const now = ctx.nowIso()
  ctx.store
    .prepare(
      `UPDATE additional_work SET state = ?, decision_method = ?, decided_by = ?, decision_note = ?, recorded_by = ?,
              decided_at = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?`,
    )
    .run(input.decision, input.method, input.decidedBy, input.note, ctx.user.id, now, now, work.id, work.version)
  if (input.decision === 'approved') approveAdditional(ctx, work.id, work.ro_id, input)
  else declineAdditional(ctx, work.id, work.ro_id)
  ctx.audit({
    action: `workshop.additional.${input.decision === 'approved' ? 'approve' : 'decline'}`,
    entity: 'additional_work',
    entityId: work.id,
    detail: { roId: work.ro_id, method: input.method, decidedBy: input.decidedBy, note: input.note },
  })
  changed(ctx, work.ro_id)
  return getAdditional(ctx, work.id)
}

export function additionalQueue(ctx: Ctx, input: In<'workshop.additional.queue'>): AdditionalOut[] {
  return input.advisorId === undefined
    ? listAdditional(ctx, `a.state = 'raised'`, [])
    : listAdditional(ctx, `a.state = 'raised' AND r.advisor_id = ?`, [input.advisorId])
}

/** Declined work not yet followed up: offered again at the vehicle's next visit. */
export function declinedForVehicle(ctx: Ctx, input: In<'workshop.declinedForVehicle'>): AdditionalOut[] {
  return listAdditional(ctx, `a.vehicle_id = ? AND a.state = 'declined' AND a.follow_up IS NULL`, [input.vehicleId])
}

export function followUpDeclined(ctx: UserCtx, input: In<'workshop.additional.followUp'>): AdditionalOut {
  const work = loadWork(ctx, input.id, input.version)
  if (work.state !== 'declined') throw new AppError('INVALID_STATE', 'workshop.followUpNotDeclined', {}, { id: work.id })
  if (work.follow_up !== null) throw new AppError('INVALID_STATE', 'workshop.followUpDone', {}, { id: work.id })
  let roId: number | null = null
  if (input.outcome === 'taken_up') {
    const ro = input.roId === undefined ? undefined : (ctx.store.prepare('SELECT id, vehicle_id, state FROM repair_orders WHERE id = ?').get(input.roId) as
      | { id: number; vehicle_id: number; state: RoState }
      | undefined)
    if (!ro || ro.vehicle_id !== work.vehicle_id || !isOpen(ro.state)) throw fieldError('VALIDATION', 'roId', 'workshop.followUpRo')
    roId = ro.id
  }
  const now = ctx.nowIso()
  ctx.store
    .prepare(
      `UPDATE additional_work SET follow_up = ?, follow_up_ro_id = ?, follow_up_at = ?, updated_at = ?, version = version + 1
        WHERE id = ? AND version = ?`,
    )
    .run(input.outcome, roId, now, now, work.id, work.version)
  ctx.audit({ action: 'workshop.additional.followUp', entity: 'additional_work', entityId: work.id, detail: { outcome: input.outcome, roId } })
  changed(ctx, roId ?? work.ro_id)
  return getAdditional(ctx, work.id)
}
