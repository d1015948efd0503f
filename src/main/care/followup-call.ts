import type { UserCtx } from '../api/context'
import { AppError, fieldError } from '../api/app-error'
import { run } from '../store/query'
import { inLocalTime, insertCall, refuseImpossibleCall } from './call-log'
import { surveyComplete, UNREACHABLE_AFTER_ATTEMPTS } from '../../shared/domain/care'
import { openComplaintRecord } from './complaint-open'
import { getFollowUp, loadFollowUp } from './followup-view'
import type { In, Out } from './types'
import { updateVersioned } from '../api/versioned'
import { templateOf } from './survey-template'

// A follow-up call (回访电话) is logged as it happened: when it started and ended, who called,
// the outcome, and for a reached call the survey answers. A follow-up is done only with a reached
// call that has every answer — proof of a conversation, not a tick in a box.

function refuseUnlessOpen(state: string, number: string): void {
  if (state !== 'open') throw new AppError('INVALID_STATE', 'care.followUpClosed', { number, state: `followUpState.${state}` })
}

export function logCall(ctx: UserCtx, raw: In<'care.followups.logCall'>): Out<'care.followups.logCall'> {
  // Times compared as stored text must carry the dealership's offset, whatever the caller sent.
  const input = inLocalTime(ctx, raw)
  const f = loadFollowUp(ctx, input.id)
  refuseUnlessOpen(f.state, f.ro_number)
  refuseImpossibleCall(ctx, input, { at: f.delivered_at, message: 'care.callBeforeDelivery' })
  const reached = input.outcome === 'reached'
  if (!reached && input.answers.length > 0) throw fieldError('VALIDATION', 'answers', 'care.answersNeedReached')
  if (new Set(input.answers.map((a) => a.question)).size !== input.answers.length) throw fieldError('VALIDATION', 'answers', 'care.duplicateAnswer')
  // The call is asked with the template of now; a question it does not have is refused by name.
  const template = templateOf(ctx)
  const asked = template.questions.map((q) => q.code)
  const stray = input.answers.find((a) => !asked.includes(a.question))
  if (stray) throw fieldError('VALIDATION', 'answers', 'care.survey.notAsked', { question: stray.question })
  if (input.done && !(reached && surveyComplete(input.answers, asked))) {
    throw new AppError('INVALID_STATE', reached ? 'care.doneNeedsAnswers' : 'care.doneNeedsReachedCall', { number: f.ro_number })
  }
  if (input.complaint && !reached) throw fieldError('VALIDATION', 'complaint', 'care.complaintNeedsReached')

  const db = ctx.store.db
  const callId = insertCall(ctx, { followup_id: f.id }, input, template.version)
  if (input.answers.length > 0) {
    run(ctx.store, db.insertInto('care_call_answers').values(input.answers.map((a) => ({ call_id: callId, question: a.question, score: a.score }))))
  }
  const now = ctx.nowIso()
  updateVersioned(ctx, 'care_followups', f.id, input.version, {
    attempts: f.attempts + 1,
    callback_at: input.callbackAt ?? null,
    ...(input.done ? { state: 'done' as const, closed_at: now, closed_by: ctx.user.id, done_call_id: callId } : {}),
  })
  ctx.audit({
    action: 'care.followups.logCall',
    entity: 'care_followup',
    entityId: f.id,
    detail: { roId: f.ro_id, outcome: `callOutcome.${input.outcome}`, attempts: f.attempts + 1, scores: input.answers.map((a) => a.score), done: input.done },
  })
  if (input.complaint) {
    openComplaintRecord(ctx, {
      ...input.complaint,
      source: 'followup',
      roId: f.ro_id,
      followUpId: f.id,
    })
  }
  ctx.events.emit({ type: 'care.changed', id: f.id })
  return getFollowUp(ctx, f.id)
}

/** After repeated calls that never reached the customer, the follow-up is closed as unreachable, with why. */
export function giveUp(ctx: UserCtx, input: In<'care.followups.giveUp'>): Out<'care.followups.giveUp'> {
  const f = loadFollowUp(ctx, input.id)
  refuseUnlessOpen(f.state, f.ro_number)
  if (f.attempts < UNREACHABLE_AFTER_ATTEMPTS) {
    throw new AppError('INVALID_STATE', 'care.tooFewAttempts', { attempts: f.attempts, needed: UNREACHABLE_AFTER_ATTEMPTS })
  }
  updateVersioned(ctx, 'care_followups', f.id, input.version, { state: 'unreachable', closed_at: ctx.nowIso(), closed_by: ctx.user.id, close_note: input.note })
  ctx.audit({ action: 'care.followups.giveUp', entity: 'care_followup', entityId: f.id, detail: { roId: f.ro_id, attempts: f.attempts, note: input.note } })
  ctx.events.emit({ type: 'care.changed', id: f.id })
  return getFollowUp(ctx, f.id)
}
