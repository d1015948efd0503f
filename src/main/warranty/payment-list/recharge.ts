import type { UserCtx } from '../../api/context'
import { insertInvoice } from '../../settlement/settle'
import { nextNumber } from '../../settlement/numbers'
import type { DifferenceDisposition } from '../../../shared/domain/warranty-money'
import { rechargeSplit } from '../../../shared/domain/warranty-money'
import { first } from '../../store/query'

// A re-charged difference is money someone owes: what the maker did not pay comes off the maker's
// receivable (the write-off) and the same amount is invoiced in the settlement ledger — to the RO's
// customer (`recharge_customer`, payable at the cashier like the rest of their bill), or to the
// dealership's internal account (`recharge_internal`, an `internal` invoice without a customer, as
// settlement bills internal lines). The new invoice belongs to the RO's standing settlement, so a
// reversal of the settlement credits it with the rest; its VAT is the warranty invoice's in the
// same proportion, so net and VAT of the two invoices still add up to the fen.

export interface RechargeInvoice {
  id: number
  number: string
  payer: 'customer' | 'internal'
}

export function raiseRecharge(ctx: UserCtx, warrantyInvoiceId: number, amountFen: number, disposition: DifferenceDisposition): RechargeInvoice | null {
  if (disposition === 'write_off') return null
  const db = ctx.store.db
  const source = first(
    ctx.store,
    db
      .selectFrom('invoices as i')
      .innerJoin('repair_orders as r', 'r.id', 'i.ro_id')
      .select(['i.settlement_id', 'i.ro_id', 'i.net_fen', 'i.vat_fen', 'i.gross_fen', 'r.customer_id'])
      .where('i.id', '=', warrantyInvoiceId),
  )!
  const payer = disposition === 'recharge_customer' ? 'customer' : 'internal'
  const { netFen, vatFen } = rechargeSplit(amountFen, source)
  const number = nextNumber(ctx, 'INV')
  const id = Number(
    insertInvoice.run(ctx.store, {
      number,
      settlementId: source.settlement_id,
      roId: source.ro_id,
      payer,
      customerId: payer === 'customer' ? source.customer_id : null,
      netFen,
      vatFen,
      grossFen: amountFen,
      discountFen: 0,
      insurer: null,
      claimNo: null,
      issuedAt: ctx.nowIso(),
      issuedBy: ctx.user.id,
    }).lastInsertRowid,
  )
  return { id, number, payer }
}
