// The repair-order life cycle from the after-sales manual: estimate → customer authorisation →
// workshop → quality check → ready → settled at the cashier → delivered. Everything is data
// (states, their properties, the transition table) so workshop sub-states can be added later
// by extending the tables rather than adding branches.

export const RO_STATES = [
  'estimate',
  'authorised',
  'in_progress',
  'quality_check',
  'washing',
  'ready',
  'settled',
  'delivered',
  'cancelled',
] as const
export type RoState = (typeof RO_STATES)[number]

export const RO_ACTIONS = [
  'authorise',
  'revise',
  'start_work',
  'submit_qc',
  'qc_pass',
  'qc_fail',
  'qc_pass_wash',
  'wash_done',
  'settle',
  'deliver',
  'cancel',
] as const
export type RoAction = (typeof RO_ACTIONS)[number]

interface StateInfo {
  /** Work or billing is still pending: the order shows in open lists and blocks a duplicate. */
  open: boolean
  /** Lines may be added or changed; a change after authorisation sends the order back via `revise`. */
  linesEditable: boolean
}

const STATE_INFO: Record<RoState, StateInfo> = {
  estimate: { open: true, linesEditable: true },
  authorised: { open: true, linesEditable: true },
  in_progress: { open: true, linesEditable: false },
  quality_check: { open: true, linesEditable: false },
  washing: { open: true, linesEditable: false },
  ready: { open: true, linesEditable: false },
  settled: { open: false, linesEditable: false },
  delivered: { open: false, linesEditable: false },
  cancelled: { open: false, linesEditable: false },
}

// Gates: what must hold, besides the state, before an action moves the order on. Declared in
// ro-gates.ts (GATES_OF), checked in the main process by src/main/workshop/ro-gates.ts on every
// path to the action, one table-driven test per gate (ro-gates.test.ts, ro-gates-api.test.ts).
//
// | action              | gate                  | must be true                                            | waiver (permission + reason)   |
// |---------------------|-----------------------|---------------------------------------------------------|--------------------------------|
// | authorise           | hasLines              | the estimate has at least one line                      | —                              |
// | submit_qc           | jobsFinished          | every job done or declined                              | —                              |
// |                     | noClockRunning        | no clock segment still running on the RO                | —                              |
// |                     | noAdditionalAwaiting  | no additional work (增项) waiting for the customer       | —                              |
// | qc_pass, qc_pass_wash | the three above     | and (recordInspection) every checklist item checked ok  | —                              |
// | qc_fail             | —                     | (recordInspection) a failed item and a job sent back    | —                              |
// | wash_done           | —                     | —                                                       | —                              |
// | settle              | jobsFinished          | as above                                                | —                              |
// |                     | noAdditionalAwaiting  | as above: its lines would be billed or dropped unseen   | —                              |
// |                     | partsIssued           | every billed part line fully issued at the counter      | settlement.partsOverride       |
// | deliver             | customerPaid          | the customer's own invoices paid (other payers never    | settlement.credit (挂账)        |
// |                     |                       | hold the car back)                                      |                                |
// | cancel              | noPartsOnRo           | every issued part returned to the shelf                 | —                              |
// |                     | noClockRunning        | no clock running                                        | —                              |
//
// Parts may be issued and returned in every state from `authorised` up to settlement (authorised,
// in_progress, quality_check, washing, ready): PARTS_ISSUE_STATES below.

// Once work has started the order is not cancelled but settled (possibly at zero) so the labour
// and parts already used stay accounted for.
export const RO_TRANSITIONS: Readonly<Record<RoState, Readonly<Partial<Record<RoAction, RoState>>>>> = {
  estimate: { authorise: 'authorised', cancel: 'cancelled' },
  authorised: { revise: 'estimate', start_work: 'in_progress', cancel: 'cancelled' },
  in_progress: { submit_qc: 'quality_check' },
  // The wash (洗车) is optional: the inspector passes the car either straight to delivery or to the wash.
  quality_check: { qc_pass: 'ready', qc_fail: 'in_progress', qc_pass_wash: 'washing' },
  washing: { wash_done: 'ready' },
  ready: { settle: 'settled' },
  settled: { deliver: 'delivered' },
  delivered: {},
  cancelled: {},
}

/**
 * States in which an RO's part lines are held for the car and may be issued or returned: from
 * authorisation up to settlement, so the parts that are billed have come off the shelf.
 */
export const PARTS_ISSUE_STATES = ['authorised', 'in_progress', 'quality_check', 'washing', 'ready'] as const satisfies readonly RoState[]

export function isRoState(value: unknown): value is RoState {
  return typeof value === 'string' && (RO_STATES as readonly string[]).includes(value)
}

export function isRoAction(value: unknown): value is RoAction {
  return typeof value === 'string' && (RO_ACTIONS as readonly string[]).includes(value)
}

/** The state after `action`, or null if the action is not allowed in `state`. */
export function nextState(state: RoState, action: RoAction): RoState | null {
  return RO_TRANSITIONS[state][action] ?? null
}

/** The actions allowed in `state`, in RO_ACTIONS order (the order buttons are shown). */
export function allowedActions(state: RoState): RoAction[] {
  return RO_ACTIONS.filter((action) => nextState(state, action) !== null)
}

export function canEditLines(state: RoState): boolean {
  return STATE_INFO[state].linesEditable
}

/** True until the order is settled or cancelled. */
export function isOpen(state: RoState): boolean {
  return STATE_INFO[state].open
}

/** True when no further action is possible. */
export function isFinal(state: RoState): boolean {
  return allowedActions(state).length === 0
}
