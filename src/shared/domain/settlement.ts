// Settlement (结算): one invoice per payer built from the RO's lines exactly as `totalsOf` sums
// them, so the invoices add up to the RO's gross to the fen; a discount is an amount off one
// payer's gross whose VAT share is taken off that invoice's VAT. Payment methods are recorded,
// never processed. Receivables age by whole local days since the invoice was issued.
import { totalsOf, type Fen, type PayerTotals, type TotalsLine } from './money'
import { PAYERS, type Payer } from './payer'
import { mulDivRound } from './stock'

/** How a payment was made; the money itself moves outside the system. */
export const PAYMENT_METHODS = ['cash', 'bank_card', 'wechat_pay', 'alipay', 'transfer'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

/**
 * Discount a cashier may give without `settlement.discount.large`, as a share of the payer's
 * gross. Not a manual figure: a setting (`settlement.discountCapBp`).
 */
export const DEFAULT_DISCOUNT_CAP_BP = 500

export interface InvoiceDraft {
  payer: Payer
  /** What the lines come to for this payer before any discount. */
  grossBeforeFen: Fen
  discountFen: Fen
  netFen: Fen
  vatFen: Fen
  grossFen: Fen
}

export class DiscountTooLarge extends Error {
  constructor(readonly payer: Payer, readonly discountFen: Fen, readonly grossFen: Fen) {
    super(`Discount ${discountFen} exceeds the ${payer} gross ${grossFen}`)
    this.name = 'DiscountTooLarge'
  }
}

/**
 * The invoices of a settlement, in PAYERS order, one for every payer whose lines come to more
 * than zero. Invariant: Σ grossFen + Σ discountFen = totalsOf(lines).grossFen, and for each
 * invoice netFen + vatFen = grossFen.
 */
export function draftInvoices(lines: readonly TotalsLine[], discounts: Partial<Record<Payer, Fen>> = {}): InvoiceDraft[] {
  return draftInvoicesFromTotals(totalsOf(lines).byPayer, discounts)
}

/** The same from totals per payer already made (an insurance RO's insurer/customer split). */
export function draftInvoicesFromTotals(byPayer: Record<Payer, PayerTotals>, discounts: Partial<Record<Payer, Fen>> = {}): InvoiceDraft[] {
  const drafts: InvoiceDraft[] = []
  for (const payer of PAYERS) {
    const before = byPayer[payer]
    const discountFen = discounts[payer] ?? 0
    if (!Number.isSafeInteger(discountFen) || discountFen < 0) throw new RangeError(`discount must be a non-negative integer, got ${discountFen}`)
    if (before.grossFen <= 0) {
      if (discountFen > 0) throw new DiscountTooLarge(payer, discountFen, before.grossFen)
      continue
    }
    if (discountFen > before.grossFen) throw new DiscountTooLarge(payer, discountFen, before.grossFen)
    // The discount carries VAT in the invoice's own proportion, so net and VAT both shrink.
    const vatOff = mulDivRound(discountFen, before.vatFen, before.grossFen)
    const vatFen = before.vatFen - vatOff
    const grossFen = before.grossFen - discountFen
    drafts.push({ payer, grossBeforeFen: before.grossFen, discountFen, netFen: grossFen - vatFen, vatFen, grossFen })
  }
  return drafts
}

/** True when the discount is more than `capBp` of the payer's gross (needs `settlement.discount.large`). */
export function exceedsDiscountCap(discountFen: Fen, grossBeforeFen: Fen, capBp: number): boolean {
  return discountFen * 10_000 > capBp * grossBeforeFen
}

export const AGEING_BUCKETS = ['d0_30', 'd31_60', 'd61_90', 'd90_plus'] as const
export type AgeingBucket = (typeof AGEING_BUCKETS)[number]

/** Whole days between two local dates: date arithmetic lives in the calendar; kept here for the ageing code that reads it from here. */
export { daysBetween } from './calendar'

export function ageingBucket(days: number): AgeingBucket {
  if (days <= 30) return 'd0_30'
  if (days <= 60) return 'd31_60'
  if (days <= 90) return 'd61_90'
  return 'd90_plus'
}
