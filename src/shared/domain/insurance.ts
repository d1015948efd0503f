// Insurance ROs (保险/事故): the insurer pays what its assessor agreed (定损) per line, plus any
// supplement (追加定损), never more than the line comes to; the rest of a line is the customer's
// (betterment 折旧/以新换旧, or refused 拒赔), and the deductible (免赔) is moved from the insurer's
// share to the customer's, line by line in order. Settlement issues both invoices from this split.
import { totalsOf, type Fen, type PayerTotals, type TotalsLine } from './money'
import type { Payer } from './payer'

/** Why part of a line is the customer's rather than the insurer's. */
export const CUSTOMER_SHARE_REASONS = ['refused', 'betterment'] as const
export type CustomerShareReason = (typeof CUSTOMER_SHARE_REASONS)[number]

/** Days from the car's arrival within which the assessment is due (rule parameter default). */
export const DEFAULT_ASSESSMENT_DAYS = 3

export interface SplitInputLine extends TotalsLine {
  lineId: number
}

export interface LineAssessment {
  lineId: number
  assessedFen: Fen
  reason: CustomerShareReason
}

export interface SupplementAmount {
  lineId: number
  amountFen: Fen
}

export interface LineSplit {
  lineId: number
  amountFen: Fen
  /** Assessed plus supplements; null for a line the insurer does not pay (another payer). */
  assessedFen: Fen | null
  supplementFen: Fen
  insurerFen: Fen
  customerFen: Fen
  /** Of customerFen, what the deductible moved over. */
  deductibleFen: Fen
  reason: CustomerShareReason | null
}

export interface ClaimSplit {
  lines: LineSplit[]
  deductibleAppliedFen: Fen
  /** Net per payer after the split: the insurer's and the customer's invoices are built from it. */
  byPayer: Record<Payer, PayerTotals>
}

/**
 * Splits an insurance RO's lines. Only lines billed to the insurer are split; a line with no
 * assessment and no supplement is the customer's in full (reason refused). Net amounts only: VAT
 * is then taken per invoice as `totalsOf` does. The insurer's VAT is computed on its own net per
 * rate; the customer's is what is left of the RO's VAT, so the two invoices add up to the RO's
 * gross to the fen (they may differ by one fen from a separate computation, never in total).
 */
export function splitClaim(
  lines: readonly SplitInputLine[],
  assessments: readonly LineAssessment[],
  supplements: readonly SupplementAmount[],
  deductibleFen: Fen,
): ClaimSplit {
  const assessed = new Map(assessments.map((a) => [a.lineId, a]))
  const supplementOf = new Map<number, Fen>()
  for (const s of supplements) supplementOf.set(s.lineId, (supplementOf.get(s.lineId) ?? 0) + s.amountFen)
  let deductibleLeft = Math.max(0, deductibleFen)
  const split: LineSplit[] = lines.map((l) => {
    if (l.payer !== 'insurance') {
      return { lineId: l.lineId, amountFen: l.amountFen, assessedFen: null, supplementFen: 0, insurerFen: 0, customerFen: 0, deductibleFen: 0, reason: null }
    }
    const a = assessed.get(l.lineId)
    const supplementFen = supplementOf.get(l.lineId) ?? 0
    const agreed = (a?.assessedFen ?? 0) + supplementFen
    const beforeDeductible = Math.max(0, Math.min(l.amountFen, agreed))
    const deductible = Math.min(deductibleLeft, beforeDeductible)
    deductibleLeft -= deductible
    const insurerFen = beforeDeductible - deductible
    return {
      lineId: l.lineId,
      amountFen: l.amountFen,
      assessedFen: a || supplementFen > 0 ? agreed : null,
      supplementFen,
      insurerFen,
      customerFen: l.amountFen - insurerFen,
      deductibleFen: deductible,
      reason: beforeDeductible < l.amountFen ? (a?.reason ?? 'refused') : null,
    }
  })
  const original = totalsOf(lines)
  const insurerLines: TotalsLine[] = lines.map((l, i) => ({ amountFen: split[i]!.insurerFen, vatRateBp: l.vatRateBp, payer: 'insurance' }))
  const insurer = totalsOf(insurerLines).byPayer.insurance
  const moved = {
    netFen: original.byPayer.insurance.netFen - insurer.netFen,
    vatFen: original.byPayer.insurance.vatFen - insurer.vatFen,
  }
  const customerNet = original.byPayer.customer.netFen + moved.netFen
  const customerVat = original.byPayer.customer.vatFen + moved.vatFen
  const byPayer: Record<Payer, PayerTotals> = {
    ...original.byPayer,
    insurance: insurer,
    customer: { netFen: customerNet, vatFen: customerVat, grossFen: customerNet + customerVat },
  }
  return { lines: split, deductibleAppliedFen: Math.max(0, deductibleFen) - deductibleLeft, byPayer }
}
