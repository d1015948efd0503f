import { describe, it, expect } from 'vitest'
import { formatRoNumber, parseRoNumber, RO_SEQ_MAX } from './ro-number'

describe('formatRoNumber', () => {
  it('pads the sequence to six digits after RO and the year', () => {
    expect(formatRoNumber(2026, 123)).toBe('RO2026000123')
    expect(formatRoNumber(2026, 1)).toBe('RO2026000001')
    expect(formatRoNumber(2027, RO_SEQ_MAX)).toBe('RO2027999999')
  })

  it('refuses a sequence that does not fit in six digits', () => {
    expect(() => formatRoNumber(2026, 1_000_000)).toThrow(RangeError)
    expect(() => formatRoNumber(2026, 0)).toThrow(RangeError)
    expect(() => formatRoNumber(2026, 1.5)).toThrow(RangeError)
  })

  it('refuses a year that is not four digits', () => {
    expect(() => formatRoNumber(999, 1)).toThrow(RangeError)
    expect(() => formatRoNumber(10000, 1)).toThrow(RangeError)
  })

  it('produces numbers that sort in issue order within a year', () => {
    const numbers = [9, 10, 100, 99].map((seq) => formatRoNumber(2026, seq))
    expect([...numbers].sort()).toEqual(['RO2026000009', 'RO2026000010', 'RO2026000099', 'RO2026000100'])
  })
})

describe('parseRoNumber', () => {
  it('reads back what formatRoNumber wrote', () => {
    expect(parseRoNumber(formatRoNumber(2026, 123))).toEqual({ year: 2026, seq: 123 })
  })

  it('ignores case and surrounding spaces', () => {
    expect(parseRoNumber('  ro2026000042 ')).toEqual({ year: 2026, seq: 42 })
  })

  it.each(['', 'RO2026', 'RO202600012', 'RO20260001234', 'WO2026000123', 'RO2026-000123', 'RO2026000000', 'RO0999000001', '2026000123'])(
    'returns null for "%s"',
    (text) => {
      expect(parseRoNumber(text)).toBeNull()
    },
  )
})
