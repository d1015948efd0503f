import type { UserCtx } from '../api/context'
import { AppError, fieldError } from '../api/app-error'
import type { PaymentMethod } from '../../shared/domain/settlement'
import { evaluateForRo } from '../rules/engine'
import { invoiceById, isOpenInvoice, getSettlementView } from './view'
import { yuan } from '../../shared/format/numbers'
import { applyPayment } from '../../shared/domain/cash-change'
import type { In, Out } from './types'
import { preparedQuery } from '../store/query'

// Payments are recorded against one invoice (the money moves at the till or the bank, not here);
// a partial payment leaves the rest as that payer's receivable. Never more than is still open:
// cash beyond it gives change (找零, tendered and change kept on the payment); other methods refuse.

export interface PayableInvoice {
  id: number
  number: string
  gross_fen: number
  paid_fen: number
  /** A warranty invoice's differences written off by the warranty desk (not payments, but no longer owed). */
  written_off_fen?: number
}

const insertPayment = preparedQuery<{
  invoiceId: number
  method: PaymentMethod
  amountFen: number
  reference: string
  at: string
  userId: number
  tenderedFen: number | null
  changeFen: number
}>()((db, p) =>
  db.insertInto('payments').values({
    invoice_id: p.invoiceId,
    method: p.method,
    amount_fen: p.amountFen,
    reference: p.reference,
    at: p.at,
    user_id: p.userId,
    tendered_fen: p.tenderedFen,
    change_fen: p.changeFen,
  }),
)

export function recordPayment(
  ctx: UserCtx,
  invoice: PayableInvoice,
  payment: { method: PaymentMethod; amountFen: number; reference: string },
  field: string,
): { id: number; appliedFen: number; tenderedFen: number | null; changeFen: number } {
  const balance = invoice.gross_fen - invoice.paid_fen - (invoice.written_off_fen ?? 0)
  const applied = applyPayment(balance, payment)
  if (!applied.ok) {
    throw fieldError('VALIDATION', field, applied.reason, {
      amount: yuan(payment.amountFen),
      number: invoice.number,
      balance: yuan(balance),
      method: `paymentMethod.${payment.method}`,
    })
  }
  const id = Number(
    insertPayment.run(ctx.store, {
      invoiceId: invoice.id,
      method: payment.method,
      amountFen: applied.appliedFen,
      reference: payment.reference,
      at: ctx.nowIso(),
      userId: ctx.user.id,
      tenderedFen: applied.tenderedFen,
      changeFen: applied.changeFen,
    }).lastInsertRowid,
  )
  invoice.paid_fen += applied.appliedFen
  return { id, ...applied }
}

/** A later payment on an open invoice: the rest of the customer's bill, or an insurer's transfer. */
export function payInvoice(ctx: UserCtx, input: In<'settlement.pay'>): Out<'settlement.pay'> {
  const invoice = invoiceById(ctx, input.invoiceId)
  if (!isOpenInvoice(invoice)) {
    throw new AppError('INVALID_STATE', 'settlement.invoiceNotOpen', { number: invoice.number }, { invoiceId: invoice.id })
  }
  const { id: paymentId, appliedFen, tenderedFen, changeFen } = recordPayment(ctx, invoice, input, 'amountFen')
  ctx.audit({
    action: 'settlement.pay',
    entity: 'invoice',
    entityId: invoice.id,
    detail: { paymentId, roId: invoice.ro_id, method: input.method, amountFen: appliedFen, tenderedFen, changeFen, balanceAfterFen: invoice.gross_fen - invoice.paid_fen - invoice.written_off_fen },
  })
  ctx.events.emit({ type: 'settlement.changed', id: invoice.ro_id })
  evaluateForRo(ctx, invoice.ro_id)
  return getSettlementView(ctx, invoice.ro_id)
}
