import type { UserCtx } from '../../api/context'
import { AppError } from '../../api/app-error'
import { canDeleteRegister, canEditRegister, nextRegisterState, registerActionNeedsReason, type RegisterState } from '../../../shared/domain/warranty-register'
import { first, insertId, run } from '../../store/query'
import { getRegister } from './read'
import { loadRegisterForWrite, logRegisterState, nextRegisterNumber, registerStateRefuses, updateRegister, type RegisterRowOfStore } from './rows'
import type { In, Out } from './types'

// Creating and editing an entry while the dealer holds it (draft, returned), deleting a draft, and
// the moves of the flow: each move is one status-log row and one audit entry with who, when, why.

const invalid = (field: string, message: string, params: Record<string, string | number> = {}) =>
  new AppError('VALIDATION', message, params, { fields: [{ field, message }] })

interface Subject {
  roId: number | null
  vehicleId: number
  claimId: number | null
}

/** The RO, vehicle and claim the entry names; a claim brings its RO, an RO its vehicle, and all must agree. */
function subjectOf(ctx: UserCtx, input: In<'warranty.register.save'>): Subject {
  let roId: number | null = null
  let vehicleId: number | null = null
  let claimId: number | null = null
  if (input.claimNumber) {
    if (input.kind !== 'over_authority') throw invalid('claimNumber', 'wtyReg.claimOnlyOverAuthority')
    const claim = first(ctx.store, ctx.store.db.selectFrom('warranty_claims').select(['id', 'ro_id', 'vehicle_id']).where('number', '=', input.claimNumber))
    if (!claim) throw invalid('claimNumber', 'wtyReg.unknownClaim', { number: input.claimNumber })
    ;[claimId, roId, vehicleId] = [claim.id, claim.ro_id, claim.vehicle_id]
  }
  if (input.roNumber) {
    const ro = first(ctx.store, ctx.store.db.selectFrom('repair_orders').select(['id', 'vehicle_id']).where('number', '=', input.roNumber))
    if (!ro) throw invalid('roNumber', 'wtyReg.unknownRo', { number: input.roNumber })
    if (roId !== null && roId !== ro.id) throw invalid('roNumber', 'wtyReg.roNotClaims', { number: input.roNumber, claim: input.claimNumber })
    ;[roId, vehicleId] = [ro.id, ro.vehicle_id]
  }
  if (input.vin) {
    const vehicle = first(ctx.store, ctx.store.db.selectFrom('vehicles').select('id').where('vin', '=', input.vin))
    if (!vehicle) throw invalid('vin', 'wtyReg.unknownVin', { vin: input.vin })
    if (vehicleId !== null && vehicleId !== vehicle.id) throw invalid('vin', 'wtyReg.vinNotRos', { vin: input.vin })
    vehicleId = vehicle.id
  }
  if (vehicleId === null) throw invalid('roNumber', 'wtyReg.subjectRequired')
  return { roId, vehicleId, claimId }
}

/** The kind's own columns; the other kind's stay empty (the table's CHECK holds it too). */
function contentOf(input: In<'warranty.register.save'>) {
  if (input.kind === 'over_authority') {
    if (input.requestedFen === undefined || input.requestedFen <= 0) throw invalid('requestedFen', 'wtyReg.requestedRequired')
    return { requested_fen: input.requestedFen, occurrences: null, severity: null, part_text: input.partText, failure: input.failure, note: input.note }
  }
  if (input.severity === undefined) throw invalid('severity', 'wtyReg.severityRequired')
  if ([...input.failure].length < 2) throw invalid('failure', 'wtyReg.failureRequired')
  return { requested_fen: null, occurrences: input.occurrences ?? 1, severity: input.severity, part_text: input.partText, failure: input.failure, note: input.note }
}

function partIdOf(ctx: UserCtx, partText: string): number | null {
  if (!partText) return null
  const number = partText.split(/\s+/)[0]!
  return first(ctx.store, ctx.store.db.selectFrom('parts').select('id').where('part_number', '=', number))?.id ?? null
}

