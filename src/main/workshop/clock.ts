import type { UserCtx } from '../api/context'
import { preparedQuery } from '../store/query'
import { AppError } from '../api/app-error'
import { roleHas } from '../../shared/domain/roles'
import type { PauseReason } from '../../shared/domain/workshop-job'
import { changed, getJob, jobTransition, loadJob, loadRoHead, roNotInShop, updateJob, type In, type JobOut, type JobRow } from './rows'
import { submitQcIfComplete } from './ro-flow'

// The job clock (打卡): a technician clocks on a job, pauses it with a reason, finishes it. Each
// stretch of work is one segment with exact start and end instants; clocked time is their sum.

/** A technician clocks their own jobs; a supervisor (workshop.correct) may do it on their behalf. */
function refuseOthers(ctx: UserCtx, job: JobRow): void {
  if (job.technician_id === ctx.user.id || roleHas(ctx.user.role, 'workshop.correct')) return
  throw new AppError('FORBIDDEN', 'workshop.notYourJob', { name: job.technician_name ?? '' }, { jobId: job.id })
}

function refuseUnlessInRepair(ctx: UserCtx, job: JobRow): void {
  const ro = loadRoHead(ctx, job.ro_id)
  if (ro.state !== 'in_progress') throw roNotInShop(ro)
}

// Prepared once: clocking on and pausing are what the push benchmark times.
const closeOpenSegment = preparedQuery<{ endedAt: string; reason: PauseReason | null; jobId: number }>()((db, p) =>
  db.updateTable('job_time_segments').set({ ended_at: p.endedAt, pause_reason: p.reason }).where('job_id', '=', p.jobId).where('ended_at', 'is', null),
)
const runningJobsOf = preparedQuery<{ technicianId: number }>()((db, p) =>
  db.selectFrom('job_time_segments').select('job_id').distinct().where('technician_id', '=', p.technicianId).where('ended_at', 'is', null),
)
const parallelOf = preparedQuery<{ technicianId: number }>()((db, p) => db.selectFrom('technicians').select('allow_parallel').where('user_id', '=', p.technicianId))
const openSegment = preparedQuery<{ jobId: number; technicianId: number; startedAt: string }>()((db, p) =>
  db.insertInto('job_time_segments').values({ job_id: p.jobId, technician_id: p.technicianId, started_at: p.startedAt }),
)

function closeSegment(ctx: UserCtx, jobId: number, reason: PauseReason | null): void {
  closeOpenSegment.run(ctx.store, { endedAt: ctx.nowIso(), reason, jobId })
}

function pauseRow(ctx: UserCtx, job: JobRow, reason: PauseReason): void {
  const next = jobTransition(job, 'pause')
  closeSegment(ctx, job.id, reason)
  updateJob(ctx, job, { state: next, pause_reason: reason })
  ctx.audit({ action: 'workshop.pause', entity: 'ro_job', entityId: job.id, detail: { roId: job.ro_id, reason } })
  changed(ctx, job.ro_id)
}

export function clockOn(ctx: UserCtx, input: In<'workshop.clockOn'>): JobOut {
  const job = loadJob(ctx, input.jobId)
  // Checked first, so unapproved additional work (a proposed job) is refused as such.
  const next = jobTransition(job, 'clock_on')
  refuseUnlessInRepair(ctx, job)
  refuseOthers(ctx, job)
  const technicianId = job.technician_id
  if (technicianId === null) throw new AppError('INVALID_STATE', 'workshop.illegalJobTransition', { job: job.description, state: `jobState.${job.state}`, action: 'jobAction.clock_on' })

  const running = runningJobsOf.all(ctx.store, { technicianId })
  const profile = parallelOf.first(ctx.store, { technicianId })
  if (running.length > 0 && profile?.allow_parallel !== 1) {
    const first = loadJob(ctx, running[0]!.job_id)
    if (!input.pauseOthers) {
      throw new AppError('INVALID_STATE', 'workshop.alreadyRunning', { name: job.technician_name ?? '', job: first.description }, {
        runningJobIds: running.map((r) => r.job_id),
      })
    }
    for (const r of running) pauseRow(ctx, loadJob(ctx, r.job_id), 'other_job')
  }

  openSegment.run(ctx.store, { jobId: job.id, technicianId, startedAt: ctx.nowIso() })
  updateJob(ctx, job, { state: next, pause_reason: null })
  ctx.audit({ action: 'workshop.clockOn', entity: 'ro_job', entityId: job.id, detail: { roId: job.ro_id, technicianId, before: job.state } })
  changed(ctx, job.ro_id)
  return getJob(ctx, job.id)
}

export function pauseJob(ctx: UserCtx, input: In<'workshop.pause'>): JobOut {
  const job = loadJob(ctx, input.jobId)
  jobTransition(job, 'pause')
  refuseOthers(ctx, job)
  pauseRow(ctx, job, input.reason)
  return getJob(ctx, job.id)
}

export function finishJob(ctx: UserCtx, input: In<'workshop.finish'>): JobOut {
  const job = loadJob(ctx, input.jobId)
  const next = jobTransition(job, 'finish')
  refuseUnlessInRepair(ctx, job)
  refuseOthers(ctx, job)
  closeSegment(ctx, job.id, null)
  updateJob(ctx, job, { state: next, pause_reason: null, finished_at: ctx.nowIso() })
  ctx.audit({ action: 'workshop.finish', entity: 'ro_job', entityId: job.id, detail: { roId: job.ro_id, before: job.state } })
  changed(ctx, job.ro_id)
  submitQcIfComplete(ctx, job.ro_id)
  return getJob(ctx, job.id)
}
