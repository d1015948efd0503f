import { describe, expect, it } from 'vitest'
import { DEFAULT_COVERAGE_TERMS, coveragesFor } from './warranty'
import { expiryMilestones, milestonesDueOn } from './warranty-calls'

const fuelTerms = DEFAULT_COVERAGE_TERMS.filter((t) => coveragesFor('fuel').includes(t.coverage))

describe('coverage-expiry milestones', () => {
  it('calls at 6 months, 1, 2, 3 and 5 years, naming the coverages that end there', () => {
    const ms = expiryMilestones('2025-01-15', fuelTerms, 3_000, 30)
    expect(ms.map((m) => [m.months, m.endsOn, m.coverages])).toEqual([
      [6, '2025-07-15', ['wear']],
      [12, '2026-01-15', []],
      [24, '2027-01-15', []],
      [36, '2028-01-15', ['basic']],
      [60, '2030-01-15', ['powertrain']],
    ])
    expect(ms[0]!.dueDate).toBe('2025-06-15')
  })

  it('falls due across a month end, from a start on the 31st clamped to the month’s last day', () => {
    const [six] = expiryMilestones('2025-08-31', fuelTerms, 1_000, 30)
    expect(six).toMatchObject({ endsOn: '2026-02-28', dueDate: '2026-01-29' })
  })

  it('adds a coverage’s own end (new-energy battery at 8 years) and leaves out a coverage already ended by km', () => {
    const ms = expiryMilestones('2025-01-15', DEFAULT_COVERAGE_TERMS, 6_000, 30)
    expect(ms[0]).toMatchObject({ months: 6, coverages: [] })
    expect(ms.at(-1)).toMatchObject({ months: 96, coverages: ['nev_battery', 'nev_motor'] })
    const worn = expiryMilestones('2025-01-15', [{ coverage: 'nev_battery', months: 96, km: 5_000 }], 6_000, 30)
    expect(worn.map((m) => m.months)).toEqual([6, 12, 24, 36, 60])
  })

  it('is due from its due date to the coverage’s last day', () => {
    const ms = expiryMilestones('2025-08-31', fuelTerms, 1_000, 30)
    expect(milestonesDueOn(ms, '2026-01-28')).toEqual([])
    expect(milestonesDueOn(ms, '2026-01-29').map((m) => m.months)).toEqual([6])
    expect(milestonesDueOn(ms, '2026-02-28').map((m) => m.months)).toEqual([6])
    expect(milestonesDueOn(ms, '2026-03-01')).toEqual([])
  })
})
