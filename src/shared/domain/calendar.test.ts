import { describe, expect, it } from 'vitest'
import { addLocalDays, localInstant, monthStart, toLocalIso, zonedParts } from './calendar'

// The calendar keeps its last answers (zonedParts, localInstant): the same answer must come back
// every time, across daylight-saving changes, whatever a caller does with what it was given.

describe('the calendar with its kept answers', () => {
  it('gives a fresh object each time, so a caller changing one changes nothing else', () => {
    const at = new Date('2026-11-27T02:30:00Z')
    const first = zonedParts(at, 'Asia/Shanghai')
    first.hour = 99
    expect(zonedParts(at, 'Asia/Shanghai').hour).toBe(10)
    const start = localInstant('Asia/Shanghai', 2026, 11, 1)
    start.setTime(0)
    expect(localInstant('Asia/Shanghai', 2026, 11, 1).toISOString()).toBe('2026-10-31T16:00:00.000Z')
  })

  it('answers the same the second time as the first, across a daylight-saving change', () => {
    const zone = 'America/New_York'
    // Every 20 minutes over the November 2026 fall-back night, twice over.
    const instants = Array.from({ length: 40 }, (_, k) => new Date(Date.UTC(2026, 10, 1, 3) + k * 20 * 60_000))
    const once = instants.map((d) => toLocalIso(d, zone))
    const again = instants.map((d) => toLocalIso(d, zone))
    expect(again).toEqual(once)
    expect(once).toContain('2026-11-01T01:20:00-04:00')
    expect(once).toContain('2026-11-01T01:20:00-05:00')
    expect(toLocalIso(addLocalDays(new Date('2026-11-01T04:30:00Z'), 1, zone), zone)).toBe('2026-11-02T00:30:00-05:00')
    expect(toLocalIso(monthStart(new Date('2026-11-15T12:00:00Z'), zone), zone)).toBe('2026-11-01T00:00:00-04:00')
  })

  it('does not mix zones up for the same instant', () => {
    const at = new Date('2026-03-08T07:30:00Z')
    expect(toLocalIso(at, 'America/New_York')).toBe('2026-03-08T03:30:00-04:00')
    expect(toLocalIso(at, 'Asia/Shanghai')).toBe('2026-03-08T15:30:00+08:00')
    expect(toLocalIso(at, 'America/New_York')).toBe('2026-03-08T03:30:00-04:00')
  })

  it('keeps one answer per whole second: the milliseconds never change it, the next second does', () => {
    const zone = 'America/New_York'
    // The last second before the spring-forward change and the first one after it.
    const before = Date.UTC(2026, 2, 8, 6, 59, 59)
    const after = before + 1000
    expect(toLocalIso(new Date(before + 999), zone)).toBe('2026-03-08T01:59:59-05:00')
    expect(toLocalIso(new Date(before), zone)).toBe('2026-03-08T01:59:59-05:00')
    expect(toLocalIso(new Date(after), zone)).toBe('2026-03-08T03:00:00-04:00')
    expect(toLocalIso(new Date(after + 1), zone)).toBe('2026-03-08T03:00:00-04:00')
    expect(toLocalIso(new Date(-1500), 'UTC')).toBe('1969-12-31T23:59:58+00:00')
    expect(toLocalIso(new Date(-1000), 'UTC')).toBe('1969-12-31T23:59:59+00:00')
  })
})
