import { describe, expect, it } from 'vitest'
import { efficiencyOf, isHeldShort, MS_PER_MINUTE, type ClockedSegment } from './workshop-clock'

const MIN = 3 * MS_PER_MINUTE
const seg = (start: string, end: string | null, confirmed = false): ClockedSegment => ({ startedAt: `2026-11-27T${start}+08:00`, endedAt: end === null ? null : `2026-11-27T${end}+08:00`, confirmed })
const now = Date.parse('2026-11-27T18:00:00+08:00')

describe('the clock minimum', () => {
  it.each([
    ['a few seconds, unconfirmed', seg('09:00:00', '09:00:05'), true],
    ['just under the minimum', seg('09:00:00', '09:02:59'), true],
    ['exactly the minimum', seg('09:00:00', '09:03:00'), false],
    ['a few seconds, confirmed by the supervisor', seg('09:00:00', '09:00:05', true), false],
    ['still running', seg('17:59:59', null), false],
  ])('%s: held = %s', (_, s, held) => {
    expect(isHeldShort(s, MIN)).toBe(held)
  })

  it('leaves a job clocked for five seconds out of efficiency instead of reading 720000 %', () => {
    const real = { soldHoursMilli: 8_000, segments: [seg('08:00:00', '12:00:00'), seg('13:00:00', '17:00:00')] }
    const blip = { soldHoursMilli: 1_000, segments: [seg('17:10:00', '17:10:05')] }
    const figures = efficiencyOf([real, blip], MIN, now)
    expect(figures).toEqual({ jobs: 1, soldHoursMilli: 8_000, clockedMs: 8 * 3_600_000, efficiencyBp: 10_000, heldJobs: 1, heldSegments: 1 })
    // The same job alone, unheld, is the figure the issue saw.
    expect(efficiencyOf([blip], 0, now).efficiencyBp).toBe(7_200_000)
  })

  it('counts the job once the supervisor confirms its short segment', () => {
    const confirmed = { soldHoursMilli: 100, segments: [seg('10:00:00', '10:02:00', true)] }
    expect(efficiencyOf([confirmed], MIN, now)).toMatchObject({ jobs: 1, heldJobs: 0, clockedMs: 2 * MS_PER_MINUTE, efficiencyBp: 30_000 })
  })

  it('holds a whole job when one of its segments is short, whatever the others', () => {
    const job = { soldHoursMilli: 2_000, segments: [seg('08:00:00', '10:00:00'), seg('10:30:00', '10:30:20')] }
    expect(efficiencyOf([job], MIN, now)).toMatchObject({ jobs: 0, soldHoursMilli: 0, clockedMs: 0, efficiencyBp: null, heldJobs: 1, heldSegments: 1 })
  })
})
