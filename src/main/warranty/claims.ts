import type { UserCtx } from '../api/context'
import { AppError, notFound } from '../api/app-error'
import { lineAmount } from '../../shared/domain/money'
import { canDeleteClaim, canEditClaim } from '../../shared/domain/warranty'
import { all, first, insertId, run } from '../store/query'
import { claimStateRefuses, loadClaimForWrite, logState, nextClaimNumber, updateClaim } from './claim-rows'
import { getClaim } from './claim-read'
import type { In, Out } from './types'
import { removeAttachmentsOf } from '../attachments/attachments'

// Building a claim from an RO's warranty lines, editing it while the dealer holds it (draft,
// checked — which sends it back to draft — and returned), and deleting a draft.

export function claimFromRo(ctx: UserCtx, input: In<'warranty.claim.fromRo'>): Out<'warranty.claim.fromRo'> {
  const ro = first(
    ctx.store,
    ctx.store.db.selectFrom('repair_orders').select(['id', 'number', 'state', 'vehicle_id', 'odometer_km', 'concerns']).where('id', '=', input.roId),
  )
  if (!ro) throw notFound('entity.repairOrder', input.roId)
  if (ro.state === 'cancelled') throw new AppError('INVALID_STATE', 'warranty.roCancelled', { number: ro.number })
  const lines = all(
    ctx.store,
    ctx.store.db
      .selectFrom('ro_lines')
      .select(['kind', 'op_code', 'part_id', 'description', 'quantity_milli', 'unit_price_fen', 'amount_fen'])
      .where('ro_id', '=', ro.id)
      .where('payer', '=', 'warranty')
      .orderBy('position'),
  )
  if (lines.length === 0) throw new AppError('INVALID_STATE', 'warranty.noWarrantyLines', { number: ro.number })
  const labour = lines.filter((l) => l.kind === 'labour')
  const parts = lines.filter((l) => l.kind === 'part')
  const labourFen = labour.reduce((s, l) => s + l.amount_fen, 0)
  const partsFen = parts.reduce((s, l) => s + l.amount_fen, 0)
  const now = ctx.nowIso()
  const id = insertId(
    ctx.store,
    ctx.store.db.insertInto('warranty_claims').values({
      number: nextClaimNumber(ctx),
      ro_id: ro.id,
      vehicle_id: ro.vehicle_id,
      claim_type: input.claimType,
      causal_part_id: parts[0]?.part_id ?? null,
      mileage_km: ro.odometer_km,
      concern: ro.concerns,
      labour_fen: labourFen,
      parts_fen: partsFen,
      total_fen: labourFen + partsFen,
      created_by: ctx.user.id,
      created_at: now,
      updated_at: now,
    }),
  )
  labour.forEach((l, i) =>
    run(
      ctx.store,
      ctx.store.db.insertInto('warranty_claim_labour').values({
        claim_id: id,
        position: i + 1,
        op_code: l.op_code,
        description: l.description,
        hours_milli: l.quantity_milli,
        rate_fen: l.unit_price_fen,
        amount_fen: l.amount_fen,
      }),
    ),
  )
  parts.forEach((l, i) =>
    run(
      ctx.store,
      ctx.store.db.insertInto('warranty_claim_parts').values({
        claim_id: id,
        position: i + 1,
        part_id: l.part_id,
        description: l.description,
        quantity_milli: l.quantity_milli,
        unit_price_fen: l.unit_price_fen,
        amount_fen: l.amount_fen,
      }),
    ),
  )
  logState(ctx, id, null, 'draft')
  ctx.audit({ action: 'warranty.claim.create', entity: 'warranty_claim', entityId: id, detail: { roId: ro.id, claimType: `warranty.claimType.${input.claimType}`, totalFen: labourFen + partsFen } })
  ctx.events.emit({ type: 'warranty.changed', id })
  return getClaim(ctx, id)
}

