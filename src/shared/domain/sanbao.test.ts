import { describe, expect, it } from 'vitest'
import { levelOf, problemKey, repairDays, sanbaoCounters, sanbaoValidity, singleRepairLevel, withinValidity, type SanbaoRepair } from './sanbao'

const LIMITS = { validityMonths: 24, validityKm: 50_000, repairDays: 30, sameProblem: 4, safetyRepairs: 2, replacements: 2, singleRepairDays: 5 }
const repair = (roId: number, openedOn: string, endOn: string, o: Partial<SanbaoRepair> = {}): SanbaoRepair => ({ roId, openedOn, endOn, odometerKm: 10_000, problems: [], safetyFault: false, replaced: [], ...o })

describe('三包 counting', () => {
  it('counts a repair within one day as one day and otherwise the calendar days from in to done', () => {
    expect(repairDays('2026-03-01', '2026-03-01')).toBe(1)
    expect(repairDays('2026-03-01', '2026-03-02')).toBe(1)
    expect(repairDays('2026-02-27', '2026-03-04')).toBe(5)
  })

  it('names the problem by failure code, else by causal part, else none', () => {
    expect(problemKey(' P0301 ', '06H-103')).toBe('P0301')
    expect(problemKey('', '06H-103')).toBe('06H-103')
    expect(problemKey('', null)).toBeNull()
  })

  it('ends the validity at 24 months or 50,000 km, whichever comes first', () => {
    const v = sanbaoValidity('2025-02-28', LIMITS)
    expect(v).toEqual({ untilDate: '2027-02-28', untilKm: 50_000 })
    expect(withinValidity({ openedOn: '2027-02-28', odometerKm: 50_000 }, v)).toBe(true)
    expect(withinValidity({ openedOn: '2027-03-01', odometerKm: 1_000 }, v)).toBe(false)
    expect(withinValidity({ openedOn: '2026-01-01', odometerKm: 50_001 }, v)).toBe(false)
  })

  it('is approaching one below a threshold and reached at it; a single repair past its limit', () => {
    expect([levelOf(2, 4), levelOf(3, 4), levelOf(4, 4), levelOf(5, 4)]).toEqual(['ok', 'approaching', 'reached', 'reached'])
    expect([singleRepairLevel(4, 5), singleRepairLevel(5, 5), singleRepairLevel(6, 5)]).toEqual(['ok', 'approaching', 'reached'])
  })

  it('adds days, counts each problem once per repair and takes the problem repaired most', () => {
    const counters = sanbaoCounters(
      [
        repair(1, '2026-01-05', '2026-01-12', { problems: ['P0301', 'P0301'], safetyFault: true }),
        repair(2, '2026-02-01', '2026-02-01', { problems: ['P0301', 'B1000'], replaced: ['engine'] }),
        repair(3, '2026-03-01', '2026-03-03', { problems: ['P0301'], safetyFault: true, replaced: ['engine'] }),
      ],
      LIMITS,
    )
    expect(counters.map((c) => [c.counter, c.value, c.level, c.subject])).toEqual([
      ['repairDays', 10, 'ok', ''],
      ['sameProblem', 3, 'approaching', 'P0301'],
      ['safetyRepairs', 2, 'reached', ''],
      ['replacements', 2, 'reached', 'engine'],
      ['singleRepair', 7, 'reached', '1'],
    ])
    // For an RO in the workshop the single repair is its own.
    expect(sanbaoCounters([repair(1, '2026-01-05', '2026-01-12'), repair(2, '2026-02-01', '2026-02-02')], LIMITS, 2)[4]).toMatchObject({ value: 1, level: 'ok', subject: '2' })
  })
})
