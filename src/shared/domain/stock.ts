// Moving-average stock arithmetic (移动加权平均), in integer fen and thousandths of a unit.
// The ledger keeps the exact value of stock in fen, not an average price: every move carries the
// fen it adds or removes, so the sum of the moves' values IS the stock value. Rounding happens in
// exactly one place — the value of a share taken out — and the last unit out takes whatever value
// is left, so no residue can build up and an empty shelf is always worth exactly 0.

import { lineAmount, type Fen } from './money'
import { decimalFromMilli } from '../format/numbers'

export interface StockState {
  onHandMilli: number
  valueFen: Fen
}

/** What one move does: signed quantity and value, the unit cost it was booked at, and the state after. */
export interface MoveEffect {
  quantityMilli: number
  valueFen: Fen
  /** Fen per whole unit: the purchase price of a receipt, the average cost of an issue. */
  unitCostFen: Fen
  after: StockState
}

/** Refusal to take out more than is on hand; carries both figures for the person's message. */
export class StockShortage extends Error {
  constructor(
    readonly availableMilli: number,
    readonly requestedMilli: number,
  ) {
    super(`Insufficient stock: ${availableMilli} on hand, ${requestedMilli} requested`)
    this.name = 'StockShortage'
  }
}

export const EMPTY_STOCK: StockState = Object.freeze({ onHandMilli: 0, valueFen: 0 })

function assertCount(name: string, value: number, positive: boolean): void {
  if (!Number.isSafeInteger(value) || value < 0 || (positive && value === 0)) {
    throw new RangeError(`${name} must be a ${positive ? 'positive' : 'non-negative'} safe integer, got ${value}`)
  }
}

/** a × b / c rounded half up, exact for safe integers (BigInt keeps the product exact). */
export function mulDivRound(a: number, b: number, c: number): number {
  if (c <= 0) throw new RangeError('divisor must be positive')
  const n = BigInt(a) * BigInt(b)
  const d = BigInt(c)
  const negative = n < 0n
  const m = negative ? -n : n
  const r = (m * 2n + d) / (d * 2n)
  return Number(negative ? -r : r)
}

/** Checks the ledger's invariant: nothing negative, and no value without quantity. */
export function isValidState(state: StockState): boolean {
  return (
    Number.isSafeInteger(state.onHandMilli) &&
    Number.isSafeInteger(state.valueFen) &&
    state.onHandMilli >= 0 &&
    state.valueFen >= 0 &&
    (state.onHandMilli > 0 || state.valueFen === 0)
  )
}

/** Average cost of one whole unit in fen (rounded), or null for an empty shelf. */
export function averageCostFen(state: StockState): Fen | null {
  return state.onHandMilli > 0 ? mulDivRound(state.valueFen, 1000, state.onHandMilli) : null
}

/** The value of `quantityMilli` out of a holding of `totalMilli` worth `totalFen`: the whole remainder when it is all of it. */
export function shareOf(totalFen: Fen, totalMilli: number, quantityMilli: number): Fen {
  if (quantityMilli >= totalMilli) return totalFen
  return mulDivRound(totalFen, quantityMilli, totalMilli)
}

/** The value of `quantityMilli` more of what is on the shelf, at its moving average; null for an empty shelf. */
export function valueAtAverage(state: StockState, quantityMilli: number): Fen | null {
  return state.onHandMilli > 0 ? mulDivRound(state.valueFen, quantityMilli, state.onHandMilli) : null
}

/** A receipt at a purchase price per whole unit. */
export function receive(state: StockState, quantityMilli: number, unitCostFen: Fen): MoveEffect {
  assertCount('quantityMilli', quantityMilli, true)
  assertCount('unitCostFen', unitCostFen, false)
  const valueFen = lineAmount(quantityMilli, unitCostFen)
  return {
    quantityMilli,
    valueFen,
    unitCostFen,
    after: { onHandMilli: state.onHandMilli + quantityMilli, valueFen: state.valueFen + valueFen },
  }
}

/** Stock coming back at a known value (a return from an RO at what it was issued at, the far leg of a transfer). */
export function addAtValue(state: StockState, quantityMilli: number, valueFen: Fen): MoveEffect {
  assertCount('quantityMilli', quantityMilli, true)
  assertCount('valueFen', valueFen, false)
  return {
    quantityMilli,
    valueFen,
    unitCostFen: mulDivRound(valueFen, 1000, quantityMilli),
    after: { onHandMilli: state.onHandMilli + quantityMilli, valueFen: state.valueFen + valueFen },
  }
}

/**
 * Stock going out (issue, negative adjustment or count, near leg of a transfer) at the moving
 * average. Refuses with StockShortage rather than letting the shelf go negative.
 */
export function takeOut(state: StockState, quantityMilli: number): MoveEffect {
  assertCount('quantityMilli', quantityMilli, true)
  if (quantityMilli > state.onHandMilli) throw new StockShortage(state.onHandMilli, quantityMilli)
  const valueFen = shareOf(state.valueFen, state.onHandMilli, quantityMilli)
  return {
    quantityMilli: -quantityMilli,
    valueFen: -valueFen,
    unitCostFen: averageCostFen(state) ?? 0,
    after: { onHandMilli: state.onHandMilli - quantityMilli, valueFen: state.valueFen - valueFen },
  }
}

/** A quantity in thousandths as people read it: 1500 → "1.5", 2000 → "2", -250 → "-0.25". */
export function formatMilli(quantityMilli: number): string {
  return decimalFromMilli(quantityMilli)
}

/** |variance| ÷ book value in basis points (the stocktake's 盘查率), or null when the book is empty. */
export function varianceRateBp(absVarianceFen: number, bookValueFen: number): number | null {
  return bookValueFen > 0 ? mulDivRound(absVarianceFen, 10000, bookValueFen) : null
}

/** [manual] Stocktake variance (盘查率) target: at most 0.3 %. */
export const STOCKTAKE_VARIANCE_TARGET_BP = 30
/** [manual] Fill rate (满足率) target: at least 98 %. */
export const FILL_RATE_TARGET_BP = 9800
