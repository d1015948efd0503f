import { describe, expect, it } from 'vitest'
import { checkSplit, departmentOf, evenSplit, progressBp, quarterMonths, quarterOf, straightLineForecast } from './department'

describe('department targets arithmetic', () => {
  it('names the months of a quarter and the quarter of a month', () => {
    expect(quarterMonths(2026, 4)).toEqual(['2026-10', '2026-11', '2026-12'])
    expect(quarterMonths(2027, 1)).toEqual(['2027-01', '2027-02', '2027-03'])
    expect(quarterOf('2026-12')).toEqual({ year: 2026, quarter: 4 })
    expect(quarterOf('2027-01')).toEqual({ year: 2027, quarter: 1 })
  })

  it('splits evenly with the remainder to the first months', () => {
    expect(evenSplit(10, 3)).toEqual([4, 3, 3])
    expect(evenSplit(0, 3)).toEqual([0, 0, 0])
    expect(evenSplit(5, 0)).toEqual([])
  })

  it('shows a split that does not add up with its difference', () => {
    expect(checkSplit(300, [100, 100, 100])).toEqual({ sum: 300, total: 300, difference: 0, balanced: true })
    expect(checkSplit(300, [100, 100, 90])).toEqual({ sum: 290, total: 300, difference: -10, balanced: false })
  })

  it('forecasts a month in a straight line from the days elapsed', () => {
    expect(straightLineForecast(100, '2026-11', 10)).toBe(300)
    expect(straightLineForecast(100, '2026-02', 28)).toBe(100)
    expect(straightLineForecast(100, '2026-11', 0)).toBe(0)
    expect(progressBp(50, 200)).toBe(2500)
    expect(progressBp(50, null)).toBeNull()
  })

  it('puts advisors at the front desk and technicians in the workshop', () => {
    expect(departmentOf('service_advisor')).toBe('front_desk')
    expect(departmentOf('technician')).toBe('workshop')
    expect(departmentOf('service_manager')).toBeNull()
  })
})