export function saveClaim(ctx: UserCtx, input: In<'warranty.claim.save'>): Out<'warranty.claim.save'> {
  const claim = loadClaimForWrite(ctx, input.id, input.version)
  if (!canEditClaim(claim.state)) throw claimStateRefuses(ctx, claim, 'save')
  if (input.causalPartId !== null) {
    const part = first(ctx.store, ctx.store.db.selectFrom('parts').select('id').where('id', '=', input.causalPartId))
    if (!part) throw new AppError('VALIDATION', 'warranty.unknownPart', {}, { fields: [{ field: 'causalPartId', message: 'warranty.unknownPart' }] })
  }
  const unknownPart = input.parts.findIndex((p) => p.partId !== undefined && !first(ctx.store, ctx.store.db.selectFrom('parts').select('id').where('id', '=', p.partId)))
  if (unknownPart >= 0) throw new AppError('VALIDATION', 'warranty.unknownPart', {}, { fields: [{ field: `parts.${unknownPart}.partId`, message: 'warranty.unknownPart' }] })

  const labour = input.labour.map((l) => ({ ...l, amountFen: lineAmount(l.hoursMilli, l.rateFen) }))
  const parts = input.parts.map((p) => ({ ...p, amountFen: lineAmount(p.quantityMilli, p.unitPriceFen) }))
  const labourFen = labour.reduce((s, l) => s + l.amountFen, 0)
  const partsFen = parts.reduce((s, p) => s + p.amountFen, 0)
  const otherFen = input.expenses.reduce((s, e) => s + e.amountFen, 0)
  const before = first(ctx.store, ctx.store.db.selectFrom('warranty_claims').select(['claim_type', 'causal_part_id', 'mileage_km', 'total_fen']).where('id', '=', claim.id))!

  for (const table of ['warranty_claim_labour', 'warranty_claim_parts', 'warranty_claim_expenses'] as const) {
    run(ctx.store, ctx.store.db.deleteFrom(table).where('claim_id', '=', claim.id))
  }
  labour.forEach((l, i) =>
    run(
      ctx.store,
      ctx.store.db.insertInto('warranty_claim_labour').values({
        claim_id: claim.id,
        position: i + 1,
        op_code: l.opCode === '' ? null : l.opCode,
        description: l.description,
        hours_milli: l.hoursMilli,
        rate_fen: l.rateFen,
        amount_fen: l.amountFen,
      }),
    ),
  )
  parts.forEach((p, i) =>
    run(
      ctx.store,
      ctx.store.db.insertInto('warranty_claim_parts').values({
        claim_id: claim.id,
        position: i + 1,
        part_id: p.partId ?? null,
        description: p.description,
        quantity_milli: p.quantityMilli,
        unit_price_fen: p.unitPriceFen,
        amount_fen: p.amountFen,
      }),
    ),
  )
  input.expenses.forEach((e, i) =>
    run(ctx.store, ctx.store.db.insertInto('warranty_claim_expenses').values({ claim_id: claim.id, position: i + 1, kind: e.kind, description: e.description, amount_fen: e.amountFen })),
  )
  // A checked claim that changes is no longer checked: it goes back to draft to be checked again.
  const state = claim.state === 'checked' ? 'draft' : claim.state
  updateClaim(ctx, claim, {
    state,
    claim_type: input.claimType,
    causal_part_id: input.causalPartId,
    failure_code: input.failureCode,
    mileage_km: input.mileageKm,
    concern: input.concern,
    cause: input.cause,
    correction: input.correction,
    labour_fen: labourFen,
    parts_fen: partsFen,
    other_fen: otherFen,
    total_fen: labourFen + partsFen + otherFen,
  })
  if (state !== claim.state) logState(ctx, claim.id, claim.state, state)
  ctx.audit({
    action: 'warranty.claim.save',
    entity: 'warranty_claim',
    entityId: claim.id,
    detail: {
      before: { claimType: `warranty.claimType.${before.claim_type}`, causalPartId: before.causal_part_id, mileageKm: before.mileage_km, totalFen: before.total_fen },
      after: { claimType: `warranty.claimType.${input.claimType}`, causalPartId: input.causalPartId, mileageKm: input.mileageKm, totalFen: labourFen + partsFen + otherFen },
    },
  })
  ctx.events.emit({ type: 'warranty.changed', id: claim.id })
  return getClaim(ctx, claim.id)
}

export function deleteClaim(ctx: UserCtx, input: In<'warranty.claim.delete'>): Out<'warranty.claim.delete'> {
  const claim = loadClaimForWrite(ctx, input.id, input.version)
  if (!canDeleteClaim(claim.state)) throw claimStateRefuses(ctx, claim, 'delete')
  // Children go with ON DELETE CASCADE; the attachments are taken off (their rows stay, stamped).
  removeAttachmentsOf(ctx, 'warranty_claim', claim.id)
  run(ctx.store, ctx.store.db.deleteFrom('warranty_claims').where('id', '=', claim.id))
  ctx.audit({ action: 'warranty.claim.delete', entity: 'warranty_claim', entityId: claim.id, detail: { number: claim.number, totalFen: claim.total_fen } })
  ctx.events.emit({ type: 'warranty.changed', id: claim.id })
  return { id: claim.id }
}
