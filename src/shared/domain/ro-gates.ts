import type { RoAction } from './ro-state'

// The gates of the RO state machine: what must be true, besides the state, before an action may
// move the order on. The transition table (ro-state.ts) says where an order can go; these say
// when. They are pure functions of facts the main process loads in the same transaction
// (src/main/workshop/ro-gates.ts), so every path to an action — a person's click, the last
// finished job, a test helper — meets the same gate. The table is written out in ro-state.ts.

/** A billed part line whose quantity has not all come off the shelf. */
export interface OutstandingPart {
  partId: number
  partNumber: string
  name: string
  requestedMilli: number
  issuedMilli: number
}

export interface RoGateFacts {
  /** Lines on the estimate (labour and parts). */
  lines: number
  /** Workshop jobs neither done nor declined (pending, running, paused, sent back). */
  openJobs: number
  /** Clock segments still running on the RO's jobs. */
  runningClocks: number
  /** Additional work (增项) raised and waiting for the customer's decision. */
  additionalAwaiting: number
  /** Part lines on the RO not fully issued from the counter. */
  outstandingParts: readonly OutstandingPart[]
  /** Parts issued to the RO and not returned (in thousandths, summed over parts). */
  issuedPartsMilli: number
  /** Unpaid on the customer's own invoices (other payers settle with the dealership). */
  customerBalanceFen: number
}

export const RO_GATES = [
  'hasLines',
  'jobsFinished',
  'noClockRunning',
  'noAdditionalAwaiting',
  'partsIssued',
  'noPartsOnRo',
  'customerPaid',
] as const
export type RoGate = (typeof RO_GATES)[number]

const HOLDS: Record<RoGate, (f: RoGateFacts) => boolean> = {
  hasLines: (f) => f.lines > 0,
  jobsFinished: (f) => f.openJobs === 0,
  noClockRunning: (f) => f.runningClocks === 0,
  noAdditionalAwaiting: (f) => f.additionalAwaiting === 0,
  partsIssued: (f) => f.outstandingParts.length === 0,
  noPartsOnRo: (f) => f.issuedPartsMilli === 0,
  customerPaid: (f) => f.customerBalanceFen <= 0,
}

/** The gates each action must pass, in the order their refusals are reported. */
export const GATES_OF: Readonly<Record<RoAction, readonly RoGate[]>> = {
  authorise: ['hasLines'],
  revise: [],
  start_work: [],
  submit_qc: ['jobsFinished', 'noClockRunning', 'noAdditionalAwaiting'],
  qc_pass: ['jobsFinished', 'noClockRunning', 'noAdditionalAwaiting'],
  qc_pass_wash: ['jobsFinished', 'noClockRunning', 'noAdditionalAwaiting'],
  qc_fail: [],
  wash_done: [],
  settle: ['jobsFinished', 'noAdditionalAwaiting', 'partsIssued'],
  deliver: ['customerPaid'],
  cancel: ['noPartsOnRo', 'noClockRunning'],
}

/**
 * Gates a permitted person may waive with a reason, and the permission it takes. Unissued parts
 * at settlement (the parts supervisor will sort the ledger out) and delivery on credit (挂账).
 */
export const WAIVABLE: Partial<Record<RoGate, 'settlement.partsOverride' | 'settlement.credit'>> = {
  partsIssued: 'settlement.partsOverride',
  customerPaid: 'settlement.credit',
}

export function gateHolds(gate: RoGate, facts: RoGateFacts): boolean {
  return HOLDS[gate](facts)
}

/** The gates of `action` that do not hold, in GATES_OF order; empty when the action may go ahead. */
export function failedGates(action: RoAction, facts: RoGateFacts): RoGate[] {
  return GATES_OF[action].filter((gate) => !HOLDS[gate](facts))
}
