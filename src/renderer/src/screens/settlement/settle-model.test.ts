import { describe, expect, it } from 'vitest'
import { firstPayment, followInvoices, settleModel, type PaymentDraft } from './settle-model'

// A customer labour line of ¥300 and a warranty part of ¥200, both at 13 % VAT.
const LINES = [
  { amountFen: 30_000, vatRateBp: 1300, payer: 'customer' as const },
  { amountFen: 20_000, vatRateBp: 1300, payer: 'warranty' as const },
]
const pay = (payer: PaymentDraft['payer'], amountFen: number, key = 1): PaymentDraft => ({ key, payer, method: 'cash', amountFen, reference: '' })

describe('the settle form model', () => {
  it('shows one invoice per payer and leaves what is not paid open as that payer’s receivable', () => {
    const m = settleModel(LINES, {}, [pay('customer', 20_000)], 500)
    expect(m.lines.map((l) => [l.payer, l.draft.grossFen, l.paidFen, l.openFen])).toEqual([
      ['customer', 33_900, 20_000, 13_900],
      ['warranty', 22_600, 0, 22_600],
    ])
    expect(m).toMatchObject({ grossFen: 56_500, paidFen: 20_000, openFen: 36_500, discountFen: 0 })
  })

  it('takes a discount off the payer’s gross with its share of VAT and shows the cap', () => {
    const m = settleModel(LINES, { customer: 1_130 }, [], 500)
    const customer = m.lines[0]!
    expect(customer.draft).toMatchObject({ grossBeforeFen: 33_900, discountFen: 1_130, grossFen: 32_770, vatFen: 3_770, netFen: 29_000 })
    expect(customer.capFen).toBe(1_695)
    expect(customer.overCap).toBe(false)
  })

  it('flags a discount over the cap and one larger than the bill without applying the latter', () => {
    const over = settleModel(LINES, { customer: 1_696 }, [], 500).lines[0]!
    expect(over.overCap).toBe(true)
    const huge = settleModel(LINES, { warranty: 50_000 }, [], 500).lines[1]!
    expect(huge.tooLarge).toBe(true)
    expect(huge.draft.grossFen).toBe(22_600)
  })

  it('flags paying more than an invoice by card and payments for a payer without an invoice', () => {
    const m = settleModel(LINES, {}, [{ ...pay('customer', 40_000), method: 'wechat_pay' }, pay('insurance', 100, 2)], 500)
    expect(m.lines[0]!.overpaid).toBe(true)
    expect(m.strayPayments).toBe(1)
  })

  it('gives change for cash beyond the invoice instead of refusing it, also after a card payment', () => {
    const m = settleModel(LINES, {}, [pay('customer', 40_000)], 500)
    expect(m.lines[0]).toMatchObject({ overpaid: false, paidFen: 33_900, openFen: 0, changeFen: 6_100 })
    const mixed = settleModel(LINES, {}, [{ ...pay('customer', 20_000), method: 'bank_card' }, pay('customer', 15_000, 2)], 500)
    expect(mixed.lines[0]).toMatchObject({ overpaid: false, paidFen: 33_900, changeFen: 1_100 })
    expect(mixed.changeFen).toBe(1_100)
  })

  it('starts with the customer’s whole bill in cash, or with nothing when the customer pays nothing', () => {
    const drafts = settleModel(LINES, {}, [], 500).lines.map((l) => l.draft)
    expect(firstPayment(drafts)).toEqual([{ key: 1, payer: 'customer', method: 'cash', amountFen: 33_900, reference: '', follow: true }])
    expect(firstPayment(drafts.filter((d) => d.payer !== 'customer'))).toEqual([])
  })

  it('keeps a proposed payment equal to the discounted invoice, but never changes a typed amount', () => {
    const proposed = firstPayment(settleModel(LINES, {}, [], 500).lines.map((l) => l.draft))
    const typed = { ...pay('customer', 10_000, 2) }
    const after = followInvoices([...proposed, typed], settleModel(LINES, { customer: 1_130 }, [], 500))
    expect(after.map((p) => p.amountFen)).toEqual([32_770, 10_000])
  })
})
