import { describe, it, expect } from 'vitest'
import { formatFen, lineAmount, parseYuanToFen, sumFen, totalsOf, vatOnNet, type TotalsLine } from './money'

describe('lineAmount', () => {
  it('multiplies a whole quantity by the unit price', () => {
    expect(lineAmount(2000, 4550)).toBe(9100)
  })

  it('handles fractional flat-rate hours', () => {
    expect(lineAmount(1500, 18000)).toBe(27000)
    expect(lineAmount(250, 12345)).toBe(3086) // 3086.25
  })

  it('rounds a half fen away from zero', () => {
    expect(lineAmount(500, 1)).toBe(1) // 0.5
    expect(lineAmount(1500, 1)).toBe(2) // 1.5
    expect(lineAmount(500, -1)).toBe(-1) // discount lines mirror charges
    expect(lineAmount(499, 1)).toBe(0)
  })

  it('stays exact where a float product would lose digits', () => {
    // 999_999_999 × 99_999_999_999 is far above 2^53.
    expect(lineAmount(999_999_999, 99_999_999)).toBe(99_999_998_900_000)
    expect(lineAmount(1_000_000_000, 9_007_199)).toBe(9_007_199_000_000)
  })

  it('avoids the float error of 1.005-style products', () => {
    // As floats 1.005 × 100 = 100.49999…, which would round down.
    expect(lineAmount(1005, 100)).toBe(101)
  })

  it('refuses fractional inputs', () => {
    expect(() => lineAmount(1.5, 100)).toThrow(RangeError)
    expect(() => lineAmount(1000, 0.5)).toThrow(RangeError)
  })

  it('refuses a result that cannot be held exactly', () => {
    expect(() => lineAmount(1_000_000_000, 99_999_999_999)).toThrow(RangeError)
  })
})

describe('vatOnNet', () => {
  it('computes 13 % VAT', () => {
    expect(vatOnNet(10000, 1300)).toBe(1300)
  })

  it('rounds half up to the fen', () => {
    expect(vatOnNet(50, 1300)).toBe(7) // 6.5
    expect(vatOnNet(46, 1300)).toBe(6) // 5.98
    expect(vatOnNet(42, 1300)).toBe(5) // 5.46
  })

  it('mirrors positive amounts for credit notes', () => {
    expect(vatOnNet(-50, 1300)).toBe(-7)
  })

  it('is zero at a zero rate', () => {
    expect(vatOnNet(12345, 0)).toBe(0)
  })

  it('refuses a negative or fractional rate', () => {
    expect(() => vatOnNet(100, -1)).toThrow(RangeError)
    expect(() => vatOnNet(100, 13.5)).toThrow(RangeError)
  })
})

describe('sumFen', () => {
  it('adds integer amounts from any iterable', () => {
    expect(sumFen([100, 250, -50])).toBe(300)
    expect(sumFen(new Set([1, 2]))).toBe(3)
    expect(sumFen([])).toBe(0)
  })

  it('refuses a stray float', () => {
    expect(() => sumFen([100, 0.1])).toThrow(RangeError)
  })
})

describe('totalsOf', () => {
  it('is all zeros for no lines, with every payer present', () => {
    const totals = totalsOf([])
    expect(totals.grossFen).toBe(0)
    expect(Object.keys(totals.byPayer).sort()).toEqual(['campaign', 'customer', 'insurance', 'internal', 'warranty'])
    expect(totals.byPayer.warranty).toEqual({ netFen: 0, vatFen: 0, grossFen: 0 })
  })

  it("computes VAT on each payer's net sum rather than line by line", () => {
    const lines: TotalsLine[] = [5, 5, 5].map((amountFen) => ({ amountFen, vatRateBp: 1300, payer: 'customer' }))
    // Line by line would be 1 + 1 + 1 = 3; on the 15-fen sum it is 1.95 → 2.
    expect(totalsOf(lines).byPayer.customer).toEqual({ netFen: 15, vatFen: 2, grossFen: 17 })
  })

  it('splits totals by payer and makes the overall VAT the sum of the payers', () => {
    const lines: TotalsLine[] = [
      { amountFen: 35, vatRateBp: 1300, payer: 'customer' }, // 4.55
      { amountFen: 35, vatRateBp: 1300, payer: 'warranty' }, // 4.55
      { amountFen: 20000, vatRateBp: 1300, payer: 'insurance' },
    ]
    const totals = totalsOf(lines)
    expect(totals.byPayer.customer).toEqual({ netFen: 35, vatFen: 5, grossFen: 40 })
    expect(totals.byPayer.warranty).toEqual({ netFen: 35, vatFen: 5, grossFen: 40 })
    expect(totals.byPayer.insurance).toEqual({ netFen: 20000, vatFen: 2600, grossFen: 22600 })
    // VAT on the combined 20070 would be 2609.1 → 2609; per payer it is 2610.
    expect(totals).toMatchObject({ netFen: 20070, vatFen: 2610, grossFen: 22680 })
  })

  it('keeps separate rates apart within one payer', () => {
    const totals = totalsOf([
      { amountFen: 10000, vatRateBp: 1300, payer: 'customer' },
      { amountFen: 10000, vatRateBp: 600, payer: 'customer' },
    ])
    expect(totals.byPayer.customer).toEqual({ netFen: 20000, vatFen: 1900, grossFen: 21900 })
  })

  it('lets discounts reduce the net before VAT is computed', () => {
    const totals = totalsOf([
      { amountFen: 10000, vatRateBp: 1300, payer: 'customer' },
      { amountFen: -1000, vatRateBp: 1300, payer: 'customer' },
    ])
    expect(totals).toMatchObject({ netFen: 9000, vatFen: 1170, grossFen: 10170 })
  })
})

describe('formatFen', () => {
  it.each([
    [123450, '¥1,234.50'],
    [0, '¥0.00'],
    [5, '¥0.05'],
    [100, '¥1.00'],
    [123456789, '¥1,234,567.89'],
    [-1200, '-¥12.00'],
    [-5, '-¥0.05'],
  ])('formats %i fen as %s', (fen, text) => {
    expect(formatFen(fen, 'zh-CN')).toBe(text)
    expect(formatFen(fen, 'en')).toBe(text)
  })

  it('refuses fractional fen', () => {
    expect(() => formatFen(1.5, 'en')).toThrow(RangeError)
  })
})

describe('parseYuanToFen', () => {
  it.each([
    ['1234.5', 123450],
    ['1,234.50', 123450],
    ['¥1234', 123400],
    ['￥1,234.56', 123456],
    ['１２３４．５', 123450],
    [' 12 ', 1200],
    ['0.01', 1],
    ['0', 0],
    ['1234元', 123400],
    ['-12', -1200],
    ['-¥12.00', -1200],
    ['1,234,567.89', 123456789],
    ['¥ 1,234.50', 123450],
    ['- ¥ 12', -1200],
    ['88 元', 8800],
  ])('parses "%s" as %i fen', (text, fen) => {
    expect(parseYuanToFen(text)).toBe(fen)
  })

  it.each(['', 'abc', '12.345', '1.', '.5', '1,23', '12,34.5', '1.2.3', '¥', '--1', '1e3', '12 34.5x', '12 34', '99999999999999999999'])(
    'returns null for "%s"',
    (text) => {
      expect(parseYuanToFen(text)).toBeNull()
    },
  )

  it('round-trips with formatFen', () => {
    for (const fen of [0, 1, 99, 123450, -1200, 987654321]) {
      expect(parseYuanToFen(formatFen(fen, 'zh-CN'))).toBe(fen)
    }
  })
})
