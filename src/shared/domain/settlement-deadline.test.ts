import { describe, expect, it } from 'vitest'
import {
  addLocalDays,
  addLocalMonths,
  localInstant,
  maintenanceDueAt,
  maintenanceStage,
  MAINTENANCE_SETTLEMENT_DAYS,
  monthEndDueAt,
  monthEndStage,
  monthEndThresholds,
  monthKey,
  monthStart,
  MONTH_END_WARNING_DAYS,
  type DeadlineStage,
} from './settlement-deadline'
import { toLocalIso } from './time'

const TZ = 'Asia/Shanghai'
const at = (local: string) => new Date(local)
const iso = (d: Date, tz = TZ) => toLocalIso(d, tz)

describe('calendar arithmetic in the dealership zone', () => {
  it('finds the instant of a local wall-clock time, overflowing days into the next month and year', () => {
    expect(iso(localInstant(TZ, 2026, 11, 27, 10, 30))).toBe('2026-11-27T10:30:00+08:00')
    expect(iso(localInstant(TZ, 2026, 12, 32))).toBe('2027-01-01T00:00:00+08:00')
    expect(iso(localInstant(TZ, 2026, 13, 1))).toBe('2027-01-01T00:00:00+08:00')
  })

  it('keeps the wall-clock time across a daylight-saving change', () => {
    // Berlin springs forward on 29 March 2026: 10:00 the day before is 10:00 the day after.
    const before = localInstant('Europe/Berlin', 2026, 3, 28, 10)
    expect(iso(addLocalDays(before, 2, 'Europe/Berlin'), 'Europe/Berlin')).toBe('2026-03-30T10:00:00+02:00')
  })

  it.each([
    ['2026-01-31T09:00:00+08:00', 1, '2026-02-28T09:00:00+08:00'],
    ['2028-01-31T09:00:00+08:00', 1, '2028-02-29T09:00:00+08:00'],
    ['2026-11-15T09:00:00+08:00', -3, '2026-08-15T09:00:00+08:00'],
    ['2026-02-15T09:00:00+08:00', -3, '2025-11-15T09:00:00+08:00'],
  ])('moves %s by %i months to %s, clamping to the month end', (start, months, expected) => {
    expect(iso(addLocalMonths(at(start), months, TZ))).toBe(expected)
  })

  it('names the local month, not the UTC one', () => {
    // 16:30 UTC on 31 December is already January in Shanghai.
    expect(monthKey(new Date('2026-12-31T16:30:00Z'), TZ)).toBe('2027-01')
    expect(iso(monthStart(new Date('2026-12-31T16:30:00Z'), TZ))).toBe('2027-01-01T00:00:00+08:00')
    expect(iso(monthStart(at('2026-12-15T12:00:00+08:00'), TZ, -12))).toBe('2025-12-01T00:00:00+08:00')
  })
})

describe('maintenance ROs: settled within 3 days of completion [manual 保养工单结算不超过3天]', () => {
  it('uses the manual figure as the default', () => {
    expect(MAINTENANCE_SETTLEMENT_DAYS).toBe(3)
  })

  const completed = at('2026-11-01T10:00:00+08:00')
  it.each<[string, DeadlineStage]>([
    ['2026-11-01T10:00:00+08:00', 'ok'],
    ['2026-11-03T23:59:59+08:00', 'ok'],
    ['2026-11-04T10:00:00+08:00', 'ok'], // exactly 3 days: still in time
    ['2026-11-04T10:00:01+08:00', 'breach'],
    ['2026-11-04T12:00:00+08:00', 'breach'],
  ])('an RO completed on day 1 at 10:00 is %s → %s', (now, stage) => {
    expect(maintenanceStage(completed, at(now), TZ)).toBe(stage)
  })

  it('counts calendar days across the year end', () => {
    expect(iso(maintenanceDueAt(at('2026-12-30T16:00:00+08:00'), TZ))).toBe('2027-01-02T16:00:00+08:00')
  })
})

describe('insurance ROs and receivables: within the calendar month [manual 保险工单当月结算，保险款当月回收]', () => {
  it('warns 3 days before the month end by default', () => {
    expect(MONTH_END_WARNING_DAYS).toBe(3)
  })

  it.each<[string, string, DeadlineStage]>([
    // start, now, stage — November has 30 days: the warning starts on the 28th.
    ['2026-11-05T10:00:00+08:00', '2026-11-27T23:59:59+08:00', 'ok'],
    ['2026-11-05T10:00:00+08:00', '2026-11-28T00:00:00+08:00', 'warning'],
    ['2026-11-05T10:00:00+08:00', '2026-11-30T23:59:59+08:00', 'warning'],
    ['2026-11-05T10:00:00+08:00', '2026-12-01T00:00:00+08:00', 'breach'],
    // Completed during the warning days: a warning at once.
    ['2026-11-29T15:00:00+08:00', '2026-11-29T15:00:00+08:00', 'warning'],
    // December → the deadline is New Year; the breach comes in the next year.
    ['2026-12-10T10:00:00+08:00', '2026-12-28T23:00:00+08:00', 'ok'],
    ['2026-12-10T10:00:00+08:00', '2026-12-29T00:00:00+08:00', 'warning'],
    ['2026-12-10T10:00:00+08:00', '2027-01-01T00:00:00+08:00', 'breach'],
    // February in a leap year has 29 days: warning from the 27th.
    ['2028-02-03T10:00:00+08:00', '2028-02-26T23:59:59+08:00', 'ok'],
    ['2028-02-03T10:00:00+08:00', '2028-02-27T00:00:00+08:00', 'warning'],
    ['2028-02-03T10:00:00+08:00', '2028-03-01T00:00:00+08:00', 'breach'],
  ])('started %s, at %s → %s', (start, now, stage) => {
    expect(monthEndStage(at(start), at(now), TZ)).toBe(stage)
  })

  it('is due at local midnight after the last day of the month', () => {
    expect(iso(monthEndDueAt(at('2026-12-31T23:59:00+08:00'), TZ))).toBe('2027-01-01T00:00:00+08:00')
  })

  it('gives SQL thresholds that agree with the stage for every start up to now', () => {
    const starts = ['2026-10-31T23:59:59+08:00', '2026-11-01T00:00:00+08:00', '2026-11-20T08:00:00+08:00', '2026-11-29T09:00:00+08:00']
    const nows = ['2026-11-20T09:00:00+08:00', '2026-11-28T00:00:00+08:00', '2026-11-30T18:00:00+08:00']
    for (const now of nows) {
      const t = monthEndThresholds(at(now), TZ)
      for (const start of starts.filter((s) => at(s) <= at(now))) {
        const sqlStage: DeadlineStage = at(start) < t.monthStart ? 'breach' : t.warning ? 'warning' : 'ok'
        expect(sqlStage, `${start} at ${now}`).toBe(monthEndStage(at(start), at(now), TZ))
      }
    }
  })
})
