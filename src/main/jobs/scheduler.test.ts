import { describe, expect, it } from 'vitest'
import { createScheduler, RETRY_AFTER_FAILURE_MS, type Job, type RunRecord, type Timer } from './scheduler'

function manualTimer() {
  const pending = new Map<number, { fn: () => void; ms: number }>()
  let next = 1
  const timer: Timer = {
    set: (fn, ms) => {
      pending.set(next, { fn, ms })
      return next++
    },
    clear: (h) => pending.delete(h as number),
  }
  return { timer, pending, fire: () => [...pending.entries()].forEach(([h, p]) => (pending.delete(h), p.fn())) }
}

describe('the scheduler', () => {
  it('never runs a job twice at once, and runs it again when asked while it ran', async () => {
    const now = new Date('2026-11-27T12:00:00Z')
    let running = 0
    let most = 0
    let runs = 0
    const job: Job = {
      name: 'slow',
      due: () => false,
      async run() {
        runs++
        most = Math.max(most, ++running)
        await new Promise((r) => setTimeout(r, 10))
        running--
      },
    }
    const { timer } = manualTimer()
    const s = createScheduler({ clock: { now: () => now }, timer, jobs: [job] })
    s.request('slow')
    const first = s.tick()
    s.request('slow')
    await Promise.all([first, s.tick()])
    expect(most).toBe(1)
    expect(runs).toBe(2)
  })

  it('rests a failed job before it is due again, unless someone asks for it', async () => {
    let now = new Date('2026-11-27T12:00:00Z')
    const records: RunRecord[] = []
    let fail = true
    const job: Job = {
      name: 'flaky',
      due: () => true,
      async run() {
        if (fail) throw new Error('disk full')
        return 'fine'
      },
    }
    const s = createScheduler({ clock: { now: () => now }, timer: manualTimer().timer, jobs: [job], onRun: (r) => records.push(r) })
    await s.tick()
    await s.tick()
    expect(records.map((r) => [r.ok, r.message])).toEqual([[false, 'disk full']])
    s.request('flaky')
    await s.tick()
    expect(records).toHaveLength(2)
    fail = false
    now = new Date(now.getTime() + RETRY_AFTER_FAILURE_MS)
    await s.tick()
    expect(records.at(-1)).toMatchObject({ ok: true, message: 'fine' })
  })

  it('ticks on its timer once started and stops cleanly', async () => {
    const { timer, pending, fire } = manualTimer()
    let runs = 0
    const s = createScheduler({
      clock: { now: () => new Date() },
      timer,
      everyMs: 30_000,
      jobs: [{ name: 'j', due: () => true, run: async () => void runs++ }],
    })
    s.start()
    expect([...pending.values()].map((p) => p.ms)).toEqual([0])
    fire()
    await s.tick()
    expect(runs).toBeGreaterThanOrEqual(1)
    await new Promise((r) => setTimeout(r, 0))
    expect([...pending.values()].map((p) => p.ms)).toEqual([30_000])
    await s.stop()
    expect(pending.size).toBe(0)
  })
})
