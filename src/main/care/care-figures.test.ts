import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { relogin } from '../rules/test-helpers'
import { deliveredAt, followUpOf, FULL_SURVEY } from './test-helpers'

// The care figures on a hand-made month: three deliveries in November — one called in time, one
// called after its due day, one still waiting on a follow-up that is not due yet — read on the
// dashboard's care channel and its drill-down.

let t: TestApp

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'cashier', 'front_desk_supervisor', 'service_manager', 'technician'] })
})
afterAll(() => t.close())

async function reachedCall(roId: number, at: string, score: number) {
  const f = await followUpOf(t, roId)
  const end = at.replace(/:00\+08:00$/, ':04+08:00')
  await t.ok('front_desk_supervisor', 'care.followups.logCall', { id: f.id, version: f.version, startedAt: at, endedAt: end, outcome: 'reached', answers: FULL_SURVEY(score), done: true })
}

describe('care figures', () => {
  it('counts a late follow-up against the month, leaves one not yet due out, and averages the scores', async () => {
    const early = await deliveredAt(t, '2026-11-02T10:00:00+08:00', '2026-11-03T11:00:00+08:00')
    await reachedCall(early.id, '2026-11-03T10:30:00+08:00', 10)
    const late = await deliveredAt(t, '2026-11-05T10:00:00+08:00', '2026-11-12T11:00:00+08:00')
    await reachedCall(late.id, '2026-11-12T10:30:00+08:00', 7)
    await deliveredAt(t, '2026-11-28T10:00:00+08:00', '2026-11-29T09:00:00+08:00')
    await relogin(t)

    const care = await t.ok('service_manager', 'dashboard.care', { months: 2 })
    const inTime = care.targets.find((s) => s.key === 'followup_in_time')!
    expect(inTime.series.at(-1)).toEqual({ month: '2026-11', numerator: 1, denominator: 2, value: 5_000 })
    expect(inTime.band).toEqual({ min: 9_500, max: null })
    const satisfaction = care.targets.find((s) => s.key === 'satisfaction')!
    // (5 × 10 + 5 × 7) / 10 answers = 8.5 points
    expect(satisfaction.series.at(-1)).toEqual({ month: '2026-11', numerator: 85, denominator: 10, value: 850 })
    expect(satisfaction.status).toBe('low')

    const drill = await t.ok('service_manager', 'dashboard.drill', { target: 'followup_in_time', month: '2026-11' })
    expect(drill.calls.map((c) => [c.roNumber, c.inTime, c.pending])).toEqual([
      [late.number, false, false],
      [expect.any(String), false, true],
      [early.number, true, false],
    ])
    const scores = await t.ok('service_manager', 'dashboard.drill', { target: 'satisfaction', month: '2026-11' })
    expect(scores.calls.map((c) => [c.roNumber, c.scoreSum, c.answers])).toEqual([
      [late.number, 35, 5],
      [early.number, 50, 5],
    ])
    const byAdvisor = await t.ok('front_desk_supervisor', 'dashboard.satisfactionByAdvisor', { month: '2026-11' })
    expect(byAdvisor.advisors).toEqual([
      { advisorId: t.userIds.service_advisor, advisorName: expect.any(String), calls: 2, scoreSum: 85, answers: 10, valueCenti: 850 },
    ])
  })
})
