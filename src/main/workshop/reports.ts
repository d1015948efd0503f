import type { Ctx } from '../api/context'
import { clockedMs, efficiencyBp } from '../../shared/domain/workshop-clock'
import type { In, Out } from './rows'

// Technician efficiency (DOMAIN: flat-rate hours sold / hours clocked) over the jobs finished in a
// period. A job's sold hours and all time clocked on it count for the technician who holds it
// when it is finished, so a handed-over job is judged as one piece of work.

/** The day after a YYYY-MM-DD date: the exclusive end of a period of whole days. */
export function dayAfter(date: string): string {
  const next = new Date(`${date}T00:00:00Z`)
  next.setUTCDate(next.getUTCDate() + 1)
  return next.toISOString().slice(0, 10)
}

export function efficiency(ctx: Ctx, input: In<'workshop.efficiency'>): Out<'workshop.efficiency'> {
  const end = dayAfter(input.to)
  const filter = input.technicianId === undefined ? '' : ' AND j.technician_id = ?'
  const params: (string | number)[] = [input.from, end, ...(input.technicianId === undefined ? [] : [input.technicianId])]
  const rows = ctx.store
    .prepare(
      `SELECT j.technician_id, u.display_name AS name, count(*) AS jobs, sum(j.sold_hours_milli) AS sold
         FROM ro_jobs j JOIN users u ON u.id = j.technician_id
        WHERE j.state = 'done' AND j.finished_at >= ? AND j.finished_at < ?${filter}
        GROUP BY j.technician_id ORDER BY u.display_name, j.technician_id`,
    )
    .all(...params) as { technician_id: number; name: string; jobs: number; sold: number }[]
  const segments = ctx.store
    .prepare(
      `SELECT j.technician_id, s.started_at AS startedAt, s.ended_at AS endedAt
         FROM job_time_segments s JOIN ro_jobs j ON j.id = s.job_id
        WHERE j.state = 'done' AND j.finished_at >= ? AND j.finished_at < ?${filter}`,
    )
    .all(...params) as { technician_id: number; startedAt: string; endedAt: string | null }[]
  const nowMs = ctx.clock.now().getTime()
  const byTechnician = new Map<number, { startedAt: string; endedAt: string | null }[]>()
  for (const s of segments) {
    const list = byTechnician.get(s.technician_id) ?? []
    list.push(s)
    byTechnician.set(s.technician_id, list)
  }
  const out = rows.map((r) => {
    const clocked = clockedMs(byTechnician.get(r.technician_id) ?? [], nowMs)
    return {
      technicianId: r.technician_id,
      name: r.name,
      jobs: r.jobs,
      soldHoursMilli: r.sold,
      clockedMs: clocked,
      efficiencyBp: efficiencyBp(r.sold, clocked),
    }
  })
  const jobs = out.reduce((n, r) => n + r.jobs, 0)
  const sold = out.reduce((n, r) => n + r.soldHoursMilli, 0)
  const clocked = out.reduce((n, r) => n + r.clockedMs, 0)
  return { rows: out, total: { jobs, soldHoursMilli: sold, clockedMs: clocked, efficiencyBp: efficiencyBp(sold, clocked) } }
}
