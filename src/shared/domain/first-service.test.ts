import { describe, expect, it } from 'vitest'
import { firstServiceStatus, firstServiceWindow } from './first-service'

const base = { startsOn: '2025-08-31', months: 6, km: 5_000, leadDays: 30 }

describe('a first-service window', () => {
  it.each([
    // Months decide when the km per day is unknown (month end clamped); the call falls due 30 days before.
    [{ latest: { km: 300, date: '2025-09-10' }, kmPerDayCenti: null }, { closesOn: '2026-02-28', closesBy: 'months', closesByKm: null, dueOn: '2026-01-29' }],
    // 100 km a day from 1,000 km on 1 Oct: 5,000 km on 10 Nov, before the months.
    [{ latest: { km: 1_000, date: '2025-10-01' }, kmPerDayCenti: 10_000 }, { closesOn: '2025-11-10', closesBy: 'km', dueOn: '2025-10-11' }],
    // Already past the km at the latest reading: that reading's day.
    [{ latest: { km: 5_200, date: '2025-10-20' }, kmPerDayCenti: null }, { closesOn: '2025-10-20', closesBy: 'km' }],
    // A lead longer than the window: the call is due from the start.
    [{ latest: { km: 4_990, date: '2025-09-05' }, kmPerDayCenti: 100_000 }, { closesOn: '2025-09-06', dueOn: '2025-08-31' }],
  ])('%j closes as %j', (input, expected) => {
    expect(firstServiceWindow({ ...base, ...input })).toMatchObject({ opensOn: '2025-08-31', ...expected })
  })

  it('is due from its due day to its last day, then overdue for 90 days', () => {
    const w = { dueOn: '2026-01-29', closesOn: '2026-02-28' }
    expect(firstServiceStatus(w, '2026-01-28')).toBeNull()
    expect(firstServiceStatus(w, '2026-01-29')).toBe('due')
    expect(firstServiceStatus(w, '2026-02-28')).toBe('due')
    expect(firstServiceStatus(w, '2026-03-01')).toBe('overdue')
    expect(firstServiceStatus(w, '2026-05-29')).toBe('overdue')
    expect(firstServiceStatus(w, '2026-05-30')).toBeNull()
  })
})
