import { describe, expect, it } from 'vitest'
import { statementByPayer, type StatementInvoice } from './statement'

const inv = (payer: StatementInvoice['payer'], grossFen: number, paidFen: number, more: Partial<StatementInvoice> = {}): StatementInvoice => ({
  payer,
  kind: 'invoice',
  state: 'issued',
  grossFen,
  discountFen: 0,
  paidFen,
  balanceFen: grossFen - paidFen,
  ...more,
})

describe('the settlement statement per payer', () => {
  it('counts only the customer’s own invoice as what the customer owes; warranty and internal are listed apart', () => {
    // The case: the customer paid in full; warranty and internal invoices of ¥976.70 are open.
    const s = statementByPayer([inv('customer', 33_900, 33_900), inv('warranty', 65_540, 0), inv('internal', 32_130, 0)])
    expect(s.customer).toEqual({ grossFen: 33_900, discountFen: 0, paidFen: 33_900, balanceFen: 0 })
    expect(s.others).toEqual([
      { payer: 'warranty', sums: { grossFen: 65_540, discountFen: 0, paidFen: 0, balanceFen: 65_540 } },
      { payer: 'internal', sums: { grossFen: 32_130, discountFen: 0, paidFen: 0, balanceFen: 32_130 } },
    ])
    expect(s.others.reduce((n, o) => n + o.sums.balanceFen, 0)).toBe(97_670)
  })

  it('leaves reversed invoices and credit notes out, and sums a customer who still owes', () => {
    const s = statementByPayer([
      inv('customer', 50_000, 50_000, { state: 'reversed' }),
      inv('customer', -50_000, -50_000, { kind: 'credit' }),
      inv('customer', 48_000, 20_000, { discountFen: 2_000 }),
      inv('insurance', 80_000, 0),
    ])
    expect(s.customer).toEqual({ grossFen: 48_000, discountFen: 2_000, paidFen: 20_000, balanceFen: 28_000 })
    expect(s.others.map((o) => o.payer)).toEqual(['insurance'])
  })

  it('has no customer money when the customer pays nothing', () => {
    expect(statementByPayer([inv('warranty', 10_000, 0)]).customer.balanceFen).toBe(0)
  })
})
