import { describe, expect, it } from 'vitest'
import { applyPayment, applyPayments } from './cash-change'

describe('taking a payment against an open invoice', () => {
  it.each([
    ['cash, exactly what is open', 'cash', 47_670, { ok: true, appliedFen: 47_670, tenderedFen: null, changeFen: 0 }],
    ['cash, less than is open', 'cash', 20_000, { ok: true, appliedFen: 20_000, tenderedFen: null, changeFen: 0 }],
    ['cash, more than is open: change', 'cash', 50_000, { ok: true, appliedFen: 47_670, tenderedFen: 50_000, changeFen: 2_330 }],
    ['a card, more than is open: refused', 'bank_card', 50_000, { ok: false, reason: 'settlement.overpaymentNonCash', balanceFen: 47_670 }],
    ['WeChat Pay, more than is open: refused', 'wechat_pay', 47_671, { ok: false, reason: 'settlement.overpaymentNonCash', balanceFen: 47_670 }],
  ] as const)('%s', (_, method, amountFen, expected) => {
    expect(applyPayment(47_670, { method, amountFen })).toEqual(expected)
  })

  it('refuses cash when nothing is open at all', () => {
    expect(applyPayment(0, { method: 'cash', amountFen: 100 })).toEqual({ ok: false, reason: 'settlement.overpayment', balanceFen: 0 })
  })

  it('applies several payments in turn, the change coming from the cash that went over', () => {
    const r = applyPayments(47_670, [
      { method: 'alipay', amountFen: 30_000 },
      { method: 'cash', amountFen: 20_000 },
    ])
    expect(r).toMatchObject({ paidFen: 47_670, changeFen: 2_330, refused: null })
    expect(applyPayments(10_000, [{ method: 'cash', amountFen: 10_000 }, { method: 'cash', amountFen: 500 }]).refused).toBe(1)
  })
})
