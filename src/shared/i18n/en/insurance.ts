import type { insurance as zh } from '../zh-CN/insurance'

// Insurance ROs: the claim, the loss assessment and supplements, the insurer/customer split, the
// insurers' receivables and the month-end collection list.
export const insurance: Record<keyof typeof zh, string> = {
  'permission.insurance.write': 'Insurance ROs: insurer, policy, report number, deductible, loss assessment and supplements',
  'entity.insuranceClaim': 'insurance claim',
  'audit.entity.insurance_claim': 'Insurance claim',
  'audit.action.insurance.open': 'Insurance claim opened',
  'audit.action.insurance.change': 'Insurance claim changed',
  'audit.action.insurance.save': 'Insurance claim saved',
  'audit.action.insurance.supplement': 'Supplementary assessment',
  'audit.field.reportNo': 'Report no.',
  'audit.field.deductibleFen': 'Deductible',
  'audit.field.assessedOn': 'Assessed on',
  'audit.field.assessedFen': 'Assessed amount',
  'audit.field.previousDeductibleFen': 'Previous deductible',
  'audit.field.previousAssessedOn': 'Previously assessed on',
  'audit.field.position': 'Line',
  'audit.field.supplementId': 'Supplement',
  'insuranceReason.refused': 'Refused by the insurer',
  'insuranceReason.betterment': 'Betterment',

  'insurance.badDate': 'Date as YYYY-MM-DD',
  'insurance.duplicateLine': 'The same line is assessed twice',
  'insurance.assessedBeforeArrival': 'The assessment cannot be before the car arrived',
  'insurance.amountZero': 'The amount must be more than 0',
  'insurance.notInsuranceRo': 'RO {number} is not an insurance RO',
  'insurance.locked': 'RO {number} is {state}; its assessment can no longer change',
  'insurance.futureDate': '{date} is in the future',
  'insurance.lineNotInsurer': 'Line {position} is not billed to the insurer',
  'insurance.lineNotOnRo': 'Line {lineId} is not on this RO (reload the RO: its lines have changed)',
  'insurance.lineAssessedCannotGo': 'Line {position} “{description}” has an assessed amount on claim {reportNo}; take it out of the assessment before removing the line',
  'insurance.lineSupplementedCannotGo': 'Line {position} “{description}” has a supplement on claim {reportNo}; the line stays on the RO (change its quantity or price instead)',
  'insurance.supplementBeforeAssessment': 'Claim {reportNo} has no assessment yet; a supplement comes after it',
  'insurance.supplementBeforeFirst': 'The supplement on {date} is before the first assessment on {assessedOn}',
  'insurance.notAssessed': 'Claim {reportNo} is not assessed yet; it cannot be settled',
  'insurance.lineNotAssessed': 'Insurance line(s) {lines} have no assessed amount; the RO cannot be settled',

  'ruleKind.insurance_assessment_overdue': 'Insurance assessment overdue',
  'ruleHelp.insurance_assessment_overdue': 'The loss assessment is due within the given days of the car’s arrival',
  'alert.insuranceAssessmentOverdue': '{number} {insurer} claim {reportNo}: arrived {arrivedOn}, assessment due within {days} days (by {due}), {late} days late',

  'ins.settle.fromClaim': 'Billed by the assessment: {insurer} claim {claimNo} (insurer and customer split as assessed)',
  'ins.settle.notAssessed': 'Claim {claimNo} ({insurer}) is not assessed yet; it can be settled once assessed',
}
