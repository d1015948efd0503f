import { sql } from 'kysely'
import type { UserCtx } from '../api/context'
import { AppError, conflict, notFound } from '../api/app-error'
import { lastDateOfMonth, monthBounds } from '../../shared/domain/calendar'
import { progressBp, quarterMonths, quarterOf, TARGET_MEASURES } from '../../shared/domain/department'
import type { Role } from '../../shared/domain/roles'
import { envOf } from '../rules/context'
import { paramsOf } from '../rules/dashboard'
import { efficiency } from '../workshop/reports'
import { all, first, insertId, run, sqlFirst } from '../store/query'
import { sumsByAdvisorMonth, total } from './actuals'
import { etiquetteOf, etiquetteScores } from './etiquette'
import { kpisOf } from './kpi'
import { partRequestsByUser, partsFigures } from './parts-card'
import { PARTS_ROLES, RO_OWNER_ROLES, staffList, staffMember, TECHNICIAN_ROLES } from './staff'
import type { ScorecardKind } from '../../shared/domain/figures'
import type { In, Out } from './types'

// The per-person monthly scorecard (绩效评估): figures computed from the ledger every time it is
// read — an advisor's ROs, production and settlement timeliness, a technician's sold hours,
// efficiency (the workshop's own figure) and rework sent back by QC, a parts clerk's fill rate,
// stocktake variance and sales at the counter, everyone's training — and
// the one stored part: the manager's comment and the person's acknowledgement of it. Earlier
// months stay readable (their figures recomputed from the same ledger), and every comment and
// acknowledgement is in the audit trail.

type Card = Out<'department.scorecard'>
type Member = NonNullable<ReturnType<typeof staffMember>>

const kindOf = (role: Role): ScorecardKind | null =>
  RO_OWNER_ROLES.includes(role) ? 'advisor' : TECHNICIAN_ROLES.includes(role) ? 'technician' : PARTS_ROLES.includes(role) ? 'parts' : null

interface Timeliness {
  decided: number
  in_time: number
}

function advisorFigures(ctx: UserCtx, person: Member, month: string): NonNullable<Card['advisor']> {
  const { year, quarter } = quarterOf(month)
  const months = quarterMonths(year, quarter)
  const sums = sumsByAdvisorMonth(ctx, months[0], months[2], person.userId)
  const upTo = months.filter((m) => m <= month)
  const p = paramsOf(envOf(ctx), 'maintenance_settlement_overdue')
  const { from, to } = monthBounds(month, ctx.timeZone)
  const now = ctx.nowIso()
  // raw SQL: the dashboard's settlement-timeliness condition (julianday days between instants,
  // json_each over the rule's RO types), for one advisor's ROs completed in the month.
  const t = sqlFirst(
    ctx.store,
    sql<Timeliness>`SELECT
        COALESCE(SUM(CASE WHEN settled_at IS NULL AND julianday(${now}) - julianday(completed_at) <= ${p.days} THEN 0 ELSE 1 END), 0) AS decided,
        COALESCE(SUM(CASE WHEN settled_at IS NOT NULL AND julianday(settled_at) - julianday(completed_at) <= ${p.days} THEN 1 ELSE 0 END), 0) AS in_time
       FROM repair_orders WHERE advisor_id = ${person.userId} AND completed_at >= ${from} AND completed_at < ${to} AND state <> 'cancelled'
        AND type IN (SELECT value FROM json_each(${JSON.stringify(p.roTypes)}))`,
  ) ?? { decided: 0, in_time: 0 }
  const heads = all(ctx.store, ctx.store.db.selectFrom('dept_targets as t').innerJoin('dept_target_people as p', 'p.target_id', 't.id').select(['t.measure', 'p.amount']).where('t.year', '=', year).where('t.quarter', '=', quarter).where('p.user_id', '=', person.userId))
  return {
    ros: total(sums, 'ros', { userId: person.userId, months: [month] }),
    productionFen: total(sums, 'production', { userId: person.userId, months: [month] }),
    partsFen: total(sums, 'parts', { userId: person.userId, months: [month] }),
    settlementDecided: t.decided,
    settledInTime: t.in_time,
    timelinessBp: progressBp(t.in_time, t.decided),
    deadlineDays: p.days,
    targets: TARGET_MEASURES.map((measure) => ({
      measure,
      quarterTarget: heads.find((h) => h.measure === measure)?.amount ?? null,
      quarterActual: total(sums, measure, { userId: person.userId, months: upTo }),
    })),
  }
}

