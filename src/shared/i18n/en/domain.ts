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
} as const satisfies Record<keyof typeof zh, string>
