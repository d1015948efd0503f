import type { Ctx } from '../api/context'
import { all } from '../store/query'
import { efficiencyOf, type ClockedSegment, type EfficiencyFigures, type EfficiencyJob } from '../../shared/domain/workshop-clock'
import { CONFIRMED, minSegmentMs } from './clock-minimum'
import type { In, Out } from './rows'

// Technician efficiency (DOMAIN: flat-rate hours sold / hours clocked) over the jobs finished in a
// period. A job's sold hours and all time clocked on it count for the technician who holds it
// when it is finished, so a handed-over job is judged as one piece of work. A job with a clock
// segment below the minimum waits, out of the figure, until the supervisor confirms it.

/** The day after a YYYY-MM-DD date: the exclusive end of a period of whole days. */
export function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`)
  next.setUTCDate(next.getUTCDate() + 1)
  return next.toISOString().slice(0, 10)
}

/** A finished job in the period with its clock segments: what the efficiency figure is made of. */
export interface EfficiencyJobRow extends EfficiencyJob {
  jobId: number
  roId: number
  technicianId: number
  name: string
  description: string
  finishedAt: string
}

/** The jobs finished in the period (optionally one technician's), each with its segments. */
export function efficiencyJobs(ctx: Ctx, input: In<'workshop.efficiency'>): EfficiencyJobRow[] {
  const end = dayAfter(input.to)
  const technicianId = input.technicianId
  const jobs = all(
    ctx.store,
    ctx.store.db
      .selectFrom('ro_jobs as j')
      .innerJoin('users as u', 'u.id', 'j.technician_id')
      .select(['j.id', 'j.ro_id', 'j.technician_id', 'u.display_name as name', 'j.sold_hours_milli as sold', 'j.description', 'j.finished_at'])
      .where('j.state', '=', 'done')
      .where('j.finished_at', '>=', input.from)
      .where('j.finished_at', '<', end)
      .$if(technicianId !== undefined, (q) => q.where('j.technician_id', '=', technicianId!))
      .orderBy('u.display_name')
      .orderBy('j.technician_id')
      .orderBy('j.id')
      .$narrowType<{ technician_id: number; finished_at: string }>(),
  )
  const segments = all(
    ctx.store,
    ctx.store.db
      .selectFrom('job_time_segments as s')
      .innerJoin('ro_jobs as j', 'j.id', 's.job_id')
      .select(['s.job_id', 's.started_at as startedAt', 's.ended_at as endedAt', CONFIRMED.as('confirmed')])
      .where('j.state', '=', 'done')
      .where('j.finished_at', '>=', input.from)
      .where('j.finished_at', '<', end)
      .$if(technicianId !== undefined, (q) => q.where('j.technician_id', '=', technicianId!)),
  )
  const byJob = new Map<number, ClockedSegment[]>()
  for (const s of segments) {
    const list = byJob.get(s.job_id) ?? []
    list.push({ startedAt: s.startedAt, endedAt: s.endedAt, confirmed: s.confirmed === 1 })
    byJob.set(s.job_id, list)
  }
  return jobs.map((j) => ({
    jobId: j.id,
    roId: j.ro_id,
    technicianId: j.technician_id,
    name: j.name,
    description: j.description,
    finishedAt: j.finished_at,
    soldHoursMilli: j.sold,
    segments: byJob.get(j.id) ?? [],
  }))
}

/** The minimum segment length and the instant open segments are clocked to: how `efficiencyOf` judges a job. */
export function efficiencyRules(ctx: Ctx): { minMs: number; nowMs: number } {
  return { minMs: minSegmentMs(ctx), nowMs: ctx.clock.now().getTime() }
}

export function efficiency(ctx: Ctx, input: In<'workshop.efficiency'>): Out<'workshop.efficiency'> {
  const { minMs, nowMs } = efficiencyRules(ctx)
  const byTechnician = new Map<number, { name: string; jobs: EfficiencyJob[] }>()
  for (const j of efficiencyJobs(ctx, input)) {
    const t = byTechnician.get(j.technicianId) ?? { name: j.name, jobs: [] }
    t.jobs.push({ soldHoursMilli: j.soldHoursMilli, segments: j.segments })
    byTechnician.set(j.technicianId, t)
  }
  // One rule for every figure (efficiencyOf): jobs with an unconfirmed short segment are left out.
  const pick = (f: EfficiencyFigures) => ({ jobs: f.jobs, soldHoursMilli: f.soldHoursMilli, clockedMs: f.clockedMs, efficiencyBp: f.efficiencyBp, heldJobs: f.heldJobs })
  const rows = [...byTechnician].map(([technicianId, t]) => ({ technicianId, name: t.name, ...pick(efficiencyOf(t.jobs, minMs, nowMs)) }))
  const total = pick(efficiencyOf([...byTechnician.values()].flatMap((t) => t.jobs), minMs, nowMs))
  return { rows, total }
}
