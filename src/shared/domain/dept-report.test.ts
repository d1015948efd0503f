import { describe, expect, it } from 'vitest'
import { handInState, monthsBack, nextMonth, reportDueOn } from './dept-report'

describe('the report hand-in dates', () => {
  it('crosses the year end both ways', () => {
    expect(nextMonth('2026-12')).toBe('2027-01')
    expect(nextMonth('2026-01')).toBe('2026-02')
    expect(monthsBack('2027-01', 1)).toBe('2026-12')
    expect(monthsBack('2027-02', 14)).toBe('2025-12')
    expect(reportDueOn('2026-12', 5)).toBe('2027-01-05')
  })

  it('is on time up to the due day, late after it, and overdue while not handed in past it', () => {
    expect(handInState('2027-01-05', '2027-01-05', '2027-01-09')).toBe('on_time')
    expect(handInState('2027-01-05', '2027-01-06', '2027-01-09')).toBe('late')
    expect(handInState('2027-01-05', null, '2027-01-05')).toBe('due')
    expect(handInState('2027-01-05', null, '2027-01-06')).toBe('overdue')
  })
})
