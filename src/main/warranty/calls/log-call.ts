import type { Updateable } from 'kysely'
import type { UserCtx } from '../../api/context'
import { AppError, conflict, fieldError, notFound } from '../../api/app-error'
import { first, insertId, run } from '../../store/query'
import type { WarrantyCallsTable } from '../../store/schema'
import { roleHas } from '../../../shared/domain/roles'
import { dayBounds } from '../../../shared/domain/calendar'
import { localDate, parseIso, toLocalIso } from '../../../shared/domain/time'
import { bookAppointment } from '../../reception/appointments'
import { getCoverageCall, loadCoverageCall } from './view'
import type { In, Out } from './types'

// A warranty reminder call goes into customer care's one call log (care_calls, the third kind of
// call beside follow-ups and service reminders): when, who, the outcome. Unanswered: tried again
// the next day; "call back": at the time asked for; a wrong number closes the call (reception has
// to fix the number). From a reached call the check-up is booked through the appointments desk
// (its opening hours and advisor checks) with the call's reason as the concern, or declined.

function updateCall(ctx: UserCtx, id: number, version: number, set: Updateable<WarrantyCallsTable>): void {
  const db = ctx.store.db
  const result = run(ctx.store, db.updateTable('warranty_calls').set(set).set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', id).where('version', '=', version))
  if (result.changes === 1) return
  const row = first(ctx.store, db.selectFrom('warranty_calls').select('version').where('id', '=', id))
  if (!row) throw notFound('entity.warrantyCall', id)
  throw conflict('entity.warrantyCall', id, version, row.version)
}

export function logWarrantyCall(ctx: UserCtx, raw: In<'warranty.calls.logCall'>): Out<'warranty.calls.logCall'> {
  const local = (iso: string) => toLocalIso(parseIso(iso), ctx.timeZone)
  const input = { ...raw, startedAt: local(raw.startedAt), endedAt: local(raw.endedAt), callbackAt: raw.callbackAt === undefined ? undefined : local(raw.callbackAt) }
  const w = loadCoverageCall(ctx, input.id)
  if (w.state !== 'open') throw new AppError('INVALID_STATE', 'warranty.callClosed', { plate: w.plate ?? w.vin, state: `wtyCallState.${w.state}` })
  if (input.endedAt < input.startedAt) throw fieldError('VALIDATION', 'endedAt', 'care.endBeforeStart')
  if (input.endedAt > ctx.nowIso()) throw fieldError('VALIDATION', 'endedAt', 'care.callInFuture')
  if ((input.outcome === 'call_back') !== (input.callbackAt !== undefined)) throw fieldError('VALIDATION', 'callbackAt', 'care.callbackOnlyWithCallBack')
  if (input.callbackAt !== undefined && input.callbackAt <= input.endedAt) throw fieldError('VALIDATION', 'callbackAt', 'care.callbackInPast')
  const reached = input.outcome === 'reached'
  if (input.book && input.decline) throw fieldError('VALIDATION', 'decline', 'care.bookOrDecline')
  if ((input.book || input.decline) && !reached) throw fieldError('VALIDATION', input.book ? 'book' : 'decline', 'care.bookNeedsReached')
  if (input.book && !roleHas(ctx.user.role, 'appointments.write')) throw new AppError('FORBIDDEN', 'error.FORBIDDEN')

  const db = ctx.store.db
  const now = ctx.nowIso()
  insertId(
    ctx.store,
    db.insertInto('care_calls').values({
      followup_id: null,
      reminder_id: null,
      warranty_call_id: w.id,
      user_id: ctx.user.id,
      started_at: input.startedAt,
      ended_at: input.endedAt,
      outcome: input.outcome,
      callback_at: input.callbackAt ?? null,
      remark: input.remark,
      created_at: now,
    }),
  )
  let appointmentId: number | null = null
  if (input.book) {
    const reason = getCoverageCall(ctx, w.id).reason
    appointmentId = bookAppointment(ctx, {
      vehicleId: w.vehicle_id,
      advisorId: input.book.advisorId,
      startsAt: input.book.startsAt,
      durationMin: input.book.durationMin,
      concern: input.book.concern || reason,
      outsideHours: input.book.outsideHours,
    }).id
  }
  const tomorrow = dayBounds(localDate(ctx.clock.now(), ctx.timeZone), ctx.timeZone).to
  const nextTry = input.outcome === 'no_answer' ? tomorrow : input.outcome === 'call_back' ? (input.callbackAt ?? null) : null
  const closing = input.book ? ('booked' as const) : input.decline ? ('declined' as const) : input.outcome === 'wrong_number' ? ('wrong_number' as const) : null
  updateCall(ctx, w.id, input.version, {
    attempts: w.attempts + 1,
    next_try_at: closing ? null : nextTry,
    updated_at: now,
    ...(closing ? { state: closing, closed_at: now, closed_by: ctx.user.id, appointment_id: appointmentId, close_note: input.remark } : {}),
  })
  ctx.audit({
    action: 'warranty.calls.logCall',
    entity: 'warranty_call',
    entityId: w.id,
    detail: { vehicleId: w.vehicle_id, outcome: `callOutcome.${input.outcome}`, attempts: w.attempts + 1, ...(closing ? { warrantyCallResult: `wtyCallState.${closing}` } : {}), ...(appointmentId ? { appointmentId } : {}) },
  })
  ctx.events.emit({ type: 'warranty.changed', id: w.id })
  return getCoverageCall(ctx, w.id)
}
