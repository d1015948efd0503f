import { describe, expect, it } from 'vitest'
import { bandText, chartGeometry, formatValue, pointStatus } from './target-format'

describe('the dashboard’s figures', () => {
  it('reads rates in percent and turnover and multiples in plain figures', () => {
    expect(formatValue(9_850, 'bp')).toBe('98.5%')
    expect(formatValue(10_000, 'bp')).toBe('100%')
    expect(formatValue(30, 'bp')).toBe('0.3%')
    expect(formatValue(450, 'centi')).toBe('4.5')
    expect(formatValue(null, 'bp')).toBe('—')
  })

  it('states the manual’s targets as bands', () => {
    expect(bandText({ min: 9_800, max: null }, 'bp')).toBe('≥ 98%')
    expect(bandText({ min: null, max: 600 }, 'bp')).toBe('≤ 6%')
    expect(bandText({ min: 400, max: 600 }, 'centi')).toBe('4–6')
    expect(bandText({ min: null, max: 150 }, 'centi')).toBe('≤ 1.5')
  })

  it('says whether a month is inside its band, below or above', () => {
    const band = { min: 400, max: 600 }
    expect(pointStatus(500, band)).toBe('ok')
    expect(pointStatus(350, band)).toBe('low')
    expect(pointStatus(700, band)).toBe('high')
    expect(pointStatus(null, band)).toBe('none')
  })

  it('draws the axis over the values and the band, a gap for a month without data', () => {
    const g = chartGeometry(
      [
        { month: '2026-01', value: 9_000 },
        { month: '2026-02', value: null },
        { month: '2026-03', value: 10_000 },
      ],
      { min: 10_000, max: null },
      'bp',
      300,
      100,
    )
    expect(g.lo).toBe(0)
    expect(g.hi).toBe(10_000)
    expect(g.points.map((p) => [p.x, p.y, p.status])).toEqual([
      [50, 10, 'low'],
      [150, null, 'none'],
      [250, 0, 'ok'],
    ])
    expect(g.bandBottom).toBe(0)
    expect(g.ticks.at(-1)).toBe(10_000)
  })
})
