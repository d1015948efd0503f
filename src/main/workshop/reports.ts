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

export function efficiency(ctx: Ctx, input: In<'workshop.efficiency'>): Out<'workshop.efficiency'> {
  const end = dayAfter(input.to)
  const technicianId = input.technicianId
  const jobs = all(
    ctx.store,
    ctx.store.db
      .selectFrom('ro_jobs as j')
      .innerJoin('users as u', 'u.id', 'j.technician_id')
      .select(['j.id', 'j.technician_id', 'u.display_name as name', 'j.sold_hours_milli as sold'])
      .where('j.state', '=', 'done')
      .where('j.finished_at', '>=', input.from)
      .where('j.finished_at', '<', end)
      .$if(technicianId !== undefined, (q) => q.where('j.technician_id', '=', technicianId!))
      .orderBy('u.display_name')
      .orderBy('j.technician_id')
      .orderBy('j.id')
      .$narrowType<{ technician_id: number }>(),
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
  const nowMs = ctx.clock.now().getTime()
  const minMs = minSegmentMs(ctx)
  const byJob = new Map<number, ClockedSegment[]>()
  for (const s of segments) {
    const list = byJob.get(s.job_id) ?? []
    list.push({ startedAt: s.startedAt, endedAt: s.endedAt, confirmed: s.confirmed === 1 })
    byJob.set(s.job_id, list)
  }
  const byTechnician = new Map<number, { name: string; jobs: EfficiencyJob[] }>()
  for (const j of jobs) {
    const t = byTechnician.get(j.technician_id) ?? { name: j.name, jobs: [] }
    t.jobs.push({ soldHoursMilli: j.sold, segments: byJob.get(j.id) ?? [] })
    byTechnician.set(j.technician_id, t)
  }
  // One rule for every figure (efficiencyOf): jobs with an unconfirmed short segment are left out.
  const pick = (f: EfficiencyFigures) => ({ jobs: f.jobs, soldHoursMilli: f.soldHoursMilli, clockedMs: f.clockedMs, efficiencyBp: f.efficiencyBp, heldJobs: f.heldJobs })
  const rows = [...byTechnician].map(([technicianId, t]) => ({ technicianId, name: t.name, ...pick(efficiencyOf(t.jobs, minMs, nowMs)) }))
  const total = pick(efficiencyOf([...byTechnician.values()].flatMap((t) => t.jobs), minMs, nowMs))
  return { rows, total }
}
