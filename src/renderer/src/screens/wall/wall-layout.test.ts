import { describe, expect, it } from 'vitest'
import { MIN_ROWS, wallFontSize, wallRows } from './wall-layout'

describe('the wall display layout', () => {
  it('sizes every card by the fullest status column', () => {
    expect(wallRows(['repair', 'repair', 'repair', 'repair', 'qc', 'ready', 'ready'])).toBe(4)
  })

  it('never makes cards larger than three rows would, however empty the shop', () => {
    expect(wallRows([])).toBe(MIN_ROWS)
    expect(wallRows(['ready'])).toBe(MIN_ROWS)
  })

  it('shrinks the type as the fullest column grows, within readable bounds', () => {
    expect(wallFontSize(3)).toBe('clamp(9px, min(1.15vw, calc(86vh / 18)), 34px)')
    expect(wallFontSize(12)).toBe('clamp(9px, min(1.15vw, calc(86vh / 72)), 34px)')
  })
})
