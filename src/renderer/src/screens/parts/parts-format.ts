import { formatMilli } from '../../../../shared/domain/stock'
import { decimalToMilli } from '../../format'
import { percentFromBp } from '../../../../shared/format/numbers'

// Quantities at the counter are thousandths of a unit; shown as people write them ("1.5", "-2").

export function qty(milli: number): string {
  return formatMilli(milli)
}

/** With a plus sign for stock that came in, so a ledger column reads at a glance. */
export function signedQty(milli: number): string {
  return milli > 0 ? `+${formatMilli(milli)}` : formatMilli(milli)
}

/** Basis points as a percentage with two places: 30 → "0.30%". */
export function percentOfBp(bp: number | null): string {
  return percentFromBp(bp, { fixed: true })
}

/** A typed quantity: a positive decimal with up to three places, else null. */
export function parseQty(text: string): number | null {
  const milli = decimalToMilli(text.normalize('NFKC'))
  return milli !== null && milli > 0 ? milli : null
}

/** Like parseQty but 0 is allowed (a count of an empty shelf, nothing received). */
export function parseCount(text: string): number | null {
  return decimalToMilli(text.normalize('NFKC'))
}
