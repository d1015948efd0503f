import type { Payer } from './payer'

// The customer's settlement statement (结算单) speaks of the customer's own money: what the
// customer's invoice comes to, what the customer paid and still owes. Warranty (the maker),
// insurance (the insurer), internal and campaign invoices are listed apart — they are settled
// with the dealership by those payers and are never "unpaid by the customer".

export interface StatementInvoice {
  payer: Payer
  kind: 'invoice' | 'credit'
  state: 'issued' | 'reversed'
  grossFen: number
  discountFen: number
  paidFen: number
  balanceFen: number
}

export interface PayerSums {
  grossFen: number
  discountFen: number
  paidFen: number
  balanceFen: number
}

const zero = (): PayerSums => ({ grossFen: 0, discountFen: 0, paidFen: 0, balanceFen: 0 })

function add(s: PayerSums, i: StatementInvoice): PayerSums {
  return { grossFen: s.grossFen + i.grossFen, discountFen: s.discountFen + i.discountFen, paidFen: s.paidFen + i.paidFen, balanceFen: s.balanceFen + i.balanceFen }
}

/** The standing invoices split into the customer's own sums and every other payer's, each apart. */
export function statementByPayer(invoices: readonly StatementInvoice[]): { customer: PayerSums; others: { payer: Payer; sums: PayerSums }[] } {
  const standing = invoices.filter((i) => i.kind === 'invoice' && i.state === 'issued')
  let customer = zero()
  const others = new Map<Payer, PayerSums>()
  for (const i of standing) {
    if (i.payer === 'customer') customer = add(customer, i)
    else others.set(i.payer, add(others.get(i.payer) ?? zero(), i))
  }
  return { customer, others: [...others].map(([payer, sums]) => ({ payer, sums })) }
}
