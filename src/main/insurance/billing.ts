import type { Ctx } from '../api/context'
import { AppError } from '../api/app-error'
import { totalsOf, type PayerTotals } from '../../shared/domain/money'
import type { Payer } from '../../shared/domain/payer'
import { claimOfRo, splitOf, type SplitLineRow } from './claim-data'

// What settlement bills per payer: the lines' own payers, or, on an RO with an insurance claim,
// the insurer/customer split of the assessment (定损). Settling needs the claim assessed and every
// line the insurer is billed for assessed; the insurer and report number come from the claim.

export interface BillingTotals {
  byPayer: Record<Payer, PayerTotals>
  insurance: { insurer: string; claimNo: string; assessed: boolean } | null
}

export function billingTotals(ctx: Ctx, roId: number, lines: readonly SplitLineRow[], o: { forSettle: boolean }): BillingTotals {
  const claim = claimOfRo(ctx, roId)
  if (!claim) return { byPayer: totalsOf(lines.map((l) => ({ amountFen: l.amount_fen, vatRateBp: l.vat_rate_bp, payer: l.payer }))).byPayer, insurance: null }
  const split = splitOf(ctx, claim, lines)
  if (o.forSettle) {
    if (claim.assessed_on === null) throw new AppError('INVALID_STATE', 'insurance.notAssessed', { reportNo: claim.report_no })
    const missing = lines.filter((l, i) => l.payer === 'insurance' && split.lines[i]!.assessedFen === null).map((l) => l.position)
    if (missing.length > 0) throw new AppError('INVALID_STATE', 'insurance.lineNotAssessed', { lines: missing.join(', ') })
  }
  return { byPayer: split.byPayer, insurance: { insurer: claim.insurer, claimNo: claim.report_no, assessed: claim.assessed_on !== null } }
}
