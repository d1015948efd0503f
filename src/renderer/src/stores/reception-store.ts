import { create } from 'zustand'
import type { StateCreator } from 'zustand'
import type { ApiClient } from '../../../shared/contract'
import { useQuery } from '@tanstack/react-query'
import { apiQueryOptions, useApi } from '../api/query-client'
import type { SearchHitT } from './types'

export interface CheckInPrefill {
  vehicleId: number
  appointmentId: number
  concerns: string
}

/** What the desk is doing: the text typed, the text searched for, the highlighted hit. */
export interface ReceptionState {
  query: string
  /** The trimmed text after the typing paused: what is asked of the host. */
  submitted: string
  limit: number
  active: number
  prefill: CheckInPrefill | null
  setQuery(q: string): void
  /** Asks again for up to MORE_LIMIT hits of the same text. */
  showMore(): void
  /** Moves the highlight round a list of `count` hits. */
  moveActive(delta: number, count: number): void
  setActive(index: number): void
  clear(): void
  setPrefill(p: CheckInPrefill | null): void
}

// Stale answers cannot overwrite newer ones (each text is its own query key), so the pause only
// saves a request per keystroke.
export const SEARCH_DEBOUNCE_MS = 20
export const FIRST_LIMIT = 20
export const MORE_LIMIT = 200

export function receptionState(debounceMs = SEARCH_DEBOUNCE_MS): StateCreator<ReceptionState> {
  let timer: ReturnType<typeof setTimeout> | null = null
  const cancel = () => {
    if (timer) clearTimeout(timer)
    timer = null
  }
  return (set, get) => ({
    query: '',
    submitted: '',
    limit: FIRST_LIMIT,
    active: 0,
    prefill: null,

    setQuery(query) {
      set({ query, active: 0 })
      cancel()
      const q = query.trim()
      if (!q) return set({ submitted: '', limit: FIRST_LIMIT })
      timer = setTimeout(() => {
        timer = null
        set({ submitted: q, limit: FIRST_LIMIT })
      }, debounceMs)
    },

    showMore() {
      const q = get().query.trim()
      if (!q) return
      cancel()
      set({ submitted: q, limit: MORE_LIMIT })
    },

    moveActive(delta, count) {
      if (count === 0) return
      set({ active: (get().active + delta + count) % count })
    },

    setActive(index) {
      set({ active: index })
    },

    clear() {
      cancel()
      set({ query: '', submitted: '', limit: FIRST_LIMIT, active: 0 })
    },

    setPrefill(prefill) {
      set({ prefill })
    },
  })
}

/** The desk's UI state, one per window. */
export const useReception = create<ReceptionState>()(receptionState())

export interface SearchResult {
  hits: SearchHitT[]
  /** How many the text finds in all ("20 of 57"); `capped`: more than that. */
  total: number
  capped: boolean
  searching: boolean
  error: string | null
}

/** `reception.find` for a text; the previous answer stays while the next one loads (no flicker). */
export function findQuery(api: ApiClient, q: string, limit: number) {
  return apiQueryOptions(api, 'reception.find', { q, limit }, { enabled: q !== '', keepPrevious: true })
}

/** The hits for what the desk typed, once the typing paused. */
export function useReceptionSearch(): SearchResult {
  const query = useReception((s) => s.query)
  const submitted = useReception((s) => s.submitted)
  const limit = useReception((s) => s.limit)
  const result = useQuery(findQuery(useApi(), submitted, limit))
  if (!query.trim()) return { hits: [], total: 0, capped: false, searching: false, error: null }
  const waiting = submitted !== query.trim() || result.isPlaceholderData || result.isPending
  if (result.isError && !waiting) return { hits: [], total: 0, capped: false, searching: false, error: result.error.message }
  const data = result.data
  return { hits: data?.hits ?? [], total: data?.total ?? 0, capped: data?.capped ?? false, searching: waiting, error: null }
}
