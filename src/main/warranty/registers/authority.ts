import type { Ctx } from '../../api/context'
import { first } from '../../store/query'

/**
 * The best approved over-authority request covering a claim: linked to the claim itself, or to its
 * RO without naming another claim. Approved means the maker's decision was approval (closed after
 * approval still counts; a rejection leaves no approved amount). Highest approved amount first.
 */
export function approvedAuthority(ctx: Ctx, claimId: number, roId: number) {
  return first(
    ctx.store,
    ctx.store.db
      .selectFrom('warranty_registers')
      .select(['id', 'number', 'approved_fen'])
      .where('kind', '=', 'over_authority')
      .where('state', 'in', ['approved', 'closed'])
      .where('approved_fen', 'is not', null)
      .where((eb) => eb.or([eb('claim_id', '=', claimId), eb.and([eb('claim_id', 'is', null), eb('ro_id', '=', roId)])]))
      .orderBy('approved_fen', 'desc')
      .limit(1),
  )
}
