// What the settle form shows while the cashier types: the invoices per payer after discounts
// (the same `draftInvoicesFromTotals` the host settles with, so the screen and the invoice agree to the
// fen), the discount cap, what is paid now and what stays open as each payer's receivable.
import { totalsOf, type Fen, type PayerTotals, type TotalsLine } from '../../../../shared/domain/money'
import { PAYERS, type Payer } from '../../../../shared/domain/payer'
import { draftInvoicesFromTotals, exceedsDiscountCap, type InvoiceDraft, type PaymentMethod } from '../../../../shared/domain/settlement'
import { mulDivRound } from '../../../../shared/domain/stock'
import { applyPayments } from '../../../../shared/domain/cash-change'

export interface PaymentDraft {
  /** Stable key for the row while others are added and removed. */
  key: number
  payer: Payer
  method: PaymentMethod
  amountFen: Fen
  reference: string
  /** Still the amount the form proposed: it follows the payer's invoice while discounts change. */
  follow?: boolean
}

export interface PayerLine {
  payer: Payer
  draft: InvoiceDraft
  /** The most a cashier without the larger-discount permission may give. */
  capFen: Fen
  overCap: boolean
  /** The discount is more than the payer's lines come to. */
  tooLarge: boolean
  paidFen: Fen
  /** Left open as this payer's receivable after the payments typed. */
  openFen: Fen
  /** A non-cash payment beyond what is open (cash beyond it gives change instead). */
  overpaid: boolean
  /** Change to hand back (找零) for cash beyond what is open. */
  changeFen: Fen
}

export interface SettleModel {
  lines: PayerLine[]
  grossFen: Fen
  discountFen: Fen
  paidFen: Fen
  openFen: Fen
  changeFen: Fen
  /** Payments for a payer that has no invoice on this RO. */
  strayPayments: number
}

/**
 * What the host bills per payer, from its undiscounted drafts: on an insurance RO these follow the
 * assessment's insurer/customer split, not the lines' own payers.
 */
export function billedFromDrafts(drafts: readonly InvoiceDraft[]): Record<Payer, PayerTotals> {
  const byPayer = Object.fromEntries(PAYERS.map((p) => [p, { netFen: 0, vatFen: 0, grossFen: 0 }])) as Record<Payer, PayerTotals>
  for (const d of drafts) byPayer[d.payer] = { netFen: d.netFen, vatFen: d.vatFen, grossFen: d.grossFen }
  return byPayer
}

export function settleModel(
  billed: readonly TotalsLine[] | Record<Payer, PayerTotals>,
  discounts: Partial<Record<Payer, Fen>>,
  payments: readonly PaymentDraft[],
  capBp: number,
): SettleModel {
  const byPayer = Array.isArray(billed) ? totalsOf(billed).byPayer : (billed as Record<Payer, PayerTotals>)
  const before = draftInvoicesFromTotals(byPayer)
  // A discount larger than its payer's gross is shown as an error, not applied.
  const usable: Partial<Record<Payer, Fen>> = {}
  for (const d of before) {
    const discount = discounts[d.payer] ?? 0
    if (discount > 0 && discount <= d.grossBeforeFen) usable[d.payer] = discount
  }
  const after = new Map(draftInvoicesFromTotals(byPayer, usable).map((d) => [d.payer, d]))
  const result: PayerLine[] = before.map((b) => {
    const draft = after.get(b.payer) ?? b
    const asked = discounts[b.payer] ?? 0
    // The host's own rule, payment by payment: cash over the open amount gives change.
    const taken = applyPayments(draft.grossFen, payments.filter((p) => p.payer === b.payer && p.amountFen > 0))
    const paidFen = taken.paidFen
    return {
      payer: b.payer,
      draft,
      capFen: mulDivRound(b.grossBeforeFen, capBp, 10_000),
      overCap: exceedsDiscountCap(asked, b.grossBeforeFen, capBp),
      tooLarge: asked > b.grossBeforeFen,
      paidFen,
      openFen: Math.max(0, draft.grossFen - paidFen),
      overpaid: taken.refused !== null,
      changeFen: taken.changeFen,
    }
  })
  const known = new Set(result.map((l) => l.payer))
  return {
    lines: result,
    grossFen: result.reduce((s, l) => s + l.draft.grossFen, 0),
    discountFen: result.reduce((s, l) => s + l.draft.discountFen, 0),
    paidFen: result.reduce((s, l) => s + l.paidFen, 0),
    openFen: result.reduce((s, l) => s + l.openFen, 0),
    changeFen: result.reduce((s, l) => s + l.changeFen, 0),
    strayPayments: payments.filter((p) => !known.has(p.payer)).length,
  }
}

/** The payments row the cashier starts with: the customer's whole bill in cash, when there is one. */
export function firstPayment(drafts: readonly InvoiceDraft[]): PaymentDraft[] {
  const customer = drafts.find((d) => d.payer === 'customer')
  return customer ? [{ key: 1, payer: 'customer', method: 'cash', amountFen: customer.grossFen, reference: '', follow: true }] : []
}

/** Proposed payments move with their payer's invoice when a discount changes; typed ones stay. */
export function followInvoices(payments: readonly PaymentDraft[], model: SettleModel): PaymentDraft[] {
  return payments.map((p) => {
    const line = p.follow ? model.lines.find((l) => l.payer === p.payer) : undefined
    return line ? { ...p, amountFen: line.draft.grossFen } : p
  })
}
