// The parts supervisor's targets from the after-sales manual (section 1, 配件主管): safety stock,
// slow-moving share, turnover, fill rate and stocktake variance. Integer arithmetic only —
// quantities in thousandths, money in fen, rates in basis points, turnover in hundredths — so
// the SQL evaluators (which do the same sums over the ledger) and these functions agree exactly.
import { FILL_RATE_TARGET_BP, mulDivRound, STOCKTAKE_VARIANCE_TARGET_BP } from './stock'

/** [manual] Safety stock = 1.5 × the month's outbound (安全库存为月出库量的1.5倍). */
export const SAFETY_STOCK_FACTOR_BP = 15_000
/** Months of issues averaged for a part's monthly outbound. Not a manual figure (a parameter). */
export const SAFETY_STOCK_WINDOW_MONTHS = 3
/** [manual] A part with no issue for 6 months is slow-moving (滞销件). */
export const SLOW_MOVING_MONTHS = 6
/** [manual] Slow-moving stock at most 6 % of the stock value. */
export const SLOW_MOVING_MAX_SHARE_BP = 600
/** [manual] Stock turns 4–6 times a year (库存周转率4-6次/年), in hundredths. */
export const TURNOVER_MIN_CENTI = 400
export const TURNOVER_MAX_CENTI = 600
/** [manual] Fill rate at least 98 % (满足率≥98%). */
export const FILL_RATE_MIN_BP = FILL_RATE_TARGET_BP
/** [manual] Stocktake variance at most 0.3 % (盘查率≤0.3%). */
export const STOCKTAKE_VARIANCE_MAX_BP = STOCKTAKE_VARIANCE_TARGET_BP

/**
 * A part's safety stock in thousandths: `factorBp` × its average monthly issued quantity over
 * `windowMonths`, rounded half up. Returns (net of returns to the shelf) below zero count as none.
 */
export function safetyStockMilli(issuedMilli: number, windowMonths: number, factorBp = SAFETY_STOCK_FACTOR_BP): number {
  if (windowMonths <= 0) throw new RangeError('windowMonths must be positive')
  return mulDivRound(Math.max(issuedMilli, 0), factorBp, 10_000 * windowMonths)
}

/** Below safety stock: there is a safety level (the part moves) and the shelf holds less. */
export function isBelowSafety(onHandMilli: number, safetyMilli: number): boolean {
  return safetyMilli > 0 && onHandMilli < safetyMilli
}

/** What to reorder to get back to the safety level, in whole units (thousandths, rounded up). */
export function reorderMilli(onHandMilli: number, safetyMilli: number): number {
  const short = safetyMilli - onHandMilli
  return short <= 0 ? 0 : Math.ceil(short / 1000) * 1000
}

/** The most stock value the department should hold: `factorBp` × the month's outbound value. */
export function stockValueLimitFen(outboundFen: number, factorBp = SAFETY_STOCK_FACTOR_BP): number {
  return mulDivRound(Math.max(outboundFen, 0), factorBp, 10_000)
}

/** part ÷ whole in basis points, or null without a whole. */
export function shareBp(part: number, whole: number): number | null {
  return whole > 0 ? mulDivRound(part, 10_000, whole) : null
}

/** Cost issued over the period ÷ average stock value, in hundredths (450 = 4.5 turns), or null without stock. */
export function turnoverCenti(issuedCostFen: number, averageStockFen: number): number | null {
  return averageStockFen > 0 ? mulDivRound(Math.max(issuedCostFen, 0), 100, averageStockFen) : null
}

/** The average of month-end stock values, rounded half up. */
export function averageFen(values: readonly number[]): number {
  if (values.length === 0) return 0
  return mulDivRound(values.reduce((a, b) => a + b, 0), 1, values.length)
}

export type TargetStatus = 'ok' | 'low' | 'high' | 'none'

/** Where a figure stands against a band (either end may be open); `none` when there is no figure. */
export function bandStatus(value: number | null, band: { min?: number; max?: number }): TargetStatus {
  if (value === null) return 'none'
  if (band.min !== undefined && value < band.min) return 'low'
  if (band.max !== undefined && value > band.max) return 'high'
  return 'ok'
}
