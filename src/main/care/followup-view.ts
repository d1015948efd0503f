import type { InferResult, Kysely } from 'kysely'
import type { UserCtx } from '../api/context'
import { AppError, notFound } from '../api/app-error'
import { all, first } from '../store/query'
import type { DB } from '../store/schema'
import { SURVEY_SCALE } from '../../shared/domain/care'
import { templateOf, wordingOf } from './survey-template'
import type { RoType } from '../../shared/domain/ro-type'
import { seesAllFollowUps } from './scope'
import { lowScore } from './settings'
import type { In, Out } from './types'

// The follow-up call list (sorted by due time) and one follow-up with its call log and survey.

type Row = Out<'care.followups.list'>[number]

function base(db: Kysely<DB>) {
  return db
    .selectFrom('care_followups as f')
    .innerJoin('repair_orders as r', 'r.id', 'f.ro_id')
    .innerJoin('vehicles as v', 'v.id', 'r.vehicle_id')
    .innerJoin('customers as c', 'c.id', 'r.customer_id')
    .innerJoin('users as a', 'a.id', 'f.assignee_id')
    .select([
      'f.id',
      'f.version',
      'f.state',
      'f.ro_id',
      'r.number as ro_number',
      'r.type as ro_type',
      'v.plate',
      'v.model',
      'c.name as customer_name',
      'c.mobile',
      'f.assignee_id',
      'a.display_name as assignee_name',
      'f.delivered_at',
      'f.due_date',
      'f.due_at',
      'f.attempts',
      'f.callback_at',
      'f.closed_at',
      'f.done_call_id',
      'f.close_note',
    ])
}

type BaseRow = InferResult<ReturnType<typeof base>>[number]

function toRow(r: BaseRow, now: string): Row {
  return {
    id: r.id,
    version: r.version,
    state: r.state,
    roId: r.ro_id,
    roNumber: r.ro_number,
    roType: r.ro_type as RoType,
    plate: r.plate,
    model: r.model,
    customerName: r.customer_name,
    mobile: r.mobile,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    deliveredAt: r.delivered_at,
    dueDate: r.due_date,
    dueAt: r.due_at,
    overdue: r.state === 'open' && now >= r.due_at,
    attempts: r.attempts,
    callbackAt: r.callback_at,
    closedAt: r.closed_at,
  }
}

export function listFollowUps(ctx: UserCtx, input: In<'care.followups.list'>): Out<'care.followups.list'> {
  let q = base(ctx.store.db)
  if (input.state === 'open') q = q.where('f.state', '=', 'open')
  if (input.state === 'closed') q = q.where('f.state', '!=', 'open')
  if (!seesAllFollowUps(ctx.user)) q = q.where('f.assignee_id', '=', ctx.user.id)
  q = input.state === 'open' ? q.orderBy('f.due_at').orderBy('f.id') : q.orderBy('f.due_at', 'desc').orderBy('f.id', 'desc')
  const now = ctx.nowIso()
  return all(ctx.store, q.limit(input.limit)).map((r) => toRow(r, now))
}

/** A follow-up the caller may work on: every one for the supervisor, their own for an advisor. */
export function loadFollowUp(ctx: UserCtx, id: number): BaseRow {
  const row = first(ctx.store, base(ctx.store.db).where('f.id', '=', id))
  if (!row) throw notFound('entity.careFollowUp', id)
  if (!seesAllFollowUps(ctx.user) && row.assignee_id !== ctx.user.id) throw new AppError('FORBIDDEN', 'care.notYourFollowUp', { name: row.assignee_name })
  return row
}

export function getFollowUp(ctx: UserCtx, id: number): Out<'care.followups.get'> {
  const row = loadFollowUp(ctx, id)
  const db = ctx.store.db
  const calls = all(
    ctx.store,
    db
      .selectFrom('care_calls as k')
      .innerJoin('users as u', 'u.id', 'k.user_id')
      .select(['k.id', 'u.display_name', 'k.started_at', 'k.ended_at', 'k.outcome', 'k.callback_at', 'k.remark', 'k.template_version'])
      .where('k.followup_id', '=', id)
      .orderBy('k.id'),
  )
  const answers = all(
    ctx.store,
    db
      .selectFrom('care_call_answers as s')
      .innerJoin('care_calls as k', 'k.id', 's.call_id')
      .select(['s.call_id', 's.question', 's.score'])
      .where('k.followup_id', '=', id),
  )
  // Each call's answers with the wording and order of the template it was asked with.
  const wording = wordingOf(
    ctx,
    calls.map((k) => k.template_version),
  )
  const asked = (version: number, code: string) => wording.get(version)?.get(code)
  const template = templateOf(ctx)
  const complaints = all(ctx.store, db.selectFrom('care_complaints').select(['id', 'number', 'state']).where('followup_id', '=', id).orderBy('id'))
  return {
    ...toRow(row, ctx.nowIso()),
    doneCallId: row.done_call_id,
    closeNote: row.close_note,
    calls: calls.map((k) => ({
      id: k.id,
      userName: k.display_name,
      startedAt: k.started_at,
      endedAt: k.ended_at,
      outcome: k.outcome,
      callbackAt: k.callback_at,
      remark: k.remark,
      answers: answers
        .filter((a) => a.call_id === k.id)
        .sort((a, b) => (asked(k.template_version, a.question)?.position ?? 99) - (asked(k.template_version, b.question)?.position ?? 99))
        .map((a) => ({ question: a.question, text: asked(k.template_version, a.question)?.text ?? null, score: a.score })),
    })),
    complaints,
    survey: { version: template.version, questions: template.questions, min: SURVEY_SCALE.min, max: SURVEY_SCALE.max, lowScore: lowScore(ctx.store) },
  }
}
