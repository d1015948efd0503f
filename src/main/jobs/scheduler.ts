import type { Clock } from '../../shared/domain/time'

// A small scheduler: every tick (and on request) it runs the jobs that are due, one after the
// other, never two at once and never the same job twice at once. Clock and timer are injected,
// so tests walk the calendar and tick by hand.

export interface Timer {
  set(fn: () => void, ms: number): unknown
  clear(handle: unknown): void
}

export const realTimer: Timer = {
  set: (fn, ms) => {
    const handle = setTimeout(fn, ms)
    // The scheduler never keeps the process alive on its own.
    handle.unref()
    return handle
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

export interface Job {
  name: string
  due(now: Date): boolean
  /** Returns a short note for the run log. */
  run(now: Date): Promise<string | void>
}

export interface RunRecord {
  job: string
  startedAt: Date
  finishedAt: Date
  ok: boolean
  message: string
  error?: unknown
}

export interface Scheduler {
  start(): void
  stop(): Promise<void>
  /** Runs whatever is due now; resolves when done (joins a tick already running). */
  tick(): Promise<void>
  /** Runs a job at the next tick whether due or not, and ticks soon. */
  request(name: string): void
}

/** After a failure a job waits this long before it is due again (a request overrides). */
export const RETRY_AFTER_FAILURE_MS = 5 * 60_000

export function createScheduler(o: {
  clock: Clock
  timer?: Timer
  jobs: readonly Job[]
  everyMs?: number
  onRun?: (record: RunRecord) => void
}): Scheduler {
  const timer = o.timer ?? realTimer
  const everyMs = o.everyMs ?? 30_000
  const requested = new Set<string>()
  const failedAt = new Map<string, number>()
  let running: Promise<void> | null = null
  let again = false
  let handle: unknown = null
  let stopped = true

  async function runDue(): Promise<void> {
    for (const job of o.jobs) {
      const now = o.clock.now()
      const forced = requested.delete(job.name)
      const failed = failedAt.get(job.name)
      const resting = failed !== undefined && now.getTime() - failed < RETRY_AFTER_FAILURE_MS
      if (!forced && (resting || !job.due(now))) continue
      const startedAt = now
      try {
        const message = (await job.run(now)) ?? ''
        failedAt.delete(job.name)
        o.onRun?.({ job: job.name, startedAt, finishedAt: o.clock.now(), ok: true, message })
      } catch (error) {
        failedAt.set(job.name, o.clock.now().getTime())
        const message = error instanceof Error ? error.message : String(error)
        o.onRun?.({ job: job.name, startedAt, finishedAt: o.clock.now(), ok: false, message, error })
      }
    }
  }

  function tick(): Promise<void> {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      do {
        again = false
        await runDue()
      } while (again)
    })().finally(() => {
      running = null
    })
    return running
  }

  function schedule(ms: number) {
    if (stopped) return
    if (handle !== null) timer.clear(handle)
    handle = timer.set(() => {
      handle = null
      void tick().finally(() => schedule(everyMs))
    }, ms)
  }

  return {
    start() {
      stopped = false
      schedule(0)
    },
    async stop() {
      stopped = true
      if (handle !== null) timer.clear(handle)
      handle = null
      await running
    },
    tick,
    request(name) {
      requested.add(name)
      if (stopped) return
      schedule(0)
    },
  }
}
