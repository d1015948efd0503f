import type { Ctx } from '../api/context'
import { addDays } from '../../shared/domain/calendar'
import { RULE_PARAMS } from '../../shared/domain/rules'
import { ruleByKind } from '../rules/catalog'
import { roHeadOf, roLinesOf } from './ro-of'
import { claimOfRo, splitOf, supplementsOf, type ClaimRow } from './claim-data'
import type { InsuranceViewOut } from './types'

// The insurance view on an RO (保险定损): the claim, every line with what the assessor agreed and
// how it splits between the insurer and the customer, the supplements, and the two invoices
// settlement will issue from the split.

/** The assessment rule's days (定损时限): the claim's due date is arrival plus these. */
export function assessmentDays(ctx: Ctx): number {
  return RULE_PARAMS.insurance_assessment_overdue.parse(ruleByKind(ctx.store, ctx.nowIso(), 'insurance_assessment_overdue').params).days
}

/** The due date a claim arriving on `arrivedOn` is given today: kept on the claim from then on. */
export function assessmentDueOf(ctx: Ctx, arrivedOn: string): { days: number; dueOn: string } {
  const days = assessmentDays(ctx)
  return { days, dueOn: addDays(arrivedOn, days) }
}

function claimOut(claim: ClaimRow): NonNullable<InsuranceViewOut['claim']> {
  const due = claim.assessment_due_on
  return {
    id: claim.id,
    version: claim.version,
    insurer: claim.insurer,
    policyNo: claim.policy_no,
    reportNo: claim.report_no,
    insuredName: claim.insured_name,
    deductibleFen: claim.deductible_fen,
    assessor: claim.assessor,
    reportedOn: claim.reported_on,
    arrivedOn: claim.arrived_on,
    assessedOn: claim.assessed_on,
    note: claim.note,
    assessmentDueOn: due,
    assessmentDays: claim.assessment_days,
    assessedLate: claim.assessed_on === null ? null : claim.assessed_on > due,
  }
}

export function getInsuranceView(ctx: Ctx, roId: number): InsuranceViewOut {
  const ro = roHeadOf(ctx, roId)
  const lines = roLinesOf(ctx, roId)
  const claim = claimOfRo(ctx, roId)
  const split = claim ? splitOf(ctx, claim, lines) : null
  const zero = { netFen: 0, vatFen: 0, grossFen: 0 }
  return {
    ro: { id: ro.id, number: ro.number, state: ro.state, plate: ro.plate, customerName: ro.customer_name, openedAt: ro.opened_at, grossFen: ro.gross_fen },
    claim: claim ? claimOut(claim) : null,
    lines: lines.map((l, i) => {
      const s = split?.lines[i]
      return {
        lineId: l.id,
        position: l.position,
        kind: l.kind,
        description: l.description,
        payer: l.payer,
        amountFen: l.amount_fen,
        vatRateBp: l.vat_rate_bp,
        assessedFen: s?.assessedFen ?? null,
        supplementFen: s?.supplementFen ?? 0,
        insurerFen: s?.insurerFen ?? 0,
        customerFen: s?.customerFen ?? 0,
        deductibleFen: s?.deductibleFen ?? 0,
        reason: s?.reason ?? null,
      }
    }),
    supplements: claim
      ? supplementsOf(ctx, claim.id).map((s) => ({ id: s.id, lineId: s.ro_line_id, position: s.position, description: s.description, assessedOn: s.assessed_on, amountFen: s.amount_fen, note: s.note, byName: s.display_name, at: s.created_at }))
      : [],
    split: {
      insurer: split?.byPayer.insurance ?? zero,
      customer: split?.byPayer.customer ?? zero,
      deductibleAppliedFen: split?.deductibleAppliedFen ?? 0,
      roGrossFen: ro.gross_fen,
    },
    editable: !['settled', 'delivered', 'cancelled'].includes(ro.state),
  }
}
