import type { UserCtx } from '../api/context'
import { AppError } from '../api/app-error'
import { lastDateOfMonth } from '../../shared/domain/calendar'
import { DEPARTMENTS } from '../../shared/domain/department'
import { all, first, insertId, run } from '../store/query'
import type { Store } from '../store/open'
import { attachmentCounts } from '../attachments/attachments'
import { reviewTrainingRules, trainingTargets } from './training-rule'
import type { In, Out } from './types'

// Training records (培训记录) with each attendee's assessment (通关: pass/fail and a score), and the
// technical supervisor's repair cases (维修案例), counted per month against the manual's targets.

type Session = Out<'department.training.record'>

function sessionsOf(store: Store, from: string, to: string, id?: number): Session[] {
  const db = store.db
  const heads = all(
    store,
    db
      .selectFrom('training_sessions as s')
      .innerJoin('users as u', 'u.id', 's.created_by')
      .select(['s.id', 's.held_on', 's.department', 's.type', 's.topic', 's.trainer', 's.duration_min', 'u.display_name'])
      .$if(id !== undefined, (q) => q.where('s.id', '=', id!))
      .$if(id === undefined, (q) => q.where('s.held_on', '>=', from).where('s.held_on', '<=', to))
      .orderBy('s.held_on')
      .orderBy('s.id'),
  )
  const ids = heads.map((h) => h.id)
  const attendees = ids.length
    ? all(
        store,
        db
          .selectFrom('training_attendees as a')
          .innerJoin('users as u', 'u.id', 'a.user_id')
          .select(['a.session_id', 'a.user_id', 'u.display_name', 'a.passed', 'a.score'])
          .where('a.session_id', 'in', ids)
          .orderBy('u.display_name'),
      )
    : []
  const materials = attachmentCounts(store, 'training_session', ids)
  return heads.map((h) => ({
    id: h.id,
    heldOn: h.held_on,
    department: h.department,
    type: h.type,
    topic: h.topic,
    trainer: h.trainer,
    durationMin: h.duration_min,
    createdBy: h.display_name,
    attachments: materials.get(h.id) ?? 0,
    attendees: attendees
      .filter((a) => a.session_id === h.id)
      .map((a) => ({ userId: a.user_id, name: a.display_name, passed: a.passed === null ? null : a.passed === 1, score: a.score })),
  }))
}

export function trainingMonth(ctx: UserCtx, input: In<'department.training.month'>): Out<'department.training.month'> {
  const from = `${input.month}-01`
  const to = lastDateOfMonth(input.month)
  const sessions = sessionsOf(ctx.store, from, to)
  const cases = all(
    ctx.store,
    ctx.store.db
      .selectFrom('repair_cases as c')
      .innerJoin('users as u', 'u.id', 'c.author_id')
      .select(['c.id', 'c.submitted_on', 'u.display_name', 'c.vehicle', 'c.fault', 'c.diagnosis', 'c.fix', 'c.hotline'])
      .where('c.submitted_on', '>=', from)
      .where('c.submitted_on', '<=', to)
      .orderBy('c.submitted_on')
      .orderBy('c.id'),
  )
  const targets = trainingTargets(ctx)
  return {
    month: input.month,
    counts: DEPARTMENTS.map((department) => {
      const own = sessions.filter((s) => s.department === department)
      const people = own.flatMap((s) => s.attendees)
      return {
        department,
        sessions: own.length,
        target: department === 'front_desk' ? targets.frontDesk : department === 'workshop' ? targets.workshop : null,
        attendees: people.length,
        passed: people.filter((a) => a.passed === true).length,
      }
    }),
    repairCases: { count: cases.length, target: targets.repairCases },
    sessions,
    cases: cases.map((c) => ({ id: c.id, submittedOn: c.submitted_on, authorName: c.display_name, vehicle: c.vehicle, fault: c.fault, diagnosis: c.diagnosis, fix: c.fix, hotline: c.hotline === 1 })),
  }
}

export function recordTraining(ctx: UserCtx, input: In<'department.training.record'>): Session {
  const db = ctx.store.db
  const ids = input.attendees.map((a) => a.userId)
  const known = all(ctx.store, db.selectFrom('users').select('id').where('id', 'in', ids).where('active', '=', 1)).map((u) => u.id)
  const unknown = ids.find((id) => !known.includes(id))
  if (unknown !== undefined) throw new AppError('VALIDATION', 'department.unknownPerson', {}, { fields: [{ field: 'attendees', message: 'department.unknownPerson' }], userId: unknown })
  const id = insertId(
    ctx.store,
    db.insertInto('training_sessions').values({
      held_on: input.heldOn,
      department: input.department,
      type: input.type,
      topic: input.topic,
      trainer: input.trainer,
      duration_min: input.durationMin,
      created_by: ctx.user.id,
      created_at: ctx.nowIso(),
    }),
  )
  run(ctx.store, db.insertInto('training_attendees').values(input.attendees.map((a) => ({ session_id: id, user_id: a.userId, passed: a.passed === null ? null : a.passed ? 1 : 0, score: a.score }))))
  ctx.audit({
    action: 'department.training.record',
    entity: 'training_session',
    entityId: id,
    detail: { date: input.heldOn, department: `department.${input.department}`, topic: input.topic, attendees: input.attendees.length, passed: input.attendees.filter((a) => a.passed === true).length },
  })
  ctx.events.emit({ type: 'department.changed', id })
  reviewTrainingRules(ctx)
  return sessionsOf(ctx.store, '', '', id)[0]!
}

export function recordRepairCase(ctx: UserCtx, input: In<'department.repairCase.record'>): Out<'department.repairCase.record'> {
  const id = insertId(
    ctx.store,
    ctx.store.db.insertInto('repair_cases').values({
      submitted_on: input.submittedOn,
      author_id: ctx.user.id,
      vehicle: input.vehicle,
      fault: input.fault,
      diagnosis: input.diagnosis,
      fix: input.fix,
      hotline: input.hotline ? 1 : 0,
      created_at: ctx.nowIso(),
    }),
  )
  ctx.audit({ action: 'department.repairCase.record', entity: 'repair_case', entityId: id, detail: { date: input.submittedOn, vehicle: input.vehicle, hotline: input.hotline } })
  ctx.events.emit({ type: 'department.changed', id })
  reviewTrainingRules(ctx)
  const c = first(ctx.store, ctx.store.db.selectFrom('repair_cases as c').innerJoin('users as u', 'u.id', 'c.author_id').select(['c.id', 'c.submitted_on', 'u.display_name', 'c.vehicle', 'c.fault', 'c.diagnosis', 'c.fix', 'c.hotline']).where('c.id', '=', id))!
  return { id: c.id, submittedOn: c.submitted_on, authorName: c.display_name, vehicle: c.vehicle, fault: c.fault, diagnosis: c.diagnosis, fix: c.fix, hotline: c.hotline === 1 }
}
