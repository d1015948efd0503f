import type { z } from 'zod'
import { create } from 'zustand'
import type { AdditionalWork, Board, BoardCard, Job, JobDetail, WorkshopRo } from '../../../shared/contract/workshop'
import type { RoType } from '../../../shared/domain/ro-type'
import { useApiQuery, useApiWrite } from '../api/query-client'

// Output shapes of the workshop channels, named once for the screens.
export type BoardT = z.output<typeof Board>
export type BoardCardT = z.output<typeof BoardCard>
export type JobT = z.output<typeof Job>
export type JobDetailT = z.output<typeof JobDetail>
export type WorkshopRoT = z.output<typeof WorkshopRo>
export type AdditionalWorkT = z.output<typeof AdditionalWork>

/** Filters of the board. Applied on the screen: one board serves every tab and filters answer at once. */
export interface BoardFilter {
  advisorId?: number
  type?: RoType
  bayId?: number
}

/** The workshop's UI state: the board's filters and whose approvals are listed. */
export interface WorkshopUiState {
  filter: BoardFilter
  /** Undefined: everyone's additional work; a user id: that advisor's customers only. */
  queueAdvisorId: number | undefined
  /** Whether the person chose the queue's filter themselves (then the default no longer applies). */
  queueChosen: boolean
  setFilter(filter: BoardFilter): void
  setQueueAdvisor(advisorId: number | undefined): void
}

export const useWorkshopUi = create<WorkshopUiState>()((set) => ({
  filter: {},
  queueAdvisorId: undefined,
  queueChosen: false,
  setFilter(filter) {
    set({ filter })
  },
  setQueueAdvisor(queueAdvisorId) {
    set({ queueAdvisorId, queueChosen: true })
  },
}))

/**
 * The board, kept in the cache while the app runs: going from the board to an order and back
 * shows it at once. `receivedAt` is the PC's clock when it arrived: countdowns run on from `at`.
 */
export function useBoard() {
  const query = useApiQuery('workshop.board', {})
  return { board: query.data ?? null, receivedAt: query.dataUpdatedAt, error: query.error?.message ?? null }
}

export function useWorkshopRo(id: number) {
  const query = useApiQuery('workshop.ro', { roId: id })
  return { ro: query.data ?? null, error: query.error?.message ?? null }
}

/** Additional work waiting for the customer's decision; `enabled` false for roles that do not approve. */
export function useApprovalQueue(advisorId: number | undefined, enabled = true) {
  const query = useApiQuery('workshop.additional.queue', advisorId === undefined ? {} : { advisorId }, { enabled, keepPrevious: true })
  return query.data ?? null
}

/** A workshop write; on success what it changed is read again at once. */
export const useWorkshopWrite = useApiWrite
