import type { Ctx } from '../../api/context'
import type { ClaimState } from '../../../shared/domain/warranty'
import { yuan } from '../../../shared/format/numbers'
import { first } from '../../store/query'
import { claimSharesOfRo, warrantyInvoiceOfRo, type WarrantyInvoice } from '../claim-ledger'
import type { LineError, PaymentLine } from './rows'

// Matching the payment list's lines to claims by claim number: what each claim claims in the
// ledger (its share of the RO's warranty invoice), what the maker paid, and the difference. A line
// for a claim already paid with the same amount is `same` (importing the list again changes
// nothing); anything that cannot be applied is a bad line with its number and reason.

/** The maker's payment is taken on a claim it approved, or on one still awaiting its decision. */
const PAYABLE: readonly ClaimState[] = ['submitted', 'resubmitted', 'approved']

export interface PlannedLine {
  line: PaymentLine
  action: 'pay' | 'same'
  claim: { id: number; number: string; state: ClaimState; version: number; roId: number; roNumber: string; approvedFen: number | null }
  invoice: WarrantyInvoice
  claimedFen: number
  differenceFen: number
}

export interface PaymentPlan {
  lines: PlannedLine[]
  errors: LineError[]
}

export function planPayments(ctx: Ctx, lines: readonly PaymentLine[], errors: LineError[] = []): PaymentPlan {
  const planned: PlannedLine[] = []
  const seen = new Map<string, number>()
  const invoices = new Map<number, WarrantyInvoice>()
  const shares = new Map<number, Map<number, number>>()
  for (const line of lines) {
    const fail = (key: string, params: Record<string, string | number>, field: LineError['field'] = 'claimNumber') => errors.push({ line: line.line, field, key, params })
    const number = line.claimNumber
    const earlier = seen.get(number)
    if (earlier !== undefined) {
      fail('warranty.payments.duplicateClaim', { number, first: earlier })
      continue
    }
    seen.set(number, line.line)
    const claim = first(
      ctx.store,
      ctx.store.db
        .selectFrom('warranty_claims as c')
        .innerJoin('repair_orders as r', 'r.id', 'c.ro_id')
        .select(['c.id', 'c.number', 'c.state', 'c.version', 'c.ro_id', 'r.number as ro_number', 'c.approved_fen'])
        .where('c.number', '=', number),
    )
    if (!claim) {
      fail('warranty.payments.unknownClaim', { number })
      continue
    }
    let invoice = invoices.get(claim.ro_id) ?? warrantyInvoiceOfRo(ctx, claim.ro_id)
    if (!invoice) {
      fail('warranty.payments.notInvoiced', { number, ro: claim.ro_number })
      continue
    }
    invoices.set(claim.ro_id, invoice)
    const roShares = shares.get(claim.ro_id) ?? claimSharesOfRo(ctx, claim.ro_id, invoice.gross_fen)
    shares.set(claim.ro_id, roShares)
    const head = { id: claim.id, number: claim.number, state: claim.state, version: claim.version, roId: claim.ro_id, roNumber: claim.ro_number, approvedFen: claim.approved_fen }
    const recorded = first(ctx.store, ctx.store.db.selectFrom('warranty_claim_payments').select(['paid_fen', 'claimed_fen']).where('claim_id', '=', claim.id))
    if (recorded) {
      if (recorded.paid_fen === line.paidFen) {
        planned.push({ line, action: 'same', claim: head, invoice, claimedFen: recorded.claimed_fen, differenceFen: recorded.claimed_fen - recorded.paid_fen })
      } else {
        fail('warranty.payments.alreadyPaid', { number, paid: yuan(recorded.paid_fen) }, 'paid')
      }
      continue
    }
    const claimedFen = roShares.get(claim.id) ?? 0
    if (claim.state === 'rejected') {
      // A rejected claim's line can only say the maker paid nothing: the claim is written off.
      if (line.paidFen > 0) {
        fail('warranty.payments.rejectedPaid', { number, paid: yuan(line.paidFen) }, 'paid')
        continue
      }
    } else if (!PAYABLE.includes(claim.state)) {
      fail('warranty.payments.notPayable', { number, state: `warranty.state.${claim.state}` }, 'claimNumber')
      continue
    }
    if (line.paidFen > claimedFen) {
      fail('warranty.payments.overClaimed', { number, paid: yuan(line.paidFen), claimed: yuan(claimedFen) }, 'paid')
      continue
    }
    const open = invoice.gross_fen - invoice.paid_fen - invoice.written_off_fen
    if (claimedFen > open) {
      fail('warranty.payments.overBalance', { number, invoice: invoice.number, claimed: yuan(claimedFen), balance: yuan(open) }, 'paid')
      continue
    }
    // Later lines of the same invoice see what this line will take.
    invoice = { ...invoice, paid_fen: invoice.paid_fen + line.paidFen, written_off_fen: invoice.written_off_fen + (claimedFen - line.paidFen) }
    invoices.set(claim.ro_id, invoice)
    planned.push({ line, action: 'pay', claim: head, invoice, claimedFen, differenceFen: claimedFen - line.paidFen })
  }
  return { lines: planned, errors }
}
