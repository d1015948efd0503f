import type { domain as zh } from '../zh-CN/domain'

export const domain = {
  'vin.length': 'A VIN has 17 characters',
  'vin.chars': 'A VIN has only letters and digits, and never I, O or Q',
  'vin.checkDigit': 'The check digit (9th character) of the VIN is wrong; please check for a typo',
  'plate.invalid': 'Invalid plate number, e.g. 京A12345 or new-energy 粤BD12345',
  'phone.invalid': 'Invalid phone number; enter an 11-digit mobile or a landline with area code (e.g. 010-12345678)',

  'roState.estimate': 'Estimate',
  'roState.authorised': 'Authorised',
  'roState.in_progress': 'In progress',
  'roState.quality_check': 'Quality check',
  'roState.ready': 'Ready',
  'roState.settled': 'Settled',
  'roState.delivered': 'Delivered',
  'roState.cancelled': 'Cancelled',

  'roAction.authorise': 'Record authorisation',
  'roAction.revise': 'Revise estimate',
  'roAction.start_work': 'Start work',
  'roAction.submit_qc': 'Submit for quality check',
  'roAction.qc_pass': 'Pass quality check',
  'roAction.qc_fail': 'Fail quality check',
  'roAction.settle': 'Settle',
  'roAction.deliver': 'Deliver',
  'roAction.cancel': 'Cancel order',

  'payer.customer': 'Customer',
  'payer.warranty': 'Warranty',
  'payer.insurance': 'Insurance',
  'payer.internal': 'Internal',
  'payer.campaign': 'Campaign',

  'roType.maintenance': 'Maintenance',
  'roType.repair': 'Repair',
  'roType.warranty': 'Warranty',
  'roType.insurance': 'Insurance / accident',
  'roType.internal': 'Internal',
  'roType.campaign': 'Recall / campaign',
  // The state machine's gates (ro-gates.ts): why an action is refused, and what to do.
  'roGate.hasLines': 'Repair order {number} has no lines yet, so there is nothing to authorise',
  'roGate.jobsFinished': 'Repair order {number} still has {jobs} unfinished job(s): finish or decline them first',
  'roGate.noClockRunning': 'Repair order {number} still has {clocks} job clock(s) running: clock off first',
  'roGate.noAdditionalAwaiting': 'Repair order {number} has {additional} additional work item(s) waiting for the customer: record the decision first',
  'roGate.partsIssued': 'Repair order {number} has {count} part line(s) not issued: {parts}. Issue them at the parts counter first, or a supervisor settles with a reason',
  'roGate.noPartsOnRo': 'Repair order {number} still holds issued parts ({issued}): return them at the parts counter first',
  'roGate.customerPaid': 'The customer still owes ¥{balance}: take the payment first, or someone allowed releases the car on credit',
} as const satisfies Record<keyof typeof zh, string>
