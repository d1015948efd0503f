import { updateVersioned, type VersionedSet } from '../api/versioned'
import type { Ctx, UserCtx } from '../api/context'
import { AppError, conflict, notFound } from '../api/app-error'
import { zonedParts } from '../../shared/domain/time'
import type { ClaimState } from '../../shared/domain/warranty'
import { translate } from '../../shared/i18n'
import { first, run } from '../store/query'

// The claim row as the writes see it, optimistic versioning (like the RO: every write names the
// version it was based on) and the status log.

export function loadClaim(ctx: Ctx, id: number) {
  const row = first(
    ctx.store,
    ctx.store.db
      .selectFrom('warranty_claims')
      .select(['id', 'number', 'state', 'ro_id', 'vehicle_id', 'claim_type', 'total_fen', 'approved_fen', 'paid_fen', 'submissions', 'version'])
      .where('id', '=', id),
  )
  if (!row) throw notFound('entity.warrantyClaim', id)
  return row
}
export type ClaimRow = ReturnType<typeof loadClaim>

export function loadClaimForWrite(ctx: Ctx, id: number, version: number): ClaimRow {
  const claim = loadClaim(ctx, id)
  if (claim.version !== version) throw conflict('entity.warrantyClaim', id, version, claim.version)
  return claim
}

/** The claim's state refuses what was attempted; the message names both. */
export function claimStateRefuses(ctx: Ctx, claim: Pick<ClaimRow, 'number' | 'state'>, action: string): AppError {
  return new AppError('INVALID_STATE', 'warranty.stateRefuses', {
    number: claim.number,
    state: translate(ctx.locale, `warranty.state.${claim.state}`),
    action: translate(ctx.locale, `warranty.action.${action}`),
  })
}

/** `UPDATE … SET …, version = version + 1 WHERE id AND version`; the row must still be at `version`. */
export function updateClaim(ctx: Ctx, claim: ClaimRow, set: VersionedSet<'warranty_claims'>): void {
  updateVersioned(ctx, 'warranty_claims', claim.id, claim.version, set)
}

export function logState(ctx: UserCtx, claimId: number, from: ClaimState | null, to: ClaimState, reason = ''): void {
  run(ctx.store, ctx.store.db.insertInto('warranty_claim_log').values({ claim_id: claimId, from_state: from, to_state: to, at: ctx.nowIso(), user_id: ctx.user.id, reason }))
}

const bump = (ctx: Ctx, name: string) =>
  first(
    ctx.store,
    ctx.store.db
      .insertInto('sequences')
      .values({ name, value: 1 })
      .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('value', '+', 1) })))
      .returning('value'),
  )!.value

/** `SP2026000012` (索赔 claims of the local year), numbered inside the write transaction. */
export function nextClaimNumber(ctx: Ctx): string {
  const year = zonedParts(ctx.clock.now(), ctx.timeZone).year
  return `SP${year}${String(bump(ctx, `claim:${year}`)).padStart(6, '0')}`
}
