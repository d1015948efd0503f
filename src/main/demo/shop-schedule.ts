import type { PauseReason } from '../../shared/domain/workshop-job'
import type { Skill } from '../../shared/domain/workshop-resources'
import type { Rng } from './random'
import type { ShopSpec } from './shop-plan'
import type { WorkTime } from './work-time'

// Plans today's workshop as a list of timed actions (dispatch, clock on, pause, finish, final
// inspection…) that the generator then performs through the workshop services in time order.
// Planned in work time, one car at a time in check-in order: a technician does one job at a
// time, each job is squeezed into the time the car's scene leaves, and anything that would fall
// after now is not done (the services then simply leave the car one step earlier).

const MIN = 60_000

export interface ShopJob {
  lineId: number
  opCode: string | null
  soldMilli: number
}

export interface ShopRo {
  id: number
  spec: ShopSpec
  advisorId: number
  openedMs: number
  jobs: ShopJob[]
}

export interface Technician {
  id: number
  username: string
  skills: readonly Skill[]
}

type Step =
  | { kind: 'dispatch'; ro: ShopRo; job: ShopJob; tech: Technician; first: boolean }
  | { kind: 'issue'; ro: ShopRo }
  | { kind: 'clockOn' | 'finish'; ro: ShopRo; job: ShopJob; tech: Technician }
  | { kind: 'pause'; ro: ShopRo; job: ShopJob; tech: Technician; reason: PauseReason }
  | { kind: 'raise'; ro: ShopRo; tech: Technician }
  | { kind: 'approve'; ro: ShopRo }
  | { kind: 'qc'; ro: ShopRo; pass: boolean; wash: boolean; rework: ShopJob | null }
  | { kind: 'washDone'; ro: ShopRo }

export type Action = Step & { ms: number; seq: number }

/** Which trade a labour operation needs, from its code's group (see LABOUR_OPS). */
export function skillOf(opCode: string | null): Skill {
  const group = opCode?.slice(0, 2) ?? ''
  if (opCode === 'BJ002') return 'paint'
  if (group === 'BJ') return 'body'
  if (group === 'DQ' || group === 'KT') return 'electrical'
  if (group === 'XN') return 'ev'
  if (group === 'FD' || group === 'XG' || group === 'ZD' || group === 'CS') return 'mechanical'
  return 'general'
}

