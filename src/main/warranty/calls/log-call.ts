import type { UserCtx } from '../../api/context'
import { AppError } from '../../api/app-error'
import { dayBounds } from '../../../shared/domain/calendar'
import { localDate } from '../../../shared/domain/time'
import { bookFromCall, inLocalTime, insertCall, refuseImpossibleBooking, refuseImpossibleCall } from '../../care/call-log'
import { updateVersioned } from '../../api/versioned'
import { getCoverageCall, loadCoverageCall } from './view'
import type { In, Out } from './types'

// A warranty reminder call goes into customer care's one call log (care_calls, the third kind of
// call beside follow-ups and service reminders): when, who, the outcome. Unanswered: tried again
// the next day; "call back": at the time asked for; a wrong number closes the call (reception has
// to fix the number). From a reached call the check-up is booked through the appointments desk
// (its opening hours and advisor checks) with the call's reason as the concern, or declined.

export function logWarrantyCall(ctx: UserCtx, raw: In<'warranty.calls.logCall'>): Out<'warranty.calls.logCall'> {
  const input = inLocalTime(ctx, raw)
  const w = loadCoverageCall(ctx, input.id)
  if (w.state !== 'open') throw new AppError('INVALID_STATE', 'warranty.callClosed', { plate: w.plate ?? w.vin, state: `wtyCallState.${w.state}` })
  refuseImpossibleCall(ctx, input)
  refuseImpossibleBooking(ctx, input)

  const now = ctx.nowIso()
  insertCall(ctx, { warranty_call_id: w.id }, input)
  const appointmentId = input.book ? bookFromCall(ctx, w.vehicle_id, input.book, getCoverageCall(ctx, w.id).reason) : null
  const tomorrow = dayBounds(localDate(ctx.clock.now(), ctx.timeZone), ctx.timeZone).to
  const nextTry = input.outcome === 'no_answer' ? tomorrow : input.outcome === 'call_back' ? (input.callbackAt ?? null) : null
  const closing = input.book ? ('booked' as const) : input.decline ? ('declined' as const) : input.outcome === 'wrong_number' ? ('wrong_number' as const) : null
  updateVersioned(ctx, 'warranty_calls', w.id, input.version, {
    attempts: w.attempts + 1,
    next_try_at: closing ? null : nextTry,
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
