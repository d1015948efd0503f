import { describe, expect, it } from 'vitest'
import { fitFont, MAX_FONT_PX, MIN_FONT_PX, MIN_ROWS, wallFontPx, wallRows } from './wall-layout'

describe('the wall display layout', () => {
  it('sizes every card by the fullest status column', () => {
    expect(wallRows(['repair', 'repair', 'repair', 'repair', 'qc', 'ready', 'ready'])).toBe(4)
  })

  it('never makes cards larger than three rows would, however empty the shop', () => {
    expect(wallRows([])).toBe(MIN_ROWS)
    expect(wallRows(['ready'])).toBe(MIN_ROWS)
  })

  it('shrinks the type as the fullest column grows, capped by the column width and readable bounds', () => {
    // A 1080p TV: three rows are limited by the width of a column, twelve by the height.
    expect(wallFontPx(3, 1920, 1080)).toBeCloseTo(22.08, 2)
    expect(wallFontPx(12, 1920, 1080)).toBeCloseTo(10.08, 2)
    expect(wallFontPx(60, 1920, 1080)).toBe(MIN_FONT_PX)
    expect(wallFontPx(3, 8000, 4000)).toBe(MAX_FONT_PX)
  })

  it('shrinks the font step by step until nothing overflows, never below the minimum', () => {
    const sizes: number[] = []
    // Content fits once the font is 15 px or less.
    const px = fitFont(20, (p) => sizes.push(p), () => (sizes.at(-1) ?? 0) > 15)
    expect(px).toBeLessThanOrEqual(15)
    expect(px).toBeGreaterThan(15 * 0.93)
    expect(sizes[0]).toBe(20)
    expect(fitFont(20, () => undefined, () => true)).toBe(MIN_FONT_PX)
    expect(fitFont(20, () => undefined, () => false)).toBe(20)
  })
})
