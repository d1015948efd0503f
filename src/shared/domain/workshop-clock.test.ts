import { describe, expect, it } from 'vitest'
import {
  clockedMs,
  efficiencyBp,
  hoursMilli,
  instantOf,
  msByLocalDate,
  nextLocalMidnight,
  overlaps,
  segmentMs,
  wholeMinutes,
} from './workshop-clock'

const MIN = 60_000
const now = instantOf('2026-11-28T10:00:00+08:00')

describe('segmentMs', () => {
  it('measures a segment across midnight exactly', () => {
    expect(segmentMs({ startedAt: '2026-11-27T23:50:00+08:00', endedAt: '2026-11-28T00:20:00+08:00' }, now)).toBe(30 * MIN)
  })

  it('measures the 23:59 → 00:00 day boundary as one minute', () => {
    expect(segmentMs({ startedAt: '2026-11-27T23:59:00+08:00', endedAt: '2026-11-28T00:00:00+08:00' }, now)).toBe(MIN)
  })

  it('measures across a month and a year end', () => {
    expect(segmentMs({ startedAt: '2026-12-31T23:30:15+08:00', endedAt: '2027-01-01T00:45:15+08:00' }, now)).toBe(75 * MIN)
  })

  it('compares instants, not wall clocks, when offsets differ', () => {
    // 08:00 in Beijing is 00:00 UTC: the same instant, so nothing was clocked.
    expect(segmentMs({ startedAt: '2026-11-28T08:00:00+08:00', endedAt: '2026-11-28T00:00:00Z' }, now)).toBe(0)
  })

  it('counts a running segment up to now', () => {
    expect(segmentMs({ startedAt: '2026-11-28T09:15:00+08:00', endedAt: null }, now)).toBe(45 * MIN)
  })

  it('counts nothing for a running segment that starts after now', () => {
    expect(segmentMs({ startedAt: '2026-11-28T10:05:00+08:00', endedAt: null }, now)).toBe(0)
  })

  it('refuses a closed segment that ends before it starts', () => {
    expect(() => segmentMs({ startedAt: '2026-11-28T10:00:00+08:00', endedAt: '2026-11-28T09:00:00+08:00' }, now)).toThrow(
      RangeError,
    )
  })

  it('refuses text that is not a date-time', () => {
    expect(() => instantOf('yesterday')).toThrow(RangeError)
  })
})

describe('clockedMs', () => {
  it('leaves pauses out: only the segments count', () => {
    const segments = [
      { startedAt: '2026-11-27T22:40:00+08:00', endedAt: '2026-11-27T23:10:30+08:00' }, // 30.5 min, then a break
      { startedAt: '2026-11-27T23:40:00+08:00', endedAt: '2026-11-28T00:25:00+08:00' }, // 45 min across midnight
      { startedAt: '2026-11-28T09:30:00+08:00', endedAt: null }, // 30 min and running
    ]
    expect(clockedMs(segments, now)).toBe(30.5 * MIN + 45 * MIN + 30 * MIN)
    expect(wholeMinutes(clockedMs(segments, now))).toBe(105)
  })

  it('is zero without segments', () => {
    expect(clockedMs([], now)).toBe(0)
  })
})

describe('msByLocalDate', () => {
  it('splits a segment at local midnight so each day gets its own share', () => {
    const days = msByLocalDate([{ startedAt: '2026-11-27T23:59:00+08:00', endedAt: '2026-11-28T00:01:30+08:00' }], now, 'Asia/Shanghai')
    expect(Object.fromEntries(days)).toEqual({ '2026-11-27': MIN, '2026-11-28': 1.5 * MIN })
  })

  it('splits at the midnight of the dealership zone, not of UTC', () => {
    // 23:00 → 01:00 Beijing time is 15:00 → 17:00 UTC, all on one UTC day.
    const days = msByLocalDate([{ startedAt: '2026-11-27T15:00:00Z', endedAt: '2026-11-27T17:00:00Z' }], now, 'Asia/Shanghai')
    expect(Object.fromEntries(days)).toEqual({ '2026-11-27': 60 * MIN, '2026-11-28': 60 * MIN })
  })

  it('spreads a segment over several days', () => {
    const days = msByLocalDate([{ startedAt: '2026-11-26T20:00:00+08:00', endedAt: '2026-11-28T04:00:00+08:00' }], now, 'Asia/Shanghai')
    expect(Object.fromEntries(days)).toEqual({ '2026-11-26': 4 * 60 * MIN, '2026-11-27': 24 * 60 * MIN, '2026-11-28': 4 * 60 * MIN })
  })

  it('finds the real midnight on a daylight-saving day', () => {
    // New York moved from UTC-4 to UTC-5 on 2026-11-01; the midnight after 31 Oct is at 04:00 UTC.
    expect(new Date(nextLocalMidnight(Date.parse('2026-10-31T12:00:00-04:00'), 'America/New_York')).toISOString()).toBe(
      '2026-11-01T04:00:00.000Z',
    )
    // The midnight after 1 Nov is in winter time, at 05:00 UTC.
    expect(new Date(nextLocalMidnight(Date.parse('2026-11-01T12:00:00-05:00'), 'America/New_York')).toISOString()).toBe(
      '2026-11-02T05:00:00.000Z',
    )
  })
})

describe('efficiency', () => {
  it('is sold hours over clocked hours in basis points', () => {
    expect(efficiencyBp(1500, 60 * MIN)).toBe(15000)
    expect(efficiencyBp(1000, 80 * MIN)).toBe(7500)
  })

  it('is null when nothing was clocked', () => {
    expect(efficiencyBp(1000, 0)).toBeNull()
  })

  it('turns clocked time into thousandths of an hour', () => {
    expect(hoursMilli(90 * MIN)).toBe(1500)
    expect(hoursMilli(1800)).toBe(1)
    expect(hoursMilli(1799)).toBe(0)
  })
})

describe('overlaps', () => {
  it('sees shared time but not touching ends', () => {
    const a = { startedAt: '2026-11-28T08:00:00+08:00', endedAt: '2026-11-28T09:00:00+08:00' }
    expect(overlaps(a, { startedAt: '2026-11-28T08:59:00+08:00', endedAt: '2026-11-28T09:30:00+08:00' }, now)).toBe(true)
    expect(overlaps(a, { startedAt: '2026-11-28T09:00:00+08:00', endedAt: null }, now)).toBe(false)
  })
})
