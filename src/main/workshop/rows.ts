import type { z } from 'zod'
import type { Ctx } from '../api/context'
import { AppError, notFound } from '../api/app-error'
import type { workshopContract, Job } from '../../shared/contract/workshop'
import type { RoState } from '../../shared/domain/ro-state'
import type { RoType } from '../../shared/domain/ro-type'
import type { JobAction, JobState, PauseReason } from '../../shared/domain/workshop-job'
import { nextJobState } from '../../shared/domain/workshop-job'
import type { Skill } from '../../shared/domain/workshop-resources'
import { instantOf, isHeldShort, segmentMs } from '../../shared/domain/workshop-clock'
import { sql, type InferResult, type Kysely, type Updateable } from 'kysely'
import type { DB } from '../store/schema'
import { preparedQuery, type PreparedQuery } from '../store/query'
import { CONFIRMED, minSegmentMs } from './clock-minimum'

// Rows of the workshop tables as the services read them, and the shapes they answer with.

type Section = typeof workshopContract
export type In<K extends keyof Section> = z.output<Section[K]['input']>
export type Out<K extends keyof Section> = z.output<Section[K]['output']>
export type JobOut = z.output<typeof Job>

/** Jobs with their technician's name and bay code; add the `where` (and order) of the read. */
export function selectJobs(db: Kysely<DB>) {
  return db
    .selectFrom('ro_jobs as j')
    .leftJoin('users as u', 'u.id', 'j.technician_id')
    .leftJoin('bays as b', 'b.id', 'j.bay_id')
    .select([
      'j.id',
      'j.ro_id',
      'j.ro_line_id',
      'j.additional_line_id',
      'j.description',
      'j.skill',
      'j.technician_id',
      'u.display_name as technician_name',
      'j.bay_id',
      'b.code as bay_code',
      'j.state',
      'j.pause_reason',
      'j.sold_hours_milli',
      'j.rework_count',
      'j.version',
    ])
    .$narrowType<{ skill: Skill | null; state: JobState; pause_reason: PauseReason | null }>()
}

export type JobRow = InferResult<ReturnType<typeof selectJobs>>[number]

const jobById = preparedQuery<{ id: number }>()((db, p) => selectJobs(db).where('j.id', '=', p.id))

const segmentsOfJob = preparedQuery<{ jobId: number }>()((db, p) =>
  db
    .selectFrom('job_time_segments as s')
    .select(['s.id', 's.job_id', 's.technician_id', 's.started_at', 's.ended_at', CONFIRMED.as('confirmed')])
    .where('s.job_id', '=', p.jobId)
    .orderBy('s.started_at')
    .orderBy('s.id'),
)

/** A job's clock segment; `confirmed` is 1 when the supervisor confirmed or corrected it (CONFIRMED). */
export type SegmentRow = ReturnType<typeof segmentsOfJob.all>[number]

/** Closed time and the start of the running segment, folded from a job's segments. */
export interface JobClock {
  clockedMs: number
  runningSince: string | null
  /** Short segments below the clock minimum awaiting confirmation. */
  heldSegments: number
}

export function foldSegments(segments: Iterable<Pick<SegmentRow, 'job_id' | 'started_at' | 'ended_at' | 'confirmed'>>, minMs: number): Map<number, JobClock> {
  const clocks = new Map<number, JobClock>()
  for (const s of segments) {
    const clock = clocks.get(s.job_id) ?? { clockedMs: 0, runningSince: null, heldSegments: 0 }
    if (s.ended_at === null) clock.runningSince = s.started_at
    else clock.clockedMs += segmentMs({ startedAt: s.started_at, endedAt: s.ended_at }, instantOf(s.ended_at))
    if (isHeldShort({ startedAt: s.started_at, endedAt: s.ended_at, confirmed: s.confirmed === 1 }, minMs)) clock.heldSegments += 1
    clocks.set(s.job_id, clock)
  }
  return clocks
}

export function jobOut(row: JobRow, clock: JobClock | undefined): JobOut {
  return {
    id: row.id,
    roId: row.ro_id,
    lineId: row.ro_line_id,
    description: row.description,
    skill: row.skill,
    state: row.state,
    pauseReason: row.pause_reason,
    technicianId: row.technician_id,
    technicianName: row.technician_name,
    bayId: row.bay_id,
    bayCode: row.bay_code,
    soldHoursMilli: row.sold_hours_milli,
    clockedMs: clock?.clockedMs ?? 0,
    runningSince: clock?.runningSince ?? null,
    heldSegments: clock?.heldSegments ?? 0,
    reworkCount: row.rework_count,
    additional: row.additional_line_id !== null,
    version: row.version,
  }
}

