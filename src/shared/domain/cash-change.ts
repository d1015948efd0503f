import type { PaymentMethod } from './settlement'

// Taking payments against one invoice's open balance, in the order they are typed. Cash handed
// over beyond what is open gives change (找零): the invoice gets what was open, the payment keeps
// what was tendered and the change. Any other method cannot give change, so more than is open is
// refused — the cashier keys the exact amount.

export interface PaymentIn {
  method: PaymentMethod
  amountFen: number
}

export type Applied =
  | { ok: true; appliedFen: number; tenderedFen: number | null; changeFen: number }
  | { ok: false; reason: 'settlement.overpayment' | 'settlement.overpaymentNonCash'; balanceFen: number }

/** One payment against `balanceFen` still open on the invoice. */
export function applyPayment(balanceFen: number, payment: PaymentIn): Applied {
  if (payment.amountFen <= balanceFen) return { ok: true, appliedFen: payment.amountFen, tenderedFen: null, changeFen: 0 }
  if (payment.method !== 'cash') return { ok: false, reason: 'settlement.overpaymentNonCash', balanceFen }
  // Nothing open: cash handed over for nothing is not a payment (and has no change to give).
  if (balanceFen <= 0) return { ok: false, reason: 'settlement.overpayment', balanceFen }
  return { ok: true, appliedFen: balanceFen, tenderedFen: payment.amountFen, changeFen: payment.amountFen - balanceFen }
}

/** Several payments in turn against one balance: what each applies, the change, and the first refused. */
export function applyPayments(balanceFen: number, payments: readonly PaymentIn[]): { applied: Applied[]; paidFen: number; changeFen: number; refused: number | null } {
  let open = balanceFen
  let changeFen = 0
  let refused: number | null = null
  const applied = payments.map((p, i) => {
    const a = applyPayment(open, p)
    if (a.ok) {
      open -= a.appliedFen
      changeFen += a.changeFen
    } else if (refused === null) refused = i
    return a
  })
  return { applied, paidFen: balanceFen - open, changeFen, refused }
}
