// Money is held as integer fen (0.01 CNY) everywhere: stored, summed and sent over IPC. Floats
// only appear at the edges (typing and display), so totals on screen, in the database and on the
// invoice always agree to the fen.
import { PAYERS, type Payer } from './payer'

export type Fen = number

export interface PayerTotals {
  netFen: Fen
  vatFen: Fen
  grossFen: Fen
}

export interface Totals extends PayerTotals {
  byPayer: Record<Payer, PayerTotals>
}

export interface TotalsLine {
  amountFen: Fen
  vatRateBp: number
  payer: Payer
}

export type MoneyLocale = 'zh-CN' | 'en'

function assertSafeInteger(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a safe integer, got ${value}`)
}

function toSafeNumber(value: bigint): number {
  const n = Number(value)
  if (!Number.isSafeInteger(n)) throw new RangeError(`Amount out of range: ${value}`)
  return n
}

// BigInt keeps the intermediate product exact: quantity (up to 10^9 milli) times a price (up to
// 10^11 fen) exceeds 2^53, where Number multiplication would silently lose the last digits.
// Negative amounts (discounts, credit notes) mirror positive ones so a reversal cancels exactly.
function divideRoundingHalfAwayFromZero(numerator: bigint, divisor: bigint): bigint {
  const negative = numerator < 0n
  const magnitude = negative ? -numerator : numerator
  const rounded = (magnitude * 2n + divisor) / (divisor * 2n)
  return negative ? -rounded : rounded
}

/**
 * The amount of a line: quantity in thousandths (1.5 h = 1500, 2 pieces = 2000) times the unit
 * price in fen, rounded half away from zero to the fen. Exact for all safe-integer inputs.
 */
export function lineAmount(quantityMilli: number, unitPriceFen: number): Fen {
  assertSafeInteger('quantityMilli', quantityMilli)
  assertSafeInteger('unitPriceFen', unitPriceFen)
  return toSafeNumber(divideRoundingHalfAwayFromZero(BigInt(quantityMilli) * BigInt(unitPriceFen), 1000n))
}

/** VAT on a net amount at a rate in basis points (1300 = 13 %), rounded half up to the fen. */
export function vatOnNet(netFen: Fen, rateBp: number): Fen {
  assertSafeInteger('netFen', netFen)
  assertSafeInteger('rateBp', rateBp)
  if (rateBp < 0) throw new RangeError(`rateBp must not be negative, got ${rateBp}`)
  return toSafeNumber(divideRoundingHalfAwayFromZero(BigInt(netFen) * BigInt(rateBp), 10000n))
}

/** Sums fen amounts, refusing fractions so a stray float is caught where it enters. */
export function sumFen(values: Iterable<Fen>): Fen {
  let total = 0
  for (const value of values) {
    assertSafeInteger('fen', value)
    total += value
  }
  assertSafeInteger('sum', total)
  return total
}

function emptyTotals(): PayerTotals {
  return { netFen: 0, vatFen: 0, grossFen: 0 }
}

/**
 * Net, VAT and gross overall and per payer. VAT is computed on each payer's net sum per rate,
 * not per line, because each payer gets its own invoice and the tax on an invoice is computed
 * on its total; the overall VAT is the sum of the payers' VAT so everything reconciles.
 */
export function totalsOf(lines: readonly TotalsLine[]): Totals {
  const netByPayerAndRate = new Map<Payer, Map<number, Fen>>()
  for (const line of lines) {
    assertSafeInteger('amountFen', line.amountFen)
    const byRate = netByPayerAndRate.get(line.payer) ?? new Map<number, Fen>()
    byRate.set(line.vatRateBp, sumFen([byRate.get(line.vatRateBp) ?? 0, line.amountFen]))
    netByPayerAndRate.set(line.payer, byRate)
  }

  const byPayer = Object.fromEntries(PAYERS.map((p) => [p, emptyTotals()])) as Record<Payer, PayerTotals>
  for (const [payer, byRate] of netByPayerAndRate) {
    const netFen = sumFen(byRate.values())
    const vatFen = sumFen([...byRate].map(([rateBp, net]) => vatOnNet(net, rateBp)))
    byPayer[payer] = { netFen, vatFen, grossFen: sumFen([netFen, vatFen]) }
  }
  const payerTotals = PAYERS.map((p) => byPayer[p])
  const netFen = sumFen(payerTotals.map((t) => t.netFen))
  const vatFen = sumFen(payerTotals.map((t) => t.vatFen))
  return { netFen, vatFen, grossFen: sumFen([netFen, vatFen]), byPayer }
}

// Both languages write renminbi the same way today; kept as a table so a locale can differ later.
const FORMATS: Record<MoneyLocale, { symbol: string; group: string; decimal: string }> = {
  'zh-CN': { symbol: '¥', group: ',', decimal: '.' },
  en: { symbol: '¥', group: ',', decimal: '.' },
}

/** `123450` → `¥1,234.50`; negatives as `-¥12.00`. */
export function formatFen(fen: Fen, locale: MoneyLocale): string {
  assertSafeInteger('fen', fen)
  const { symbol, group, decimal } = FORMATS[locale]
  const magnitude = Math.abs(fen)
  const yuan = Math.floor(magnitude / 100)
  const cents = String(magnitude % 100).padStart(2, '0')
  const grouped = String(yuan).replace(/\B(?=(\d{3})+$)/g, group)
  return `${fen < 0 ? '-' : ''}${symbol}${grouped}${decimal}${cents}`
}

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0C\uFF0E\uFF0D]/g
const AMOUNT = /^(-?)¥?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/

/**
 * Parses a yuan amount as typed (`1234.5`, `1,234.50`, `¥1234`, `￥１２３４`, `1234元`) into fen.
 * Returns null for anything else, including more than two decimals, rather than guessing.
 */
export function parseYuanToFen(text: string): Fen | null {
  const cleaned = text
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\uFFE5/g, '¥')
    .trim()
    // Spaces after the sign or symbol are harmless; spaces between digits may hide a typo.
    .replace(/^(-?)\s*(¥?)\s*/, '$1$2')
    .replace(/\s*元$/, '')
  const match = AMOUNT.exec(cleaned)
  if (!match) return null
  const [, sign, whole = '', fraction = ''] = match
  const fen = BigInt(whole.replace(/,/g, '')) * 100n + BigInt(fraction.padEnd(2, '0'))
  const value = Number(sign === '-' ? -fen : fen)
  return Number.isSafeInteger(value) ? value : null
}
