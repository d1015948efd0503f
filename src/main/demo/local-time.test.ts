import { describe, expect, it } from 'vitest'
import { toLocalIso } from '../../shared/domain/time'
import { localCalendar } from './local-time'
import { createRng } from './random'

describe('localCalendar', () => {
  it('writes the same text as toLocalIso for working hours over years, also across daylight-saving changes', () => {
    const now = new Date('2026-11-27T10:30:00Z')
    for (const zone of ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York']) {
      const cal = localCalendar(now, zone)
      for (let day = -1500; day <= 2; day += 7) {
        const text = cal.iso(day, 9 * 60 + 15, 30)
        expect(toLocalIso(new Date(text), zone), `${zone} ${day}`).toBe(text)
        expect(text.slice(0, 10)).toBe(cal.date(day))
      }
    }
  })

  it('counts day offsets of calendar dates from today', () => {
    const cal = localCalendar(new Date('2026-11-27T10:30:00+08:00'), 'Asia/Shanghai')
    expect(cal.offsetOf(2026, 11, 27)).toBe(0)
    expect(cal.offsetOf(2025, 11, 27)).toBe(-365)
    expect(cal.date(cal.offsetOf(2024, 2, 29))).toBe('2024-02-29')
  })
})

describe('createRng', () => {
  it('repeats the same sequence for the same seed and stays in range', () => {
    const a = createRng(42)
    const b = createRng(42)
    const drawn = Array.from({ length: 1000 }, () => a.int(3, 7))
    expect(drawn).toEqual(Array.from({ length: 1000 }, () => b.int(3, 7)))
    expect(Math.min(...drawn)).toBe(3)
    expect(Math.max(...drawn)).toBe(7)
  })
})
