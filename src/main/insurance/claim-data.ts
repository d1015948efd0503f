import type { Ctx } from '../api/context'
import type { Payer } from '../../shared/domain/payer'
import { splitClaim, type ClaimSplit } from '../../shared/domain/insurance'
import { all, first } from '../store/query'

// An insurance RO's claim as stored: the head, the assessed amount per RO line (by its id) and the
// supplements, and the insurer/customer split of the RO's lines computed from them.

export function claimOfRo(ctx: Ctx, roId: number) {
  return first(
    ctx.store,
    ctx.store.db
      .selectFrom('insurance_claims')
      .select([
        'id',
        'ro_id',
        'insurer',
        'policy_no',
        'report_no',
        'insured_name',
        'deductible_fen',
        'assessor',
        'reported_on',
        'arrived_on',
        'assessed_on',
        'note',
        'version',
        'assessment_days',
        'assessment_due_on',
      ])
      .where('ro_id', '=', roId),
  )
}

export type ClaimRow = NonNullable<ReturnType<typeof claimOfRo>>

export function assessmentsOf(ctx: Ctx, claimId: number) {
  return all(
    ctx.store,
    ctx.store.db
      .selectFrom('insurance_assessment_lines')
      .select(['ro_line_id', 'assessed_fen', 'reason'])
      .where('claim_id', '=', claimId)
      .orderBy('ro_line_id'),
  )
}

export function supplementsOf(ctx: Ctx, claimId: number) {
  return all(
    ctx.store,
    ctx.store.db
      .selectFrom('insurance_supplements as s')
      .innerJoin('users as u', 'u.id', 's.created_by')
      .innerJoin('ro_lines as l', 'l.id', 's.ro_line_id')
      .select(['s.id', 's.ro_line_id', 'l.position', 'l.description', 's.assessed_on', 's.amount_fen', 's.note', 's.created_at', 'u.display_name'])
      .where('s.claim_id', '=', claimId)
      .orderBy('s.id'),
  )
}

export interface SplitLineRow {
  id: number
  position: number
  amount_fen: number
  vat_rate_bp: number
  payer: Payer
}

/** The split of the RO's lines by the claim's assessment, supplements and deductible. */
export function splitOf(ctx: Ctx, claim: ClaimRow, lines: readonly SplitLineRow[]): ClaimSplit {
  const assessed = assessmentsOf(ctx, claim.id).map((a) => ({ lineId: a.ro_line_id, assessedFen: a.assessed_fen, reason: a.reason }))
  const supplements = supplementsOf(ctx, claim.id).map((s) => ({ lineId: s.ro_line_id, amountFen: s.amount_fen }))
  return splitClaim(
    lines.map((l) => ({ lineId: l.id, amountFen: l.amount_fen, vatRateBp: l.vat_rate_bp, payer: l.payer })),
    assessed,
    supplements,
    claim.deductible_fen,
  )
}
