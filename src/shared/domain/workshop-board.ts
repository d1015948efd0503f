// Where a repair order sits on the workshop board (车间看板) and which flags its card shows.
// The column is derived from facts (RO state, its jobs, pending additional work), never stored,
// so the board cannot disagree with the jobs themselves.
import type { RoState } from './ro-state'
import type { JobState, PauseReason } from './workshop-job'
import { instantOf, MS_PER_MINUTE } from './workshop-clock'

/** Columns left to right, in the order a car moves through the shop. */
export const BOARD_COLUMNS = ['dispatch', 'repair', 'parts', 'approval', 'qc', 'wash', 'ready'] as const
export type BoardColumn = (typeof BOARD_COLUMNS)[number]

export const BOARD_FLAGS = ['waiting_parts', 'awaiting_approval', 'rework', 'overdue'] as const
export type BoardFlag = (typeof BOARD_FLAGS)[number]

/** RO states the board shows: authorised until ready for delivery. */
export const BOARD_RO_STATES = ['authorised', 'in_progress', 'quality_check', 'washing', 'ready'] as const satisfies readonly RoState[]

export interface JobFacts {
  state: JobState
  pauseReason: PauseReason | null
  reworkCount: number
}

export interface CardFacts {
  roState: RoState
  jobs: readonly JobFacts[]
  /** Additional work raised and still waiting for the customer's decision. */
  pendingAdditional: number
}

const isWaitingParts = (j: JobFacts) => j.state === 'paused' && j.pauseReason === 'parts'
const isAssigned = (j: JobFacts) => j.state === 'dispatched' || j.state === 'running' || j.state === 'paused' || j.state === 'rework'

/**
 * The one rule that files a card (车间看板分栏规则), as an ordered table: the first row whose
 * condition holds gives the column. After repair the RO state alone decides. During repair what
 * the car is waiting for comes before what is being done to it, because a column answers "who
 * must act before this car can go to quality control": the customer (additional work to decide)
 * before the parts counter (a job paused for a part) before the supervisor (nothing assigned yet).
 * Whether a technician happens to be clocked on never moves a card: two cars waiting for the same
 * thing always share a column, and the card's jobs show who is working.
 */
export const BOARD_COLUMN_RULES: readonly { column: BoardColumn; holds(facts: CardFacts): boolean }[] = [
  { column: 'qc', holds: (f) => f.roState === 'quality_check' },
  { column: 'wash', holds: (f) => f.roState === 'washing' },
  { column: 'ready', holds: (f) => f.roState === 'ready' },
  // Authorised: the car waits for its first dispatch.
  { column: 'dispatch', holds: (f) => f.roState !== 'in_progress' },
  { column: 'approval', holds: (f) => f.pendingAdditional > 0 },
  { column: 'parts', holds: (f) => f.jobs.some(isWaitingParts) },
  // In repair with work left but nobody holding any of it (e.g. approved additional work only).
  { column: 'dispatch', holds: (f) => !f.jobs.some(isAssigned) && f.jobs.some((j) => j.state === 'pending') },
  // Assigned, running, on a break, being reworked, or all done and waiting to be sent to QC.
  { column: 'repair', holds: () => true },
]

export function boardColumn(facts: CardFacts): BoardColumn {
  for (const rule of BOARD_COLUMN_RULES) if (rule.holds(facts)) return rule.column
  return 'repair'
}

/** Minutes until the promised time (negative once it has passed); null without a promise. */
export function minutesToPromise(promisedAt: string | null, nowMs: number): number | null {
  if (promisedAt === null) return null
  return Math.floor((instantOf(promisedAt) - nowMs) / MS_PER_MINUTE)
}

/** A car is overdue when the promised time has passed and it is not yet ready for delivery. */
export function isOverdue(roState: RoState, promisedAt: string | null, nowMs: number): boolean {
  if (promisedAt === null || roState === 'ready') return false
  return instantOf(promisedAt) < nowMs
}

export function cardFlags(facts: CardFacts & { promisedAt: string | null }, nowMs: number): BoardFlag[] {
  const flags: BoardFlag[] = []
  if (facts.jobs.some(isWaitingParts)) flags.push('waiting_parts')
  if (facts.pendingAdditional > 0) flags.push('awaiting_approval')
  if (facts.jobs.some((j) => j.state === 'rework' || (j.reworkCount > 0 && j.state !== 'done'))) flags.push('rework')
  if (isOverdue(facts.roState, facts.promisedAt, nowMs)) flags.push('overdue')
  return flags
}
