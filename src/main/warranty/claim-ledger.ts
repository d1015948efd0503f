import type { Ctx } from '../api/context'
import { claimShares } from '../../shared/domain/warranty-money'
import { sql } from 'kysely'
import { all, first } from '../store/query'

// A claim in the settlement ledger: the RO's standing warranty invoice (the receivable from the
// maker, issued when the RO was settled), the claim's share of it, and what was paid and written off.

export interface WarrantyInvoice {
  id: number
  number: string
  ro_id: number
  gross_fen: number
  paid_fen: number
  written_off_fen: number
}

export function warrantyInvoiceOfRo(ctx: Ctx, roId: number): WarrantyInvoice | null {
  return (
    first(
      ctx.store,
      ctx.store.db
        .selectFrom('invoices as i')
        .select([
          'i.id',
          'i.number',
          'i.ro_id',
          'i.gross_fen',
          sql<number>`COALESCE((SELECT SUM(p.amount_fen) FROM payments p WHERE p.invoice_id = ${sql.ref('i.id')}), 0)`.as('paid_fen'),
          sql<number>`COALESCE((SELECT SUM(w.amount_fen) FROM warranty_write_offs w WHERE w.invoice_id = ${sql.ref('i.id')}), 0)`.as('written_off_fen'),
        ])
        .where('i.ro_id', '=', roId)
        .where('i.payer', '=', 'warranty')
        .where('i.kind', '=', 'invoice')
        .where('i.state', '=', 'issued')
        .orderBy('i.id', 'desc'),
    ) ?? null
  )
}

/** Each claim of the RO with its share of the invoice's gross (see `claimShares`). */
export function claimSharesOfRo(ctx: Ctx, roId: number, grossFen: number): Map<number, number> {
  const claims = all(ctx.store, ctx.store.db.selectFrom('warranty_claims').select(['id', 'total_fen']).where('ro_id', '=', roId).orderBy('id'))
  return claimShares(
    grossFen,
    claims.map((c) => ({ id: c.id, totalFen: c.total_fen })),
  )
}

export interface ClaimMoney {
  invoice: { id: number; number: string; grossFen: number; balanceFen: number } | null
  claimedFen: number | null
  paidFen: number | null
  writtenOffFen: number
  disposition: 'write_off' | 'recharge_customer' | 'recharge_internal' | null
  differenceReason: string
  recharge: { id: number; number: string; payer: 'customer' | 'internal'; grossFen: number; balanceFen: number } | null
}

/** The invoice a re-charged difference raised, with what is still open on it (null if reversed or none). */
function rechargeOf(ctx: Ctx, invoiceId: number | null): ClaimMoney['recharge'] {
  if (invoiceId === null) return null
  const row = first(
    ctx.store,
    ctx.store.db
      .selectFrom('invoices as i')
      .select([
        'i.id',
        'i.number',
        'i.payer',
        'i.gross_fen',
        'i.state',
        sql<number>`COALESCE((SELECT SUM(p.amount_fen) FROM payments p WHERE p.invoice_id = ${sql.ref('i.id')}), 0)`.as('paid_fen'),
      ])
      .where('i.id', '=', invoiceId),
  )
  if (!row || (row.payer !== 'customer' && row.payer !== 'internal')) return null
  return { id: row.id, number: row.number, payer: row.payer, grossFen: row.gross_fen, balanceFen: row.state === 'issued' ? row.gross_fen - row.paid_fen : 0 }
}

export function claimMoney(ctx: Ctx, claimId: number, roId: number): ClaimMoney {
  const invoice = warrantyInvoiceOfRo(ctx, roId)
  const payment = first(ctx.store, ctx.store.db.selectFrom('warranty_claim_payments').select(['claimed_fen', 'paid_fen']).where('claim_id', '=', claimId))
  const writeOff = first(ctx.store, ctx.store.db.selectFrom('warranty_write_offs').select(['amount_fen', 'disposition', 'reason', 'recharge_invoice_id']).where('claim_id', '=', claimId))
  const claimed = payment?.claimed_fen ?? (invoice ? (claimSharesOfRo(ctx, roId, invoice.gross_fen).get(claimId) ?? null) : null)
  return {
    invoice: invoice ? { id: invoice.id, number: invoice.number, grossFen: invoice.gross_fen, balanceFen: invoice.gross_fen - invoice.paid_fen - invoice.written_off_fen } : null,
    claimedFen: claimed,
    paidFen: payment?.paid_fen ?? null,
    writtenOffFen: writeOff?.amount_fen ?? 0,
    disposition: writeOff?.disposition ?? null,
    differenceReason: writeOff?.reason ?? '',
    recharge: rechargeOf(ctx, writeOff?.recharge_invoice_id ?? null),
  }
}
