import { describe, expect, it } from 'vitest'
import {
  averageFen,
  bandStatus,
  FILL_RATE_MIN_BP,
  isBelowSafety,
  reorderMilli,
  safetyStockMilli,
  SAFETY_STOCK_FACTOR_BP,
  shareBp,
  SLOW_MOVING_MAX_SHARE_BP,
  SLOW_MOVING_MONTHS,
  stockValueLimitFen,
  STOCKTAKE_VARIANCE_MAX_BP,
  turnoverCenti,
  TURNOVER_MAX_CENTI,
  TURNOVER_MIN_CENTI,
} from './stock-rules'

describe('the manual’s parts targets are the defaults', () => {
  it.each([
    ['safety stock 1.5 × monthly outbound', SAFETY_STOCK_FACTOR_BP, 15_000],
    ['slow-moving after 6 months', SLOW_MOVING_MONTHS, 6],
    ['slow-moving share ≤ 6 %', SLOW_MOVING_MAX_SHARE_BP, 600],
    ['turnover at least 4 a year', TURNOVER_MIN_CENTI, 400],
    ['turnover at most 6 a year', TURNOVER_MAX_CENTI, 600],
    ['fill rate ≥ 98 %', FILL_RATE_MIN_BP, 9_800],
    ['stocktake variance ≤ 0.3 %', STOCKTAKE_VARIANCE_MAX_BP, 30],
  ])('%s', (_name, value, expected) => {
    expect(value).toBe(expected)
  })
})

describe('safety stock per part: 1.5 × average monthly issued quantity [manual]', () => {
  it.each([
    // issued over the window, months, safety — all in thousandths
    [12_000, 3, 6_000], // 4 a month → 6
    [0, 3, 0],
    [-2_000, 3, 0], // more returned than issued: no demand
    [1_000, 3, 500], // 0.333… × 1.5 = 0.5
    [10_000, 3, 5_000],
    [7_000, 6, 1_750],
    [1, 3, 1], // 0.0005 rounds half up to 0.001
  ])('%i issued over %i months → safety %i', (issued, months, safety) => {
    expect(safetyStockMilli(issued, months)).toBe(safety)
  })

  it('takes another factor when a manager changes it', () => {
    expect(safetyStockMilli(12_000, 3, 20_000)).toBe(8_000)
  })

  it.each([
    [2_000, 6_000, true, 4_000],
    [6_000, 6_000, false, 0],
    [5_500, 6_000, true, 1_000], // short 0.5 → reorder one whole unit
    [0, 0, false, 0], // a part that never moves has no safety level
    [0, 1, true, 1_000],
  ])('on hand %i against safety %i: below = %s, reorder %i', (onHand, safety, below, reorder) => {
    expect(isBelowSafety(onHand, safety)).toBe(below)
    expect(reorderMilli(onHand, safety)).toBe(reorder)
  })
})

describe('department stock value vs 1.5 × the month’s outbound value [manual]', () => {
  it.each([
    [100_000_00, 150_000_00],
    [0, 0],
    [333, 500], // 499.5 rounds half up
  ])('outbound %i fen → limit %i fen', (outbound, limit) => {
    expect(stockValueLimitFen(outbound)).toBe(limit)
  })
})

describe('shares, turnover and bands', () => {
  it.each([
    [6_000, 100_000, 600],
    [6_001, 100_000, 600],
    [6_005, 100_000, 601],
    [1, 3, 3_333],
    [5, 0, null],
  ])('share of %i in %i is %s bp', (part, whole, bp) => {
    expect(shareBp(part, whole)).toBe(bp)
  })

  it.each([
    [4_500_000, 1_000_000, 450],
    [0, 1_000_000, 0],
    [1_000, 0, null],
    [2, 3, 67],
  ])('issued cost %i over average stock %i turns %s hundredths', (issued, avg, centi) => {
    expect(turnoverCenti(issued, avg)).toBe(centi)
  })

  it('averages month-end values to the fen', () => {
    expect(averageFen([100, 200, 301])).toBe(200)
    expect(averageFen([1, 2])).toBe(2)
    expect(averageFen([])).toBe(0)
  })

  it.each([
    [450, { min: 400, max: 600 }, 'ok'],
    [399, { min: 400, max: 600 }, 'low'],
    [601, { min: 400, max: 600 }, 'high'],
    [9_799, { min: 9_800 }, 'low'],
    [31, { max: 30 }, 'high'],
    [null, { max: 30 }, 'none'],
  ] as const)('%s against %o is %s', (value, band, status) => {
    expect(bandStatus(value, band)).toBe(status)
  })
})
