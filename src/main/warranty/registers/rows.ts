import { updateVersioned, type VersionedSet } from '../../api/versioned'
import type { Ctx, UserCtx } from '../../api/context'
import { AppError, conflict, notFound } from '../../api/app-error'
import { zonedParts } from '../../../shared/domain/time'
import { REGISTER_PREFIX, type RegisterKind, type RegisterState } from '../../../shared/domain/warranty-register'
import { translate } from '../../../shared/i18n'
import { first, run } from '../../store/query'

// The register row as the writes see it, optimistic versioning (every write names the version it
// was based on), the status log and the numbering (one yearly series per kind).

export function loadRegister(ctx: Ctx, id: number) {
  const row = first(
    ctx.store,
    ctx.store.db
      .selectFrom('warranty_registers')
      .select(['id', 'kind', 'number', 'state', 'ro_id', 'vehicle_id', 'claim_id', 'requested_fen', 'failure', 'note', 'submissions', 'version'])
      .where('id', '=', id),
  )
  if (!row) throw notFound('entity.warrantyRegister', id)
  return row
}
export type RegisterRowOfStore = ReturnType<typeof loadRegister>

export function loadRegisterForWrite(ctx: Ctx, id: number, version: number): RegisterRowOfStore {
  const row = loadRegister(ctx, id)
  if (row.version !== version) throw conflict('entity.warrantyRegister', id, version, row.version)
  return row
}

/** The entry's state refuses what was attempted; the message names both. */
export function registerStateRefuses(ctx: Ctx, row: Pick<RegisterRowOfStore, 'number' | 'state'>, action: string): AppError {
  return new AppError('INVALID_STATE', 'wtyReg.stateRefuses', {
    number: row.number,
    state: translate(ctx.locale, `wtyReg.state.${row.state}`),
    action: translate(ctx.locale, `wtyReg.action.${action}`),
  })
}

/** `UPDATE … SET …, version = version + 1 WHERE id AND version`; the row must still be at `version`. */
export function updateRegister(ctx: Ctx, row: RegisterRowOfStore, set: VersionedSet<'warranty_registers'>): void {
  updateVersioned(ctx, 'warranty_registers', row.id, row.version, set)
}

export function logRegisterState(ctx: UserCtx, registerId: number, from: RegisterState | null, to: RegisterState, reason = ''): void {
  run(ctx.store, ctx.store.db.insertInto('warranty_register_log').values({ register_id: registerId, from_state: from, to_state: to, at: ctx.nowIso(), user_id: ctx.user.id, reason }))
}

/** `CQ2026000003` (超权 over-authority) or `ZL2026000003` (质量 quality feedback), numbered inside the write transaction. */
export function nextRegisterNumber(ctx: Ctx, kind: RegisterKind): string {
  const year = zonedParts(ctx.clock.now(), ctx.timeZone).year
  const name = `register:${kind}:${year}`
  const value = first(
    ctx.store,
    ctx.store.db
      .insertInto('sequences')
      .values({ name, value: 1 })
      .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('value', '+', 1) })))
      .returning('value'),
  )!.value
  return `${REGISTER_PREFIX[kind]}${year}${String(value).padStart(6, '0')}`
}
