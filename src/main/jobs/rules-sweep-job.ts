import type { Clock } from '../../shared/domain/time'
import { toLocalIso } from '../../shared/domain/time'
import type { LiveEvent } from '../../shared/contract/types'
import { EventBuffer, type EventHub } from '../api/events'
import type { Store } from '../store/open'
import type { Job } from './scheduler'
import { sweep } from '../rules/engine'
import { dashboardTargets } from '../rules/dashboard'

/** The months the dashboard shows by default; the sweep keeps their closed months computed. */
const DASHBOARD_MONTHS = 12

// The scheduled full sweep: catches what no event announces (time passing a deadline, a snooze
// date coming) and corrects anything an incremental run missed. One transaction; its events are
// published after the commit, like a dispatcher write's.

/** Default interval between sweeps. Deadlines are in days, so a quarter of an hour is plenty. */
export const RULES_SWEEP_EVERY_MS = 15 * 60_000

export interface SweepJobDeps {
  store: Store
  clock: Clock
  hub: EventHub
  timeZone: () => string
  everyMs?: number
}

export function rulesSweepJob(deps: SweepJobDeps): Job {
  const everyMs = deps.everyMs ?? RULES_SWEEP_EVERY_MS
  let lastRun: number | null = null
  return {
    name: 'rules.sweep',
    // Due at start-up, then every interval (the scheduler retries a failure later on its own).
    due: (now) => lastRun === null || now.getTime() - lastRun >= everyMs,
    run: async (now) => {
      const timeZone = deps.timeZone()
      const events = new EventBuffer()
      const result = deps.store.tx(() =>
        sweep({ store: deps.store, clock: deps.clock, timeZone, nowIso: () => toLocalIso(deps.clock.now(), timeZone), events }),
      )
      lastRun = now.getTime()
      // Compute what a month's close (or a late correction) left to compute of the dashboard's
      // kept months now, not when a manager opens it (a no-op when nothing changed).
      dashboardTargets({ store: deps.store, clock: deps.clock, timeZone, nowIso: () => toLocalIso(deps.clock.now(), timeZone), events }, { months: DASHBOARD_MONTHS })
      const at = toLocalIso(deps.clock.now(), timeZone)
      for (const event of events.pending) deps.hub.publish({ ...event, at } as LiveEvent)
      // Same shape as the other jobs' run-log notes: a catalog key with its numbers.
      return JSON.stringify({ key: 'rules.jobs.msg.sweep', params: { rules: result.rules, raised: result.raised, cleared: result.cleared } })
    },
  }
}