export function saveRegister(ctx: UserCtx, input: In<'warranty.register.save'>): Out<'warranty.register.save'> {
  const subject = subjectOf(ctx, input)
  const content = contentOf(input)
  const values = { ro_id: subject.roId, vehicle_id: subject.vehicleId, claim_id: subject.claimId, part_id: partIdOf(ctx, input.partText), ...content }
  if (input.id === undefined) {
    const now = ctx.nowIso()
    const number = nextRegisterNumber(ctx, input.kind)
    const id = insertId(ctx.store, ctx.store.db.insertInto('warranty_registers').values({ kind: input.kind, number, ...values, created_by: ctx.user.id, created_at: now, updated_at: now }))
    logRegisterState(ctx, id, null, 'draft')
    ctx.audit({ action: 'warranty.register.create', entity: 'warranty_register', entityId: id, detail: { number, registerKind: `wtyReg.kind.${input.kind}` } })
    ctx.events.emit({ type: 'warranty.changed', id })
    return getRegister(ctx, id)
  }
  if (input.version === undefined) throw invalid('version', 'wtyReg.versionRequired')
  const row = loadRegisterForWrite(ctx, input.id, input.version)
  if (row.kind !== input.kind) throw invalid('kind', 'wtyReg.kindFixed')
  if (!canEditRegister(row.state)) throw registerStateRefuses(ctx, row, 'edit')
  updateRegister(ctx, row, values)
  ctx.audit({ action: 'warranty.register.update', entity: 'warranty_register', entityId: row.id, detail: { number: row.number, ...(content.requested_fen !== null ? { requestedFen: content.requested_fen } : {}) } })
  ctx.events.emit({ type: 'warranty.changed', id: row.id })
  return getRegister(ctx, row.id)
}

export function deleteRegister(ctx: UserCtx, input: In<'warranty.register.delete'>): Out<'warranty.register.delete'> {
  const row = loadRegisterForWrite(ctx, input.id, input.version)
  if (!canDeleteRegister(row.state)) throw registerStateRefuses(ctx, row, 'delete')
  run(ctx.store, ctx.store.db.deleteFrom('warranty_registers').where('id', '=', row.id).where('version', '=', row.version))
  ctx.audit({ action: 'warranty.register.delete', entity: 'warranty_register', entityId: row.id, detail: { number: row.number } })
  ctx.events.emit({ type: 'warranty.changed', id: row.id })
  return { id: row.id }
}

/** What the maker's approval of an over-authority request records: its amount, at most the amount asked. */
function approvedAmount(row: RegisterRowOfStore, input: In<'warranty.register.move'>): number | null {
  if (row.kind !== 'over_authority') return null
  const requested = row.requested_fen ?? 0
  const approved = input.approvedFen ?? requested
  if (approved <= 0) throw invalid('approvedFen', 'wtyReg.approvedRequired')
  if (approved > requested) throw invalid('approvedFen', 'wtyReg.approvedOverRequested')
  return approved
}

export function moveRegister(ctx: UserCtx, input: In<'warranty.register.move'>): Out<'warranty.register.move'> {
  const row = loadRegisterForWrite(ctx, input.id, input.version)
  const to: RegisterState | null = nextRegisterState(row.state, input.action)
  if (to === null) throw registerStateRefuses(ctx, row, input.action)
  if (registerActionNeedsReason(input.action) && [...input.reason].length < 2) throw invalid('reason', 'wtyReg.reasonRequired')
  const at = ctx.nowIso()
  const set: Record<string, string | number | null> = { state: to }
  const detail: Record<string, string | number> = { before: row.state, after: to, number: row.number }
  if (input.action === 'submit') {
    if (row.kind === 'over_authority' && [...row.note].length < 2) throw invalid('note', 'wtyReg.noteRequired')
    Object.assign(set, { submissions: row.submissions + 1, submitted_at: at })
  }
  if (input.action === 'approve' || input.action === 'return' || input.action === 'reject') {
    set.decided_at = at
    if (input.makerRef) set.maker_ref = input.makerRef
    const approved = input.action === 'approve' ? approvedAmount(row, input) : null
    if (row.kind === 'over_authority') set.approved_fen = approved
    if (approved !== null) detail.approvedFen = approved
    if (input.makerRef) detail.makerRef = input.makerRef
  }
  if (input.reason) detail.reason = input.reason
  updateRegister(ctx, row, set)
  logRegisterState(ctx, row.id, row.state, to, input.reason)
  ctx.audit({ action: `warranty.register.${input.action}`, entity: 'warranty_register', entityId: row.id, detail })
  ctx.events.emit({ type: 'warranty.changed', id: row.id })
  return getRegister(ctx, row.id)
}
