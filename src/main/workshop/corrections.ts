import type { UserCtx } from '../api/context'
import { all, first, insertId, run } from '../store/query'
import { fieldError, notFound } from '../api/app-error'
import { toLocalIso } from '../../shared/domain/time'
import { instantOf, overlaps } from '../../shared/domain/workshop-clock'
import { changed, loadJob, type In, type Out } from './rows'
import { getJobDetail } from './ro-detail'

// Corrections of clocked time by the supervisor (a forgotten clock-off, a clock-on made late):
// always with a reason, kept on the segment and in the audit trail with the values before.

/** Stored times are local ISO in the dealership's zone, so they compare as text too. */
function normalise(ctx: UserCtx, iso: string): string {
  return toLocalIso(new Date(instantOf(iso)), ctx.timeZone)
}

function checkTimes(ctx: UserCtx, startedAt: string, endedAt: string | null, strict: boolean): void {
  const now = ctx.clock.now().getTime()
  if (instantOf(startedAt) > now) throw fieldError('VALIDATION', 'startedAt', 'workshop.segmentInFuture')
  if (endedAt === null) return
  if (instantOf(endedAt) > now) throw fieldError('VALIDATION', 'endedAt', 'workshop.segmentInFuture')
  const order = instantOf(endedAt) - instantOf(startedAt)
  if (order < 0 || (strict && order === 0)) throw fieldError('VALIDATION', 'endedAt', 'workshop.segmentOrder')
}

/** One technician cannot be clocked on two things at once, unless they are allowed to be. */
function refuseOverlap(ctx: UserCtx, technicianId: number, name: string, startedAt: string, endedAt: string | null, exceptId: number | null) {
  const db = ctx.store.db
  const parallel = first(ctx.store, db.selectFrom('technicians').select('allow_parallel').where('user_id', '=', technicianId))
  if (parallel?.allow_parallel === 1) return
  const nowMs = ctx.clock.now().getTime()
  const candidates = all(
    ctx.store,
    db
      .selectFrom('job_time_segments')
      .select(['started_at', 'ended_at'])
      .where('technician_id', '=', technicianId)
      .where('id', 'is not', exceptId)
      .where('started_at', '<', endedAt ?? ctx.nowIso())
      .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>', startedAt)])),
  )
  const mine = { startedAt, endedAt }
  if (candidates.some((c) => overlaps(mine, { startedAt: c.started_at, endedAt: c.ended_at }, nowMs))) {
    throw fieldError('CONFLICT', 'startedAt', 'workshop.segmentOverlap', { name })
  }
}

export function correctSegment(ctx: UserCtx, input: In<'workshop.correctSegment'>): Out<'workshop.correctSegment'> {
  const seg = first(
    ctx.store,
    ctx.store.db
      .selectFrom('job_time_segments as s')
      .innerJoin('ro_jobs as j', 'j.id', 's.job_id')
      .innerJoin('users as u', 'u.id', 's.technician_id')
      .select(['s.id', 's.job_id', 'j.ro_id', 's.technician_id', 'u.display_name as technician_name', 's.started_at', 's.ended_at'])
      .where('s.id', '=', input.segmentId),
  )
  if (!seg) throw notFound('entity.segment', input.segmentId)
  if (seg.ended_at === null && input.endedAt !== null) throw fieldError('VALIDATION', 'endedAt', 'workshop.segmentRunning')
  if (seg.ended_at !== null && input.endedAt === null) throw fieldError('VALIDATION', 'endedAt', 'workshop.segmentClosed')
  const startedAt = normalise(ctx, input.startedAt)
  const endedAt = input.endedAt === null ? null : normalise(ctx, input.endedAt)
  checkTimes(ctx, startedAt, endedAt, false)
  refuseOverlap(ctx, seg.technician_id, seg.technician_name, startedAt, endedAt, seg.id)

  run(
    ctx.store,
    ctx.store.db
      .updateTable('job_time_segments')
      .set({ started_at: startedAt, ended_at: endedAt, corrected_by: ctx.user.id, correction_reason: input.reason })
      .where('id', '=', seg.id),
  )
  stampJob(ctx, seg.job_id)
  ctx.audit({
    action: 'workshop.correctSegment',
    entity: 'job_time_segment',
    entityId: seg.id,
    detail: {
      jobId: seg.job_id,
      reason: input.reason,
      before: { startedAt: seg.started_at, endedAt: seg.ended_at },
      after: { startedAt, endedAt },
    },
  })
  changed(ctx, seg.ro_id)
  return getJobDetail(ctx, seg.job_id)
}

/** A corrected time travels with its job (the export's watermark is the job's updated_at). */
function stampJob(ctx: UserCtx, jobId: number) {
  run(ctx.store, ctx.store.db.updateTable('ro_jobs').set({ updated_at: ctx.nowIso() }).where('id', '=', jobId))
}

export function addSegment(ctx: UserCtx, input: In<'workshop.addSegment'>): Out<'workshop.addSegment'> {
  const job = loadJob(ctx, input.jobId)
  // Unapproved (or declined) additional work gets no time, not even by correction.
  if (job.technician_id === null || job.state === 'proposed' || job.state === 'declined') {
    throw fieldError('INVALID_STATE', 'jobId', 'workshop.illegalJobTransition', {
      job: job.description,
      state: `jobState.${job.state}`,
      action: 'jobAction.clock_on',
    })
  }
  const startedAt = normalise(ctx, input.startedAt)
  const endedAt = normalise(ctx, input.endedAt)
  checkTimes(ctx, startedAt, endedAt, true)
  refuseOverlap(ctx, job.technician_id, job.technician_name ?? '', startedAt, endedAt, null)
  const id = insertId(
    ctx.store,
    ctx.store.db.insertInto('job_time_segments').values({
      job_id: job.id,
      technician_id: job.technician_id,
      started_at: startedAt,
      ended_at: endedAt,
      corrected_by: ctx.user.id,
      correction_reason: input.reason,
    }),
  )
  stampJob(ctx, job.id)
  ctx.audit({
    action: 'workshop.addSegment',
    entity: 'job_time_segment',
    entityId: id,
    detail: { jobId: job.id, technicianId: job.technician_id, reason: input.reason, after: { startedAt, endedAt } },
  })
  changed(ctx, job.ro_id)
  return getJobDetail(ctx, job.id)
}
