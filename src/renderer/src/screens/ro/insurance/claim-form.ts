import type { InputOf } from '../../../../../shared/contract/types'
import type { Contract } from '../../../../../shared/contract'
import type { CustomerShareReason } from '../../../../../shared/domain/insurance'
import { fenToYuanText, yuanTextToFen } from '../../../format'
import type { InsuranceViewT } from './types'

// The claim form's values (money as typed yuan text, dates as YYYY-MM-DD text) and the
// `insurance.save` input made from them.

export interface ClaimFormValues {
  insurer: string
  policyNo: string
  reportNo: string
  insuredName: string
  deductibleFen: string
  assessor: string
  reportedOn: string
  arrivedOn: string
  assessedOn: string
  note: string
  /** Per RO line id: the assessed amount typed ('' for not assessed) and the reason. */
  assessed: Record<string, string>
  reason: Record<string, CustomerShareReason>
}

export function formValuesOf(view: InsuranceViewT, today: string): ClaimFormValues {
  const c = view.claim
  const assessed: Record<string, string> = {}
  const reason: Record<string, CustomerShareReason> = {}
  for (const l of view.lines) {
    if (l.payer !== 'insurance') continue
    // The form holds the first assessment; supplements are their own records on top of it.
    assessed[l.lineId] = l.assessedFen === null ? '' : fenToYuanText(l.assessedFen - l.supplementFen)
    reason[l.lineId] = l.reason ?? 'refused'
  }
  return {
    insurer: c?.insurer ?? '',
    policyNo: c?.policyNo ?? '',
    reportNo: c?.reportNo ?? '',
    insuredName: c?.insuredName ?? view.ro.customerName,
    deductibleFen: fenToYuanText(c?.deductibleFen ?? 0),
    assessor: c?.assessor ?? '',
    reportedOn: c?.reportedOn ?? today,
    arrivedOn: c?.arrivedOn ?? view.ro.openedAt.slice(0, 10),
    assessedOn: c?.assessedOn ?? '',
    note: c?.note ?? '',
    assessed,
    reason,
  }
}

export function saveInputOf(view: InsuranceViewT, v: ClaimFormValues): InputOf<Contract['insurance.save']> {
  const lines = view.lines
    .filter((l) => l.payer === 'insurance' && (v.assessed[l.lineId] ?? '').trim() !== '')
    .map((l) => ({ lineId: l.lineId, assessedFen: yuanTextToFen(v.assessed[l.lineId] ?? '') ?? 0, reason: v.reason[l.lineId] ?? 'refused' }))
  return {
    roId: view.ro.id,
    version: view.claim?.version ?? 0,
    insurer: v.insurer,
    policyNo: v.policyNo,
    reportNo: v.reportNo,
    insuredName: v.insuredName,
    deductibleFen: yuanTextToFen(v.deductibleFen) ?? 0,
    assessor: v.assessor,
    reportedOn: v.reportedOn,
    arrivedOn: v.arrivedOn,
    assessedOn: v.assessedOn.trim() === '' ? null : v.assessedOn.trim(),
    note: v.note,
    lines,
  }
}
