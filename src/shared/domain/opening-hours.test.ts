import { describe, expect, it } from 'vitest'
import {
  DEFAULT_OPENING_HOURS_TEXT,
  checkOpeningHours,
  formatOpeningHours,
  nextFreeStart,
  parseOpeningHours,
  weekdayIndex,
} from './opening-hours'

const hours = parseOpeningHours(DEFAULT_OPENING_HOURS_TEXT)

describe('opening hours', () => {
  it('defaults to 08:00–18:00 every day and round-trips its text', () => {
    expect(hours).toHaveLength(7)
    expect(hours[0]).toEqual({ open: 480, close: 1080 })
    expect(formatOpeningHours(hours)).toBe(DEFAULT_OPENING_HOURS_TEXT)
    expect(formatOpeningHours(parseOpeningHours('09:00-17:00 09:00-17:00 09:00-17:00 09:00-17:00 09:00-17:00 09:00-12:00 closed'))).toBe(
      '09:00-17:00 09:00-17:00 09:00-17:00 09:00-17:00 09:00-17:00 09:00-12:00 closed',
    )
  })

  it('numbers weekdays from Monday by the calendar date alone', () => {
    expect(weekdayIndex('2026-11-30')).toBe(0)
    expect(weekdayIndex('2026-12-06')).toBe(6)
  })

  it('accepts the opening minute and an end exactly at closing, refuses one minute either side', () => {
    expect(checkOpeningHours(hours, '2026-11-30T08:00', 60).ok).toBe(true)
    expect(checkOpeningHours(hours, '2026-11-30T07:59', 60).ok).toBe(false)
    expect(checkOpeningHours(hours, '2026-11-30T17:00', 60).ok).toBe(true)
    expect(checkOpeningHours(hours, '2026-11-30T17:01', 60).ok).toBe(false)
    expect(checkOpeningHours(hours, '2026-11-30T03:00:00+08:00', 60)).toEqual({ ok: false, weekday: 'mon', day: { open: 480, close: 1080 } })
  })

  it('finds the next free half hour after now that fits the duration and misses the bookings', () => {
    const busy = [{ start: 600, end: 660 }]
    expect(nextFreeStart(hours, '2026-11-30', 0, 60, [])).toBe(480)
    expect(nextFreeStart(hours, '2026-11-30', 9 * 60 + 10, 60, busy)).toBe(660)
    expect(nextFreeStart(hours, '2026-11-30', 17 * 60 + 10, 60, [])).toBeNull()
    expect(nextFreeStart(parseOpeningHours('closed closed closed closed closed closed closed'), '2026-11-30', 0, 60, [])).toBeNull()
  })
})
