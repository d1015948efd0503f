import { describe, expect, it } from 'vitest'
import { parseCount, parseQty, percentOfBp, signedQty } from './parts-format'

describe('parts quantities and rates', () => {
  it('shows stock coming in with a plus sign and going out with a minus', () => {
    expect(signedQty(2500)).toBe('+2.5')
    expect(signedQty(-1000)).toBe('-1')
    expect(signedQty(0)).toBe('0')
  })

  it('accepts full-width digits from a Chinese input method and refuses zero as an issue quantity', () => {
    expect(parseQty('２.５')).toBe(2500)
    expect(parseQty('0')).toBeNull()
    expect(parseCount('0')).toBe(0)
    expect(parseQty('1.2345')).toBeNull()
  })

  it('writes basis points as a percentage with two places', () => {
    expect(percentOfBp(30)).toBe('0.30%')
    expect(percentOfBp(9812)).toBe('98.12%')
    expect(percentOfBp(null)).toBe('—')
  })
})
