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

/**
 * The column of a card. While the car is in repair, the most telling fact wins: someone working
 * on it → repair; otherwise waiting for the customer → approval; waiting for parts → parts;
 * nothing assigned yet → dispatch.
 */
export function boardColumn(facts: CardFacts): BoardColumn {
  switch (facts.roState) {
    case 'quality_check':
      return 'qc'
    case 'washing':
      return 'wash'
    case 'ready':
      return 'ready'
    case 'in_progress':
      break
    default:
      return 'dispatch'
  }
  const jobs = facts.jobs
  if (jobs.some((j) => j.state === 'running')) return 'repair'
  if (facts.pendingAdditional > 0) return 'approval'
  if (jobs.some(isWaitingParts)) return 'parts'
  const assigned = jobs.some((j) => j.state === 'dispatched' || j.state === 'paused' || j.state === 'rework')
  if (!assigned && jobs.some((j) => j.state === 'pending')) return 'dispatch'
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
