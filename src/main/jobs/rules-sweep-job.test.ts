import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LiveEvent } from '../../shared/contract/types'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { rulesSweepJob } from './rules-sweep-job'
import { local, readyRo } from '../rules/test-helpers'

let t: TestApp

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor'] })
})
afterAll(() => t.close())

describe('the scheduled sweep', () => {
  it('is due at start-up and then every interval, and pushes alerts.changed after it commits', async () => {
    t.clock.set(local('2026-11-02T10:00:00'))
    const ro = await readyRo(t, { type: 'maintenance', lines: [{ payer: 'customer', amountFen: 5_000 }] })
    const events: LiveEvent[] = []
    t.app.hub.subscribe((e) => events.push(e))
    const job = rulesSweepJob({ store: t.app.store, clock: t.clock, hub: t.app.hub, timeZone: () => 'Asia/Shanghai', everyMs: 60_000 })
    t.clock.set(local('2026-11-06T10:00:00'))
    expect(job.due(t.clock.now())).toBe(true)
    const note = JSON.parse(String(await job.run(t.clock.now()))) as { key: string; params: { raised: number } }
    // Raised: the RO's settlement deadline and the month's missing campaign (none planned by day 5).
    expect(note).toMatchObject({ key: 'rules.jobs.msg.sweep', params: { raised: 2 } })
    expect(events.map((e) => e.type)).toEqual(['alerts.changed'])
    expect(t.app.store.prepare(`SELECT state FROM alerts WHERE subject_type = 'ro' AND subject_id = ?`).get(ro.id)).toEqual({ state: 'open' })
    expect(job.due(new Date(t.clock.now().getTime() + 59_000))).toBe(false)
    expect(job.due(new Date(t.clock.now().getTime() + 60_000))).toBe(true)
  })
})
