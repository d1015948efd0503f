import type { UserCtx } from '../api/context'
import { AppError, fieldError, notFound } from '../api/app-error'
import { first, insertId } from '../store/query'
import { ROLES, roleHas, type Permission, type Role } from '../../shared/domain/roles'
import { complaintNext, type ComplaintState, type ComplaintStep } from '../../shared/domain/care'
import { getComplaint } from './complaint-view'
import type { In, Out } from './types'
import { updateVersioned } from '../api/versioned'
import type { Updateable } from 'kysely'
import type { CareComplaintsTable } from '../store/schema'

// The steps of a complaint case, each one a row with time and who, each audited: an owner
// (department and person), actions taken, the resolution with the customer's acceptance and the
// root cause, and closure by the front-desk supervisor or the manager. A resolution the customer
// did not accept is reopened, never closed.

/** Each step is audited under the name of the channel that takes it. */
const STEP_CHANNEL: Record<ComplaintStep, string> = {
  assign: 'care.complaints.assign',
  action: 'care.complaints.act',
  resolve: 'care.complaints.resolve',
  reopen: 'care.complaints.reopen',
  close: 'care.complaints.close',
}

function step(
  ctx: UserCtx,
  id: number,
  version: number,
  kind: ComplaintStep,
  note: string,
  set: (state: ComplaintState) => Updateable<CareComplaintsTable>,
  detail: Record<string, unknown> = {},
): Out<'care.complaints.get'> {
  const db = ctx.store.db
  const row = first(ctx.store, db.selectFrom('care_complaints').select(['state', 'number', 'accepted']).where('id', '=', id))
  if (!row) throw notFound('entity.careComplaint', id)
  const to = complaintNext(row.state, kind)
  if (to === null) throw new AppError('INVALID_STATE', 'care.complaintStepRefused', { number: row.number, state: `complaintState.${row.state}`, step: `complaintStep.${kind}` }, { state: row.state })
  if (kind === 'close' && row.accepted !== 1) throw new AppError('INVALID_STATE', 'care.closeNeedsAcceptance', { number: row.number })
  const now = ctx.nowIso()
  updateVersioned(ctx, 'care_complaints', id, version, { state: to, ...set(row.state) })
  insertId(ctx.store, db.insertInto('care_complaint_actions').values({ complaint_id: id, kind, note, user_id: ctx.user.id, at: now }))
  ctx.audit({ action: STEP_CHANNEL[kind], entity: 'care_complaint', entityId: id, detail: { number: row.number, before: `complaintState.${row.state}`, after: `complaintState.${to}`, note, ...detail } })
  ctx.events.emit({ type: 'care.changed', id })
  return getComplaint(ctx, id)
}

const isRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role)
const OWNER_PERMISSION: Permission = 'care.complaints'

export function assignComplaint(ctx: UserCtx, input: In<'care.complaints.assign'>): Out<'care.complaints.assign'> {
  const owner = first(ctx.store, ctx.store.db.selectFrom('users').select(['id', 'role', 'active', 'display_name']).where('id', '=', input.ownerId))
  if (!owner || owner.active !== 1) throw fieldError('NOT_FOUND', 'ownerId', 'care.ownerNotFound')
  if (!isRole(owner.role) || !roleHas(owner.role, OWNER_PERMISSION)) throw fieldError('VALIDATION', 'ownerId', 'care.ownerCannotAct', { name: owner.display_name })
  return step(ctx, input.id, input.version, 'assign', input.note, () => ({ owner_id: owner.id, department: input.department }), { ownerId: owner.id, department: input.department })
}

export function actOnComplaint(ctx: UserCtx, input: In<'care.complaints.act'>): Out<'care.complaints.act'> {
  return step(ctx, input.id, input.version, 'action', input.note, () => ({}))
}

export function resolveComplaint(ctx: UserCtx, input: In<'care.complaints.resolve'>): Out<'care.complaints.resolve'> {
  const actions = first(
    ctx.store,
    ctx.store.db.selectFrom('care_complaint_actions').select((eb) => eb.fn.countAll<number>().as('n')).where('complaint_id', '=', input.id).where('kind', '=', 'action'),
  )
  const current = first(ctx.store, ctx.store.db.selectFrom('care_complaints').select(['state', 'number']).where('id', '=', input.id))
  if (current && current.state === 'assigned' && (actions?.n ?? 0) === 0) throw new AppError('INVALID_STATE', 'care.resolveNeedsAction', { number: current.number })
  return step(
    ctx,
    input.id,
    input.version,
    'resolve',
    input.acceptanceNote,
    () => ({ accepted: input.accepted ? 1 : 0, acceptance_note: input.acceptanceNote, root_cause: input.rootCause, resolved_at: ctx.nowIso() }),
    { accepted: input.accepted, rootCause: input.rootCause },
  )
}

export function reopenComplaint(ctx: UserCtx, input: In<'care.complaints.reopen'>): Out<'care.complaints.reopen'> {
  return step(ctx, input.id, input.version, 'reopen', input.note, () => ({ accepted: null, resolved_at: null }))
}

export function closeComplaint(ctx: UserCtx, input: In<'care.complaints.close'>): Out<'care.complaints.close'> {
  return step(ctx, input.id, input.version, 'close', input.note, () => ({ closed_at: ctx.nowIso(), closed_by: ctx.user.id }))
}
