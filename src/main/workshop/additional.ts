import { sql } from 'kysely'
import type { RoLineCheck } from '../repair-order/line-check'
import type { Ctx, UserCtx } from '../api/context'
import { first, insertId, run } from '../store/query'
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
  lines.forEach((line, i) => {
    const field = `lines.${i}.partId`
    if (line.kind === 'labour' && line.partId !== undefined) issues.push({ field, message: 'workshop.labourLineHasPart' })
    if (line.kind !== 'part') return
    if (line.partId === undefined) {
      issues.push({ field, message: 'workshop.partLineNeedsPart' })
      return
    }
    const row = first(ctx.store, ctx.store.db.selectFrom('parts').select('active').where('id', '=', line.partId))
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
  const db = ctx.store.db
  const id = insertId(
    ctx.store,
    db.insertInto('additional_work').values({
      ro_id: ro.id,
      vehicle_id: ro.vehicle_id,
      finding: input.finding,
      raised_by: ctx.user.id,
      raised_at: now,
      net_fen: netFen,
      updated_at: now,
    }),
  )
  // The technician who found the work is the one it goes to once approved.
  const proposedTo = ctx.user.role === 'technician' ? ctx.user.id : null
  lines.forEach((l, i) => {
    const lineId = insertId(
      ctx.store,
      db.insertInto('additional_work_lines').values({
        additional_work_id: id,
        position: i + 1,
        kind: l.kind,
        op_code: l.opCode || null,
        part_id: l.partId ?? null,
        description: l.description,
        quantity_milli: l.quantityMilli,
        unit_price_fen: l.unitPriceFen,
        amount_fen: l.amountFen,
        payer: l.payer,
      }),
    )
    if (l.kind === 'labour') {
      run(
        ctx.store,
        db.insertInto('ro_jobs').values({
          ro_id: ro.id,
          additional_line_id: lineId,
          description: l.description,
          technician_id: proposedTo,
          state: 'proposed',
          sold_hours_milli: l.quantityMilli,
          created_at: now,
          updated_at: now,
        }),
      )
    }
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

function loadWork(ctx: Ctx, id: number, version: number) {
  const row = first(ctx.store, ctx.store.db.selectFrom('additional_work').select(['id', 'ro_id', 'vehicle_id', 'state', 'follow_up', 'version']).where('id', '=', id))
  if (!row) throw notFound('entity.additionalWork', id)
  if (row.version !== version) throw conflict('entity.additionalWork', id, version, row.version)
  return row
}

export function decideAdditional(ctx: UserCtx, input: In<'workshop.additional.decide'>, checkLines: RoLineCheck): AdditionalOut {
  const work = loadWork(ctx, input.id, input.version)
  if (work.state !== 'raised') throw new AppError('INVALID_STATE', 'workshop.additionalDecided', {}, { id: work.id, state: work.state })
  if (input.method === 'signature' && input.signaturePng === undefined) {
    throw fieldError('VALIDATION', 'signaturePng', 'workshop.signatureRequired')
  }
  const now = ctx.nowIso()
  run(
    ctx.store,
    ctx.store.db
      .updateTable('additional_work')
      .set({
        state: input.decision,
        decision_method: input.method,
        decided_by: input.decidedBy,
        decision_note: input.note,
        recorded_by: ctx.user.id,
        decided_at: now,
        updated_at: now,
        version: sql<number>`version + 1`,
      })
      .where('id', '=', work.id)
      .where('version', '=', work.version),
  )
  if (input.decision === 'approved') approveAdditional(ctx, work.id, work.ro_id, input, checkLines)
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
    ? listAdditional(ctx, { state: 'raised' })
    : listAdditional(ctx, { state: 'raised', advisorId: input.advisorId })
}

/** Declined work not yet followed up: offered again at the vehicle's next visit. */
export function declinedForVehicle(ctx: Ctx, input: In<'workshop.declinedForVehicle'>): AdditionalOut[] {
  return listAdditional(ctx, { vehicleId: input.vehicleId, state: 'declined', noFollowUp: true })
}

export function followUpDeclined(ctx: UserCtx, input: In<'workshop.additional.followUp'>): AdditionalOut {
  const work = loadWork(ctx, input.id, input.version)
  if (work.state !== 'declined') throw new AppError('INVALID_STATE', 'workshop.followUpNotDeclined', {}, { id: work.id })
  if (work.follow_up !== null) throw new AppError('INVALID_STATE', 'workshop.followUpDone', {}, { id: work.id })
  let roId: number | null = null
  if (input.outcome === 'taken_up') {
    const ro =
      input.roId === undefined
        ? undefined
        : first(ctx.store, ctx.store.db.selectFrom('repair_orders').select(['id', 'vehicle_id', 'state']).where('id', '=', input.roId).$narrowType<{ state: RoState }>())
    if (!ro || ro.vehicle_id !== work.vehicle_id || !isOpen(ro.state)) throw fieldError('VALIDATION', 'roId', 'workshop.followUpRo')
    roId = ro.id
  }
  const now = ctx.nowIso()
  run(
    ctx.store,
    ctx.store.db
      .updateTable('additional_work')
      .set({ follow_up: input.outcome, follow_up_ro_id: roId, follow_up_at: now, updated_at: now, version: sql<number>`version + 1` })
      .where('id', '=', work.id)
      .where('version', '=', work.version),
  )
  ctx.audit({ action: 'workshop.additional.followUp', entity: 'additional_work', entityId: work.id, detail: { outcome: input.outcome, roId } })
  changed(ctx, roId ?? work.ro_id)
  return getAdditional(ctx, work.id)
}
