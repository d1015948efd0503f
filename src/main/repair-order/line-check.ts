import type { UserCtx } from '../api/context'

// Lines reach an RO two ways: the advisor saves the estimate (reception) and the customer approves
// additional work found in the shop (workshop). Rooms above both — warranty's coverage check — judge
// those lines before they are written, in the same transaction. They are handed in where the
// handlers are put together (api/handlers.ts), so neither reception nor the workshop imports the
// rooms that build on them.

export interface RoForLineCheck {
  id: number
  vehicle_id: number
  opened_at: string
  odometer_km: number
}

export interface LineForCheck {
  kind: 'labour' | 'part'
  partId: number | null
  payer: string
}

/**
 * Judges lines about to be written onto an RO; refuses with an AppError. `overrideReason` is what
 * the user gave to let a refused line through (the check decides who may and records it).
 */
export type RoLineCheck = (ctx: UserCtx, ro: RoForLineCheck, lines: readonly LineForCheck[], overrideReason: string | undefined) => void

/** A line the estimate's save is about to remove (it was not sent back with its id). */
export interface RemovedLine {
  id: number
  position: number
  description: string
}

/**
 * Judges lines about to be removed from an RO (insurance: a line with an assessment on it);
 * refuses with an AppError.
 */
export type RoLineRemovalCheck = (ctx: UserCtx, roId: number, removed: readonly RemovedLine[]) => void

/** What the rooms that write RO lines are handed. */
export interface LineHooks {
  checkLines: RoLineCheck
  checkRemoval: RoLineRemovalCheck
}