function technicianFigures(ctx: UserCtx, person: Member, month: string): NonNullable<Card['technician']> {
  const e = efficiency(ctx, { from: `${month}-01`, to: lastDateOfMonth(month), technicianId: person.userId })
  const row = e.rows[0]
  const { from, to } = monthBounds(month, ctx.timeZone)
  const reworks = first(
    ctx.store,
    ctx.store.db
      .selectFrom('qc_rework as w')
      .innerJoin('qc_inspections as i', 'i.id', 'w.inspection_id')
      .innerJoin('ro_jobs as j', 'j.id', 'w.job_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('j.technician_id', '=', person.userId)
      .where('i.at', '>=', from)
      .where('i.at', '<', to),
  )
  return {
    jobs: row?.jobs ?? 0,
    soldHoursMilli: row?.soldHoursMilli ?? 0,
    clockedMs: row?.clockedMs ?? 0,
    efficiencyBp: row?.efficiencyBp ?? null,
    heldJobs: row?.heldJobs ?? 0,
    reworks: reworks?.n ?? 0,
  }
}

function trainingOf(ctx: UserCtx, userId: number, month: string): Card['training'] {
  const row = first(
    ctx.store,
    ctx.store.db
      .selectFrom('training_attendees as a')
      .innerJoin('training_sessions as s', 's.id', 'a.session_id')
      .select((eb) => [
        eb.fn.countAll<number>().as('sessions'),
        eb.fn.coalesce(eb.fn.sum<number>('a.passed'), eb.lit(0)).as('passed'),
        eb.fn.coalesce(eb.fn.sum<number>('s.duration_min'), eb.lit(0)).as('minutes'),
      ])
      .where('a.user_id', '=', userId)
      .where('s.held_on', '>=', `${month}-01`)
      .where('s.held_on', '<=', lastDateOfMonth(month)),
  )
  return { sessions: row?.sessions ?? 0, passed: row?.passed ?? 0, minutes: row?.minutes ?? 0 }
}

function reviewOf(ctx: UserCtx, userId: number, month: string) {
  return first(
    ctx.store,
    ctx.store.db
      .selectFrom('scorecard_reviews as r')
      .innerJoin('users as u', 'u.id', 'r.commented_by')
      .select(['r.id', 'r.comment', 'u.display_name', 'r.commented_at', 'r.acknowledged_at', 'r.version'])
      .where('r.user_id', '=', userId)
      .where('r.month', '=', month),
  )
}

function personFor(ctx: UserCtx, userId: number): Member & { kind: ScorecardKind } {
  const person = staffMember(ctx, userId)
  const kind = person ? kindOf(person.role) : null
  if (!person || !kind) throw new AppError('NOT_FOUND', 'department.noScorecard', {}, { userId })
  return { ...person, kind }
}

export function scorecard(ctx: UserCtx, input: In<'department.scorecard'>): Card {
  const person = personFor(ctx, input.userId)
  const { kind, ...member } = person
  const review = reviewOf(ctx, person.userId, input.month)
  const advisor = kind === 'advisor' ? advisorFigures(ctx, person, input.month) : null
  const technician = kind === 'technician' ? technicianFigures(ctx, person, input.month) : null
  const parts = kind === 'parts' ? partsFigures(ctx, person.userId, input.month) : null
  return {
    month: input.month,
    person: member,
    kind,
    advisor,
    technician,
    parts,
    training: trainingOf(ctx, person.userId, input.month),
    etiquette: etiquetteOf(ctx, person.userId, input.month),
    kpis: kpisOf(ctx, { kind, advisor, technician, parts, month: input.month }),
    review: review
      ? { comment: review.comment, commentedBy: review.display_name, commentedAt: review.commented_at, acknowledgedAt: review.acknowledged_at, version: review.version }
      : null,
  }
}

export function myScorecard(ctx: UserCtx, input: In<'department.myScorecard'>): Card {
  return scorecard(ctx, { month: input.month, userId: ctx.user.id })
}

export function scorecards(ctx: UserCtx, input: In<'department.scorecards'>): Out<'department.scorecards'> {
  const people = staffList(ctx, [...RO_OWNER_ROLES, ...TECHNICIAN_ROLES, ...PARTS_ROLES])
  // The list's headline is the month's figure alone: the month's sums, not the quarter's.
  const sums = sumsByAdvisorMonth(ctx, input.month, input.month)
  const hours = efficiency(ctx, { from: `${input.month}-01`, to: lastDateOfMonth(input.month) })
  const reviews = all(ctx.store, ctx.store.db.selectFrom('scorecard_reviews').select(['user_id', 'acknowledged_at']).where('month', '=', input.month))
  const etiquette = etiquetteScores(ctx, input.month)
  const requests = partRequestsByUser(ctx, input.month)
  return people.map((person) => {
    const kind = kindOf(person.role) ?? 'advisor'
    const review = reviews.find((r) => r.user_id === person.userId)
    const headline =
      kind === 'advisor'
        ? total(sums, 'ros', { userId: person.userId, months: [input.month] })
        : kind === 'technician'
          ? (hours.rows.find((r) => r.technicianId === person.userId)?.soldHoursMilli ?? 0)
          : (requests.get(person.userId) ?? 0)
    return { person, kind, headline, etiquetteBp: etiquette.get(person.userId) ?? null, reviewed: review !== undefined, acknowledged: review?.acknowledged_at != null }
  })
}

export function commentScorecard(ctx: UserCtx, input: In<'department.scorecard.comment'>): Card {
  const person = personFor(ctx, input.userId)
  if (person.userId === ctx.user.id) throw new AppError('FORBIDDEN', 'department.ownScorecard')
  const existing = reviewOf(ctx, person.userId, input.month)
  const now = ctx.nowIso()
  const db = ctx.store.db
  let id: number
  if (existing) {
    if (input.version !== existing.version) throw conflict('entity.scorecard_review', existing.id, input.version ?? 0, existing.version)
    id = existing.id
    // A changed comment needs acknowledging again.
    run(ctx.store, db.updateTable('scorecard_reviews').set({ comment: input.comment, commented_by: ctx.user.id, commented_at: now, acknowledged_at: null, version: existing.version + 1 }).where('id', '=', id))
  } else {
    id = insertId(ctx.store, db.insertInto('scorecard_reviews').values({ month: input.month, user_id: person.userId, comment: input.comment, commented_by: ctx.user.id, commented_at: now }))
  }
  ctx.audit({
    action: 'department.scorecard.comment',
    entity: 'scorecard_review',
    entityId: id,
    detail: { month: input.month, userId: person.userId, before: { comment: existing?.comment ?? null }, after: { comment: input.comment } },
  })
  ctx.events.emit({ type: 'department.changed', id })
  return scorecard(ctx, { month: input.month, userId: person.userId })
}

export function acknowledgeScorecard(ctx: UserCtx, input: In<'department.scorecard.acknowledge'>): Card {
  const existing = reviewOf(ctx, ctx.user.id, input.month)
  if (!existing) throw notFound('entity.scorecard_review')
  if (existing.version !== input.version) throw conflict('entity.scorecard_review', existing.id, input.version, existing.version)
  if (existing.acknowledged_at !== null) throw new AppError('INVALID_STATE', 'department.alreadyAcknowledged')
  run(ctx.store, ctx.store.db.updateTable('scorecard_reviews').set({ acknowledged_at: ctx.nowIso(), version: existing.version + 1 }).where('id', '=', existing.id))
  ctx.audit({ action: 'department.scorecard.acknowledge', entity: 'scorecard_review', entityId: existing.id, detail: { month: input.month } })
  ctx.events.emit({ type: 'department.changed', id: existing.id })
  return myScorecard(ctx, { month: input.month })
}