export function planShop(ros: readonly ShopRo[], techs: readonly Technician[], work: WorkTime, rng: Rng, dayEnd: (day: number, minute: number) => number): Action[] {
  const actions: Action[] = []
  const free = new Map<number, number>(techs.map((t) => [t.id, 0]))
  const load = new Map<number, number>(techs.map((t) => [t.id, 0]))
  const at = (w: number, step: Step) => actions.push({ ...step, ms: work.toReal(w), seq: actions.length })
  const real = (ms: number, step: Step) => actions.push({ ...step, ms, seq: actions.length })
  const now = work.now

  /** The technician who can start soonest, preferring the trade the job needs and the least loaded. */
  function pick(job: ShopJob, notBefore: number): Technician {
    const skill = skillOf(job.opCode)
    const skilled = techs.filter((t) => t.skills.includes(skill))
    const pool = skilled.length > 0 ? skilled : techs
    let best = pool[0]!
    const startOf = (t: Technician) => Math.max(notBefore, free.get(t.id) ?? 0)
    for (const t of pool) {
      const d = startOf(t) - startOf(best)
      if (d < 0 || (d === 0 && (load.get(t.id) ?? 0) < (load.get(best.id) ?? 0))) best = t
    }
    load.set(best.id, (load.get(best.id) ?? 0) + 1)
    return best
  }

  /** Clocked work on a job over [from, to): paused for the night between working days. */
  function clock(ro: ShopRo, job: ShopJob, tech: Technician, from: number, to: number, end: 'finish' | 'open' | PauseReason): void {
    const pieces = work.pieces(from, Math.min(to, now))
    pieces.forEach(([a, b], i) => {
      real(a, { kind: 'clockOn', ro, job, tech })
      const last = i === pieces.length - 1
      if (!last) real(b, { kind: 'pause', ro, job, tech, reason: 'other' })
      else if (to <= now && end === 'finish') real(b, { kind: 'finish', ro, job, tech })
      else if (to <= now && end !== 'open' && end !== 'finish') real(b, { kind: 'pause', ro, job, tech, reason: end })
    })
  }

  for (const ro of ros) {
    const { stage, day } = ro.spec
    if (stage === 'authorised' || ro.jobs.length === 0) continue
    const start = work.toWork(ro.openedMs + 20 * MIN)
    const dispatchAt = stage === 'dispatched' ? Math.min(Math.max(start, now - 40 * MIN), now - MIN) : start
    const durations = ro.jobs.map((j) => j.soldMilli * 3600 * (0.75 + rng.next() * 0.3))
    const assigned = ro.jobs.map((job) => ({ job, tech: pick(job, dispatchAt) }))
    assigned.forEach(({ job, tech }, i) => at(dispatchAt + i * 1000, { kind: 'dispatch', ro, job, tech, first: i === 0 }))
    at(dispatchAt + 5 * MIN, { kind: 'issue', ro })
    if (stage === 'dispatched') continue

    const open = stage === 'running' || stage === 'running_extra' || stage === 'paused' || stage === 'parts'
    const lastDur = durations[durations.length - 1]!
    const parkAt = stage === 'parts' ? (day < 0 ? work.toWork(dayEnd(day, 17 * 60)) : now - 30 * MIN) : now - 10 * MIN
    const lastStart =
      stage === 'parts' ? parkAt - Math.min(0.4 * lastDur, 60 * MIN)
      : stage === 'paused' ? now - 40 * MIN
      : now - Math.max(stage === 'running_extra' ? 45 * MIN : 15 * MIN, day < 0 ? 0.9 * lastDur : Math.min(0.6 * lastDur, 90 * MIN))
    const closed = open ? ro.jobs.length - 1 : ro.jobs.length
    const closedWork = durations.slice(0, closed).reduce((a, b) => a + b, 0)
    // A car that came in late gets its first jobs done properly; the running one then starts later.
    const doneBy = open ? Math.max(lastStart, Math.min(now - 15 * MIN, start + closedWork))
      : stage === 'ready' ? (day < 0 ? work.toWork(dayEnd(day, 16 * 60)) : now - 60 * MIN)
      : stage === 'washing' ? now - 30 * MIN
      : stage === 'rework' ? now - 45 * MIN
      : stage === 'quality_check' ? now - 8 * MIN
      : now - 10 * MIN

    let cursor = dispatchAt + 2 * MIN
    let lastFinished = { start: cursor, end: cursor }
    for (let i = 0; i < closed; i++) {
      const { job, tech } = assigned[i]!
      const s = Math.max(cursor, free.get(tech.id) ?? 0)
      const remaining = durations.slice(i, closed).reduce((a, b) => a + b, 0)
      const budget = doneBy - s
      const d = budget >= remaining ? durations[i]! : Math.max(MIN, (durations[i]! * Math.max(budget, 0)) / remaining)
      const e = s + d
      if (stage === 'approval' && i === closed - 1) at(s + d / 2, { kind: 'raise', ro, tech })
      clock(ro, job, tech, s, e, 'finish')
      free.set(tech.id, e)
      cursor = e + 2 * MIN
      lastFinished = { start: s, end: e }
    }

    if (open) {
      const { job, tech } = assigned[assigned.length - 1]!
      const s = Math.max(cursor, lastStart, free.get(tech.id) ?? 0)
      if (stage === 'parts') {
        clock(ro, job, tech, s, Math.max(parkAt, s + 5 * MIN), 'parts')
        free.set(tech.id, Math.max(parkAt, s + 5 * MIN))
      } else if (stage === 'paused') {
        clock(ro, job, tech, s, Math.max(now - 10 * MIN, s + 5 * MIN), 'break')
        free.set(tech.id, Infinity)
      } else {
        clock(ro, job, tech, s, Infinity, 'open')
        if (stage === 'running_extra') {
          at(s + 10 * MIN, { kind: 'raise', ro, tech })
          at(s + 25 * MIN, { kind: 'approve', ro })
        }
        free.set(tech.id, Infinity)
      }
      continue
    }

    const end = lastFinished.end
    if (stage === 'ready' || stage === 'washing') {
      const wash = stage === 'washing' || ro.spec.wash === true
      at(end + 10 * MIN, { kind: 'qc', ro, pass: true, wash, rework: null })
      if (stage === 'ready' && wash) at(end + 35 * MIN, { kind: 'washDone', ro })
    } else if (stage === 'rework') {
      const { job, tech } = assigned[0]!
      at(end + 10 * MIN, { kind: 'qc', ro, pass: false, wash: false, rework: job })
      const s = Math.max(end + 20 * MIN, free.get(tech.id) ?? 0)
      clock(ro, job, tech, s, Infinity, 'open')
      free.set(tech.id, Infinity)
    }
  }
  return actions.sort((a, b) => a.ms - b.ms || a.seq - b.seq)
}
