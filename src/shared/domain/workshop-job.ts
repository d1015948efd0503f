// The life of one workshop job (派工单项): a labour line of an authorised repair order, or a
// labour line of additional work (增项) once the customer approves it. Like the RO state machine
// it is a table, so every service asks the same question ("may this job do that now?") and every
// refusal names the state and the action.

export const JOB_STATES = ['proposed', 'declined', 'pending', 'dispatched', 'running', 'paused', 'done', 'rework'] as const
export type JobState = (typeof JOB_STATES)[number]

export const JOB_ACTIONS = ['approve', 'decline', 'assign', 'unassign', 'clock_on', 'pause', 'finish', 'send_back'] as const
export type JobAction = (typeof JOB_ACTIONS)[number]

/** Why a running job stopped without being finished. */
export const PAUSE_REASONS = ['parts', 'break', 'other_job', 'other'] as const
export type PauseReason = (typeof PAUSE_REASONS)[number]

// `assign` keeps paused and rework jobs where they are: a supervisor may hand a half-done job to
// another technician without pretending it is new. A proposed job (additional work not yet
// approved by the customer) can be neither assigned nor clocked — that is the rule "unapproved
// additional work cannot be clocked".
export const JOB_TRANSITIONS: Readonly<Record<JobState, Readonly<Partial<Record<JobAction, JobState>>>>> = {
  proposed: { approve: 'pending', decline: 'declined' },
  declined: {},
  pending: { assign: 'dispatched' },
  dispatched: { assign: 'dispatched', unassign: 'pending', clock_on: 'running' },
  running: { pause: 'paused', finish: 'done' },
  paused: { assign: 'paused', clock_on: 'running', finish: 'done' },
  done: { send_back: 'rework' },
  rework: { assign: 'rework', clock_on: 'running' },
}

export function nextJobState(state: JobState, action: JobAction): JobState | null {
  return JOB_TRANSITIONS[state][action] ?? null
}

export function allowedJobActions(state: JobState): JobAction[] {
  return JOB_ACTIONS.filter((action) => nextJobState(state, action) !== null)
}

export function isJobState(value: unknown): value is JobState {
  return typeof value === 'string' && (JOB_STATES as readonly string[]).includes(value)
}

/** A job in one of these states keeps its car in its bay. */
export function holdsBay(state: JobState): boolean {
  return state === 'dispatched' || state === 'running' || state === 'paused' || state === 'rework'
}

/** Work the repair order still waits for before it can go to quality control. */
export function isOutstanding(state: JobState): boolean {
  return state !== 'done' && state !== 'declined'
}
