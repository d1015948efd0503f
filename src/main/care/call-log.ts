import type { UserCtx } from '../api/context'
import { AppError, fieldError } from '../api/app-error'
import { insertId } from '../store/query'
import type { CareCallsTable } from '../store/schema'
import type { In } from '../reception/types'
import { roleHas } from '../../shared/domain/roles'
import { parseIso, toLocalIso } from '../../shared/domain/time'
import { bookAppointment } from '../reception/appointments'

// The one call log (care_calls) serves every kind of customer call: follow-ups, service
// reminders, warranty coverage reminders and campaign invitations. What a call is — when it
// started and ended, who called, the outcome, when to call back — is checked and written here
// once; each kind adds its own rules (the survey, what a reached call may close) and moves its
// own task.

export type CallOutcome = CareCallsTable['outcome']

export interface CallInput {
  startedAt: string
  endedAt: string
  outcome: CallOutcome
  callbackAt?: string | undefined
  remark: string
}

/** Which task the call was made for: exactly one. */
export type CallFor = { followup_id: number } | { reminder_id: number } | { warranty_call_id: number } | { invite_id: number }

export type Booking = Omit<In<'appointments.book'>, 'vehicleId'>

/** Times compared as stored text must carry the dealership's offset, whatever the caller sent. */
export function inLocalTime<T extends CallInput>(ctx: UserCtx, raw: T): T {
  const local = (iso: string) => toLocalIso(parseIso(iso), ctx.timeZone)
  return { ...raw, startedAt: local(raw.startedAt), endedAt: local(raw.endedAt), callbackAt: raw.callbackAt === undefined ? undefined : local(raw.callbackAt) }
}

/**
 * A call ends after it starts and not in the future; "call back" comes with the time asked for,
 * after the call, and only then. `notBefore` is the earliest start the task allows (a follow-up
 * cannot be called before the car was delivered).
 */
export function refuseImpossibleCall(ctx: UserCtx, input: CallInput, notBefore?: { at: string; message: string }): void {
  if (input.endedAt < input.startedAt) throw fieldError('VALIDATION', 'endedAt', 'care.endBeforeStart')
  if (notBefore && input.startedAt < notBefore.at) throw fieldError('VALIDATION', 'startedAt', notBefore.message)
  if (input.endedAt > ctx.nowIso()) throw fieldError('VALIDATION', 'endedAt', 'care.callInFuture')
  if ((input.outcome === 'call_back') !== (input.callbackAt !== undefined)) throw fieldError('VALIDATION', 'callbackAt', 'care.callbackOnlyWithCallBack')
  if (input.callbackAt !== undefined && input.callbackAt <= input.endedAt) throw fieldError('VALIDATION', 'callbackAt', 'care.callbackInPast')
}

/** Booking or declining needs a reached customer, not both at once, and booking needs the right. */
export function refuseImpossibleBooking(ctx: UserCtx, input: CallInput & { book?: Booking | undefined; decline?: boolean | undefined }): void {
  if (input.book && input.decline) throw fieldError('VALIDATION', 'decline', 'care.bookOrDecline')
  if ((input.book || input.decline) && input.outcome !== 'reached') throw fieldError('VALIDATION', input.book ? 'book' : 'decline', 'care.bookNeedsReached')
  if (input.book && !roleHas(ctx.user.role, 'appointments.write')) throw new AppError('FORBIDDEN', 'error.FORBIDDEN')
}

/** The appointment booked from a reached call, through the desk's opening-hours and advisor checks; the call's reason is the concern unless one was typed. */
export function bookFromCall(ctx: UserCtx, vehicleId: number, book: Booking, reason: string): number {
  return bookAppointment(ctx, { ...book, vehicleId, concern: book.concern || reason }).id
}

/** Writes the call into the log for its task; the id of the new call. */
export function insertCall(ctx: UserCtx, callFor: CallFor, input: CallInput, templateVersion?: number): number {
  return insertId(
    ctx.store,
    ctx.store.db.insertInto('care_calls').values({
      ...callFor,
      user_id: ctx.user.id,
      started_at: input.startedAt,
      ended_at: input.endedAt,
      outcome: input.outcome,
      callback_at: input.callbackAt ?? null,
      remark: input.remark,
      created_at: ctx.nowIso(),
      ...(templateVersion === undefined ? {} : { template_version: templateVersion }),
    }),
  )
}
