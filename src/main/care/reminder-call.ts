import type { Updateable } from 'kysely'
import type { UserCtx } from '../api/context'
import { AppError, conflict, fieldError, notFound } from '../api/app-error'
import { first, insertId, run } from '../store/query'
import type { CareRemindersTable } from '../store/schema'
import { roleHas } from '../../shared/domain/roles'
import { parseIso, toLocalIso } from '../../shared/domain/time'
import { bookAppointment } from '../reception/appointments'
import { getReminder, loadReminder } from './reminder-view'
import type { In, Out } from './types'

// A reminder call (保养提醒电话) goes into the same call log as a follow-up call: when, who, the
// outcome. From a reached call the service is booked through the appointments desk (its opening
// hours and advisor checks), with the reminder's reason as the concern; or the customer declines.

function updateReminder(ctx: UserCtx, id: number, version: number, set: Updateable<CareRemindersTable>): void {
  const db = ctx.store.db
  const result = run(ctx.store, db.updateTable('care_reminders').set(set).set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', id).where('version', '=', version))
  if (result.changes === 1) return
  const row = first(ctx.store, db.selectFrom('care_reminders').select('version').where('id', '=', id))
  if (!row) throw notFound('entity.careReminder', id)
  throw conflict('entity.careReminder', id, version, row.version)
}

export function logReminderCall(ctx: UserCtx, raw: In<'care.reminders.logCall'>): Out<'care.reminders.logCall'> {
  const local = (iso: string) => toLocalIso(parseIso(iso), ctx.timeZone)
  const input = { ...raw, startedAt: local(raw.startedAt), endedAt: local(raw.endedAt), callbackAt: raw.callbackAt === undefined ? undefined : local(raw.callbackAt) }
  const m = loadReminder(ctx, input.id)
  const plate = m.plate ?? m.ro_number
  if (m.state !== 'open') throw new AppError('INVALID_STATE', 'care.reminderClosed', { plate, state: `reminderState.${m.state}` })
  if (input.endedAt < input.startedAt) throw fieldError('VALIDATION', 'endedAt', 'care.endBeforeStart')
  if (input.endedAt > ctx.nowIso()) throw fieldError('VALIDATION', 'endedAt', 'care.callInFuture')
  if ((input.outcome === 'call_back') !== (input.callbackAt !== undefined)) throw fieldError('VALIDATION', 'callbackAt', 'care.callbackOnlyWithCallBack')
  if (input.callbackAt !== undefined && input.callbackAt <= input.endedAt) throw fieldError('VALIDATION', 'callbackAt', 'care.callbackInPast')
  const reached = input.outcome === 'reached'
  if (input.book && input.decline) throw fieldError('VALIDATION', 'decline', 'care.bookOrDecline')
  if ((input.book || input.decline) && !reached) throw fieldError('VALIDATION', input.book ? 'book' : 'decline', 'care.bookNeedsReached')
  if (input.book && !roleHas(ctx.user.role, 'appointments.write')) throw new AppError('FORBIDDEN', 'error.FORBIDDEN')

  const db = ctx.store.db
  insertId(
    ctx.store,
    db.insertInto('care_calls').values({
      followup_id: null,
      reminder_id: m.id,
      user_id: ctx.user.id,
      started_at: input.startedAt,
      ended_at: input.endedAt,
      outcome: input.outcome,
      callback_at: input.callbackAt ?? null,
      remark: input.remark,
      created_at: ctx.nowIso(),
    }),
  )
  let appointmentId: number | null = null
  if (input.book) {
    const reason = getReminder(ctx, m.id).reason
    const appointment = bookAppointment(ctx, {
      vehicleId: m.vehicle_id,
      advisorId: input.book.advisorId,
      startsAt: input.book.startsAt,
      durationMin: input.book.durationMin,
      concern: input.book.concern || reason,
      outsideHours: input.book.outsideHours,
    })
    appointmentId = appointment.id
  }
  const now = ctx.nowIso()
  const closing = input.book ? ('booked' as const) : input.decline ? ('declined' as const) : null
  updateReminder(ctx, m.id, input.version, {
    attempts: m.attempts + 1,
    callback_at: input.callbackAt ?? null,
    updated_at: now,
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
