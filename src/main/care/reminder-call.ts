import type { UserCtx } from '../api/context'
import { AppError } from '../api/app-error'
import { bookFromCall, inLocalTime, insertCall, refuseImpossibleBooking, refuseImpossibleCall } from './call-log'
import { updateVersioned } from '../api/versioned'
import { getReminder, loadReminder } from './reminder-view'
import type { In, Out } from './types'

// A reminder call (保养提醒电话) goes into the same call log as a follow-up call: when, who, the
// outcome. From a reached call the service is booked through the appointments desk (its opening
// hours and advisor checks), with the reminder's reason as the concern; or the customer declines.

export function logReminderCall(ctx: UserCtx, raw: In<'care.reminders.logCall'>): Out<'care.reminders.logCall'> {
  const input = inLocalTime(ctx, raw)
  const m = loadReminder(ctx, input.id)
  const plate = m.plate ?? m.ro_number
  if (m.state !== 'open') throw new AppError('INVALID_STATE', 'care.reminderClosed', { plate, state: `reminderState.${m.state}` })
  refuseImpossibleCall(ctx, input)
  refuseImpossibleBooking(ctx, input)

  insertCall(ctx, { reminder_id: m.id }, input)
  const appointmentId = input.book ? bookFromCall(ctx, m.vehicle_id, input.book, getReminder(ctx, m.id).reason) : null
  const now = ctx.nowIso()
  const closing = input.book ? ('booked' as const) : input.decline ? ('declined' as const) : null
  updateVersioned(ctx, 'care_reminders', m.id, input.version, {
    attempts: m.attempts + 1,
    callback_at: input.callbackAt ?? null,
    ...(closing ? { state: closing, closed_at: now, closed_by: ctx.user.id, appointment_id: appointmentId, close_note: input.remark } : {}),
  })
  ctx.audit({
    action: 'care.reminders.logCall',
    entity: 'care_reminder',
    entityId: m.id,
    detail: { vehicleId: m.vehicle_id, outcome: `callOutcome.${input.outcome}`, attempts: m.attempts + 1, ...(closing ? { reminderResult: `reminderState.${closing}` } : {}), ...(appointmentId ? { appointmentId } : {}) },
  })
  ctx.events.emit({ type: 'care.changed', id: m.id })
  return getReminder(ctx, m.id)
}