export function loadJob(ctx: Ctx, jobId: number): JobRow {
  const row = jobById.first(ctx.store, { id: jobId })
  if (!row) throw notFound('entity.job', jobId)
  return row
}

export function jobSegments(ctx: Ctx, jobId: number): SegmentRow[] {
  return segmentsOfJob.all(ctx.store, { jobId })
}

export function getJob(ctx: Ctx, jobId: number): JobOut {
  return jobOut(loadJob(ctx, jobId), foldSegments(jobSegments(ctx, jobId), minSegmentMs(ctx)).get(jobId))
}

/** The job's next state, or a refusal that names the job, its state and the action. */
export function jobTransition(job: Pick<JobRow, 'id' | 'description' | 'state'>, action: JobAction): JobState {
  const next = nextJobState(job.state, action)
  if (next === null) {
    throw new AppError(
      'INVALID_STATE',
      'workshop.illegalJobTransition',
      { job: job.description, state: `jobState.${job.state}`, action: `jobAction.${action}` },
      { jobId: job.id, state: job.state, action },
    )
  }
  return next
}

type JobSet = Omit<Updateable<DB['ro_jobs']>, 'id' | 'version' | 'updated_at'>

// One prepared update per set of columns (a handful: each caller writes a fixed set), built the
// first time it is used: clock-on and pause are what the push benchmark times.
const jobUpdates = new Map<string, PreparedQuery<Record<string, unknown>, unknown>>()

function jobUpdate(columns: readonly string[]): PreparedQuery<Record<string, unknown>, unknown> {
  const key = columns.join(',')
  let query = jobUpdates.get(key)
  if (!query) {
    query = preparedQuery<Record<string, unknown>>()((db, p) =>
      db
        .updateTable('ro_jobs')
        .set({ ...(Object.fromEntries(columns.map((c) => [c, p[`set_${c}`]])) as JobSet), version: sql<number>`version + 1`, updated_at: p.now as string })
        .where('id', '=', p.id as number)
        .where('version', '=', p.version as number),
    )
    jobUpdates.set(key, query)
  }
  return query
}

/** Writes a job's new state; the version guards against a change made since it was read. */
export function updateJob(ctx: Ctx, job: Pick<JobRow, 'id' | 'version'>, set: JobSet): void {
  const columns = Object.keys(set) as (keyof JobSet)[]
  const params: Record<string, unknown> = { now: ctx.nowIso(), id: job.id, version: job.version }
  for (const c of columns) params[`set_${c}`] = set[c] ?? null
  const result = jobUpdate(columns).run(ctx.store, params)
  if (result.changes !== 1) throw new AppError('CONFLICT', 'error.CONFLICT', { entity: 'entity.job' }, { entity: 'entity.job', id: job.id })
}

const roHeadById = preparedQuery<{ id: number }>()((db, p) =>
  db
    .selectFrom('repair_orders')
    .select(['id', 'number', 'type', 'state', 'vehicle_id', 'advisor_id', 'version'])
    .where('id', '=', p.id)
    .$narrowType<{ type: RoType; state: RoState }>(),
)

export type RoHead = NonNullable<ReturnType<typeof roHeadById.first>>

export function loadRoHead(ctx: Ctx, roId: number): RoHead {
  const row = roHeadById.first(ctx.store, { id: roId })
  if (!row) throw notFound('entity.repairOrder', roId)
  return row
}

/** Refuses work on an RO that is not in repair (authorised or in progress). */
export function roNotInShop(ro: Pick<RoHead, 'id' | 'number' | 'state'>): AppError {
  return new AppError('INVALID_STATE', 'workshop.roNotInShop', { number: ro.number, state: `roState.${ro.state}` }, { roId: ro.id, state: ro.state })
}

/** Every workshop write tells all open boards (and reception's RO screens) what changed. */
export function changed(ctx: Ctx, roId: number): void {
  ctx.events.emit({ type: 'workshop.changed', id: roId })
}

/** A labour line no one has dispatched yet, shown as a pending job (it becomes one at dispatch). */
export function lineJobOut(line: { id: number; ro_id: number; description: string; quantity_milli: number }): JobOut {
  return {
    id: null,
    roId: line.ro_id,
    lineId: line.id,
    description: line.description,
    skill: null,
    state: 'pending',
    pauseReason: null,
    technicianId: null,
    technicianName: null,
    bayId: null,
    bayCode: null,
    soldHoursMilli: line.quantity_milli,
    clockedMs: 0,
    runningSince: null,
    reworkCount: 0,
    additional: false,
    version: 0,
  }
}
