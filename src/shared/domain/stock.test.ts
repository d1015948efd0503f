import { describe, expect, it } from 'vitest'
import {
  addAtValue,
  averageCostFen,
  EMPTY_STOCK,
  formatMilli,
  isValidState,
  mulDivRound,
  receive,
  shareOf,
  StockShortage,
  takeOut,
  valueAtAverage,
  varianceRateBp,
} from './stock'

describe('moving-average stock arithmetic in fen', () => {
  it('values a receipt at quantity × unit cost, rounded to the fen', () => {
    const r = receive(EMPTY_STOCK, 1_500, 3_333)
    expect(r).toEqual({ quantityMilli: 1_500, valueFen: 5_000, unitCostFen: 3_333, after: { onHandMilli: 1_500, valueFen: 5_000 } })
    expect(receive(EMPTY_STOCK, 1, 1).valueFen).toBe(0)
  })

  it('averages receipts at different prices', () => {
    const a = receive(EMPTY_STOCK, 2_000, 1_000).after
    const b = receive(a, 1_000, 1_300).after
    expect(b).toEqual({ onHandMilli: 3_000, valueFen: 3_300 })
    expect(averageCostFen(b)).toBe(1_100)
  })

  it('takes stock out at the average and rounds each share half up', () => {
    const s = { onHandMilli: 3_000, valueFen: 1_000 }
    const out = takeOut(s, 1_000)
    expect(out).toMatchObject({ quantityMilli: -1_000, valueFen: -333, unitCostFen: 333, after: { onHandMilli: 2_000, valueFen: 667 } })
    expect(takeOut({ onHandMilli: 2_000, valueFen: 1 }, 1_000).valueFen).toBe(-1) // 0.5 fen rounds up
  })

  it('lets the last unit out take exactly the value left, so an empty shelf is worth 0', () => {
    let s = receive(EMPTY_STOCK, 3_000, 1_001).after
    for (let i = 0; i < 3; i++) s = takeOut(s, 1_000).after
    expect(s).toEqual({ onHandMilli: 0, valueFen: 0 })
  })

  it('refuses to take out more than is on hand, saying what is there', () => {
    const s = { onHandMilli: 2_000, valueFen: 2_000 }
    expect(() => takeOut(s, 2_001)).toThrow(StockShortage)
    try {
      takeOut(s, 5_000)
    } catch (error) {
      expect(error).toMatchObject({ availableMilli: 2_000, requestedMilli: 5_000 })
    }
  })

  it('puts stock back at a given value and reports its unit cost', () => {
    expect(addAtValue({ onHandMilli: 1_000, valueFen: 500 }, 2_000, 1_001)).toEqual({
      quantityMilli: 2_000,
      valueFen: 1_001,
      unitCostFen: 501,
      after: { onHandMilli: 3_000, valueFen: 1_501 },
    })
  })

  it('computes shares and averages exactly beyond 2^53 intermediate products', () => {
    expect(mulDivRound(99_999_999_999, 999_999_999, 1_000_000_000)).toBe(99_999_999_899)
    expect(shareOf(1_000, 3_000, 3_000)).toBe(1_000)
    expect(shareOf(1_000, 3_000, 4_000)).toBe(1_000)
    expect(valueAtAverage({ onHandMilli: 2_000, valueFen: 1_001 }, 4_000)).toBe(2_002)
    expect(valueAtAverage(EMPTY_STOCK, 1_000)).toBeNull()
    expect(averageCostFen(EMPTY_STOCK)).toBeNull()
  })

  it('knows a valid state: nothing negative and no value without quantity', () => {
    expect(isValidState({ onHandMilli: 0, valueFen: 0 })).toBe(true)
    expect(isValidState({ onHandMilli: 0, valueFen: 1 })).toBe(false)
    expect(isValidState({ onHandMilli: -1, valueFen: 0 })).toBe(false)
    expect(isValidState({ onHandMilli: 1, valueFen: 0 })).toBe(true)
  })

  it('formats thousandths and computes the stocktake variance rate against the manual target', () => {
    expect([1_500, 2_000, -250, 0, 1].map(formatMilli)).toEqual(['1.5', '2', '-0.25', '0', '0.001'])
    expect(varianceRateBp(300, 100_000)).toBe(30)
    expect(varianceRateBp(1, 0)).toBeNull()
  })

  it('rejects fractional or negative quantities and costs', () => {
    expect(() => receive(EMPTY_STOCK, 1.5, 100)).toThrow(RangeError)
    expect(() => receive(EMPTY_STOCK, 1_000, -1)).toThrow(RangeError)
    expect(() => takeOut(EMPTY_STOCK, 0)).toThrow(RangeError)
  })
})
