import type { UserCtx } from '../api/context'
import { lineAmount, totalsOf } from '../../shared/domain/money'
import type { Payer } from '../../shared/domain/payer'
import { getSetting } from '../settings/settings'
import { contentHash } from '../reception/ro-content'
import { jobTransition, loadRoHead, JOB_SELECT, updateJob, type In, type JobRow } from './rows'
import { submitQcIfComplete } from './ro-flow'

// The customer's decision on additional work. Approved work becomes lines of the RO (so it is
// invoiced like everything else) and its proposed jobs become real ones; the RO's totals and
// approved-content hash follow, with an authorisation record of who approved it, how and when —
// so reception still sees an RO whose whole content the customer has approved.

interface AdditionalLineRow {
  id: number
  kind: 'labour' | 'part'
  op_code: string | null
  part_id: number | null
  description: string
  quantity_milli: number
  unit_price_fen: number
  payer: Payer
}

interface RoLineRow {
  kind: string
  op_code: string | null
  part_id: number | null
  description: string
  quantity_milli: number
  unit_price_fen: number
  amount_fen: number
  payer: Payer
  vat_rate_bp: number
}

/** The bay the car stands in, for jobs approved while it is in the shop. */
function currentBay(ctx: UserCtx, roId: number): number | null {
  const row = ctx.store
    .prepare(`SELECT bay_id FROM ro_jobs WHERE ro_id = ? AND bay_id IS NOT NULL ORDER BY updated_at DESC, id DESC LIMIT 1`)
    .get(roId) as { bay_id: number } | undefined
  return row?.bay_id ?? null
}

export function approveAdditional(ctx: UserCtx, workId: number, roId: number, input: In<'workshop.additional.decide'>): void {
  const ro = loadRoHead(ctx, roId)
  const grossBefore = (ctx.store.prepare('SELECT gross_fen FROM repair_orders WHERE id = ?').get(ro.id) as { gross_fen: number }).gross_fen
  const now = ctx.nowIso()
  const vatRateBp = getSetting(ctx.store, 'vat.rateBp')
  const lines = ctx.store
    .prepare(
      `SELECT id, kind, op_code, part_id, description, quantity_milli, unit_price_fen, payer
         FROM additional_work_lines WHERE additional_work_id = ? ORDER BY position`,
    )
    .all(workId) as AdditionalLineRow[]
  let position = (ctx.store.prepare('SELECT coalesce(max(position), 0) AS p FROM ro_lines WHERE ro_id = ?').get(ro.id) as { p: number }).p
  const insertLine = ctx.store.prepare(
    `INSERT INTO ro_lines (ro_id, position, kind, op_code, part_id, description, quantity_milli, unit_price_fen, amount_fen,
       payer, vat_rate_bp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const linkLine = ctx.store.prepare('UPDATE additional_work_lines SET ro_line_id = ? WHERE id = ?')
  const findJob = ctx.store.prepare(`${JOB_SELECT} WHERE j.additional_line_id = ?`)
  const bayId = currentBay(ctx, ro.id)

  for (const l of lines) {
    position += 1
    const amountFen = lineAmount(l.quantity_milli, l.unit_price_fen)
    const roLineId = Number(
      insertLine.run(ro.id, position, l.kind, l.op_code, l.part_id, l.description, l.quantity_milli, l.unit_price_fen, amountFen, l.payer, vatRateBp)
        .lastInsertRowid,
    )
    linkLine.run(roLineId, l.id)
    const job = findJob.get(l.id) as JobRow | undefined
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

  const all = ctx.store
    .prepare(
      `SELECT kind, op_code, part_id, description, quantity_milli, unit_price_fen, amount_fen, payer, vat_rate_bp
         FROM ro_lines WHERE ro_id = ? ORDER BY position`,
    )
    .all(ro.id) as RoLineRow[]
  const totals = totalsOf(all.map((l) => ({ amountFen: l.amount_fen, vatRateBp: l.vat_rate_bp, payer: l.payer })))
  const hash = contentHash(
    ro.type,
    all.map((l) => ({
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
  ctx.store
    .prepare(
      `UPDATE repair_orders SET net_fen = ?, vat_fen = ?, gross_fen = ?, content_hash = ?, version = version + 1, updated_at = ?
        WHERE id = ?`,
    )
    .run(totals.netFen, totals.vatFen, totals.grossFen, hash, now, ro.id)
  ctx.store
    .prepare(
      `INSERT INTO ro_authorisations (ro_id, content_hash, gross_fen, method, authorised_by, signature_png, note, recorded_by, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(ro.id, hash, totals.grossFen, input.method, input.decidedBy, input.signaturePng ?? null, input.note, ctx.user.id, now)
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
  const jobs = ctx.store
    .prepare(`${JOB_SELECT} JOIN additional_work_lines l ON l.id = j.additional_line_id WHERE l.additional_work_id = ?`)
    .all(workId) as JobRow[]
  for (const job of jobs) updateJob(ctx, job, { state: jobTransition(job, 'decline') })
  // Declining the last open item may leave nothing to do but the inspection.
  submitQcIfComplete(ctx, roId)
}
