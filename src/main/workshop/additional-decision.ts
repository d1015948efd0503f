import { sql } from 'kysely'
import type { RoLineCheck } from '../repair-order/line-check'
import type { UserCtx } from '../api/context'
import { all, first, insertId, run } from '../store/query'
import { lineAmount, totalsOf } from '../../shared/domain/money'
import type { Payer } from '../../shared/domain/payer'
import { getSetting } from '../settings/settings'
import { contentHash } from '../repair-order/content-hash'
import { jobTransition, loadRoHead, selectJobs, updateJob, type In } from './rows'
import { submitQcIfComplete } from './ro-flow'

// The customer's decision on additional work. Approved work becomes lines of the RO (so it is
// invoiced like everything else) and its proposed jobs become real ones; the RO's totals and
// approved-content hash follow, with an authorisation record of who approved it, how and when —
// so reception still sees an RO whose whole content the customer has approved.

/** The bay the car stands in, for jobs approved while it is in the shop. */
function currentBay(ctx: UserCtx, roId: number): number | null {
  const row = first(
    ctx.store,
    ctx.store.db
      .selectFrom('ro_jobs')
      .select('bay_id')
      .where('ro_id', '=', roId)
      .where('bay_id', 'is not', null)
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1),
  )
  return row?.bay_id ?? null
}

/** Approved work becomes RO lines; `checkLines` (handed in: warranty coverage) judges them first. */
export function approveAdditional(ctx: UserCtx, workId: number, roId: number, input: In<'workshop.additional.decide'>, checkLines: RoLineCheck): void {
  const ro = loadRoHead(ctx, roId)
  const db = ctx.store.db
  const head = first(ctx.store, db.selectFrom('repair_orders').select(['id', 'vehicle_id', 'opened_at', 'odometer_km', 'gross_fen']).where('id', '=', ro.id))!
  const grossBefore = head.gross_fen
  const now = ctx.nowIso()
  const vatRateBp = getSetting(ctx.store, 'vat.rateBp')
  const lines = all(
    ctx.store,
    db
      .selectFrom('additional_work_lines')
      .select(['id', 'kind', 'op_code', 'part_id', 'description', 'quantity_milli', 'unit_price_fen', 'payer'])
      .where('additional_work_id', '=', workId)
      .orderBy('position'),
  )
  checkLines(ctx, head, lines.map((l) => ({ kind: l.kind, partId: l.part_id, payer: l.payer })), input.warrantyOverride?.reason)
  let position = first(ctx.store, db.selectFrom('ro_lines').select(sql<number>`coalesce(max(${sql.ref('position')}), 0)`.as('p')).where('ro_id', '=', ro.id))!.p
  const bayId = currentBay(ctx, ro.id)

  for (const l of lines) {
    position += 1
    const amountFen = lineAmount(l.quantity_milli, l.unit_price_fen)
    const roLineId = insertId(
      ctx.store,
      db.insertInto('ro_lines').values({
        ro_id: ro.id,
        position,
        kind: l.kind,
        op_code: l.op_code,
        part_id: l.part_id,
        description: l.description,
        quantity_milli: l.quantity_milli,
        unit_price_fen: l.unit_price_fen,
        amount_fen: amountFen,
        payer: l.payer,
        vat_rate_bp: vatRateBp,
      }),
    )
    run(ctx.store, db.updateTable('additional_work_lines').set({ ro_line_id: roLineId }).where('id', '=', l.id))
    const job = first(ctx.store, selectJobs(db).where('j.additional_line_id', '=', l.id))
    if (!job) continue
    const approved = jobTransition(job, 'approve')
    // Straight to the technician who found it, in the bay the car is in; else to the dispatch column.
    const assigned = job.technician_id === null ? null : jobTransition({ ...job, state: approved }, 'assign')
    updateJob(ctx, job, {
      ro_line_id: roLineId,
      state: assigned ?? approved,
      bay_id: assigned ? bayId : null,
      dispatched_at: assigned ? now : null,
    })
  }

  const roLines = all(
    ctx.store,
    db
      .selectFrom('ro_lines')
      .select(['kind', 'op_code', 'part_id', 'description', 'quantity_milli', 'unit_price_fen', 'amount_fen', 'payer', 'vat_rate_bp'])
      .where('ro_id', '=', ro.id)
      .orderBy('position')
      .$narrowType<{ payer: Payer }>(),
  )
  const totals = totalsOf(roLines.map((l) => ({ amountFen: l.amount_fen, vatRateBp: l.vat_rate_bp, payer: l.payer })))
  const hash = contentHash(
    ro.type,
    roLines.map((l) => ({
      kind: l.kind,
      opCode: l.op_code,
      partId: l.part_id,
      description: l.description,
      quantityMilli: l.quantity_milli,
      unitPriceFen: l.unit_price_fen,
      payer: l.payer,
      vatRateBp: l.vat_rate_bp,
    })),
  )
  run(
    ctx.store,
    db
      .updateTable('repair_orders')
      .set({ net_fen: totals.netFen, vat_fen: totals.vatFen, gross_fen: totals.grossFen, content_hash: hash, version: sql<number>`version + 1`, updated_at: now })
      .where('id', '=', ro.id),
  )
  run(
    ctx.store,
    db.insertInto('ro_authorisations').values({
      ro_id: ro.id,
      content_hash: hash,
      gross_fen: totals.grossFen,
      method: input.method,
      authorised_by: input.decidedBy,
      signature_png: input.signaturePng ?? null,
      note: input.note,
      recorded_by: ctx.user.id,
      at: now,
    }),
  )
  ctx.audit({
    action: 'ro.additionalApproved',
    entity: 'repair_order',
    entityId: ro.id,
    detail: { additionalWorkId: workId, lines: lines.length, before: { grossFen: grossBefore }, after: { grossFen: totals.grossFen } },
  })
  ctx.events.emit({ type: 'ro.changed', id: ro.id })
  // Approved work with parts only leaves no job to do: like a decline, it may be the last open item.
  submitQcIfComplete(ctx, ro.id)
}

export function declineAdditional(ctx: UserCtx, workId: number, roId: number): void {
  const jobs = all(
    ctx.store,
    selectJobs(ctx.store.db).innerJoin('additional_work_lines as l', 'l.id', 'j.additional_line_id').where('l.additional_work_id', '=', workId),
  )
  for (const job of jobs) updateJob(ctx, job, { state: jobTransition(job, 'decline') })
  // Declining the last open item may leave nothing to do but the inspection.
  submitQcIfComplete(ctx, roId)
}
