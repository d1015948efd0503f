import { describe, expect, it } from 'vitest'
import { kmPerDayCenti, nextServiceDue } from './care-reminder'

describe('km per day from the odometer history', () => {
  it('divides the km driven by the days between the first and last reading', () => {
    expect(kmPerDayCenti({ km: 10_000, date: '2026-01-10' }, { km: 13_650, date: '2026-07-10' })).toBe(2_017) // 3,650 km in 181 days: 20.17 km a day
  })
  it('says nothing from readings less than two weeks apart or going backwards', () => {
    expect(kmPerDayCenti({ km: 10_000, date: '2026-07-01' }, { km: 10_400, date: '2026-07-10' })).toBeNull()
    expect(kmPerDayCenti({ km: 10_000, date: '2026-01-01' }, { km: 900, date: '2026-07-10' })).toBeNull()
  })
})

describe('the next service', () => {
  const base = { serviceDate: '2026-03-15', serviceKm: 20_000, months: 6, km: 5_000 }
  it('falls due by km first for a car driven far: 50 km a day passes 25,000 km in June, months before September', () => {
    const due = nextServiceDue({ ...base, latest: { km: 21_000, date: '2026-04-04' }, kmPerDayCenti: 5_000 })
    expect(due).toEqual({ byMonths: '2026-09-15', byKm: '2026-06-23', dueDate: '2026-06-23', dueBy: 'km' })
  })
  it('falls due by months for a car hardly driven', () => {
    const due = nextServiceDue({ ...base, latest: { km: 20_300, date: '2026-05-01' }, kmPerDayCenti: 650 })
    expect(due).toMatchObject({ byMonths: '2026-09-15', dueDate: '2026-09-15', dueBy: 'months' })
    expect(due.byKm! > '2026-09-15').toBe(true)
  })
  it('is due on the latest reading’s day when the odometer has already passed the interval', () => {
    expect(nextServiceDue({ ...base, latest: { km: 25_400, date: '2026-06-01' }, kmPerDayCenti: null })).toMatchObject({ dueDate: '2026-06-01', dueBy: 'km' })
  })
  it('counts months to the end of a shorter month', () => {
    expect(nextServiceDue({ ...base, serviceDate: '2026-08-31', latest: { km: 20_000, date: '2026-08-31' }, kmPerDayCenti: null })).toMatchObject({ dueDate: '2027-02-28', dueBy: 'months' })
  })
})
