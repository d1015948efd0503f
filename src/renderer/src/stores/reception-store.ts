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

// Stale answers cannot overwrite newer ones (each text is its own query key), and the host
// answers a search in well under a millisecond, so the desk asks at every keystroke: a pause
// would only add its own length to the time before the advisor sees the car. (The parameter
// stays for callers that search something slower.)
export const SEARCH_DEBOUNCE_MS = 0
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
      if (debounceMs <= 0) return set({ submitted: q, limit: FIRST_LIMIT })
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

/** The hits for a text; the previous answer stays while the next one loads (no flicker). */
export function hitsQuery(api: ApiClient, q: string, limit: number) {
  return apiQueryOptions(api, 'reception.search', { q, limit }, { enabled: q !== '', keepPrevious: true })
}

/** How many the text finds in all: asked only when the hits fill the page ("20 of 57"). */
export function countQuery(api: ApiClient, q: string, enabled: boolean) {
  return apiQueryOptions(api, 'reception.count', { q }, { enabled: enabled && q !== '' })
}

/**
 * The hits for what the desk typed. They show as soon as they come; when they fill the page the
 * count follows in a second call, so a common surname's thousand matches never hold the list up.
 */
export function useReceptionSearch(): SearchResult {
  const api = useApi()
  const query = useReception((s) => s.query)
  const submitted = useReception((s) => s.submitted)
  const limit = useReception((s) => s.limit)
  const result = useQuery(hitsQuery(api, submitted, limit))
  const waiting = submitted !== query.trim() || result.isPlaceholderData || result.isPending
  const hits = result.data ?? []
  const count = useQuery(countQuery(api, submitted, !waiting && hits.length >= limit))
  if (!query.trim()) return { hits: [], total: 0, capped: false, searching: false, error: null }
  if (result.isError && !waiting) return { hits: [], total: 0, capped: false, searching: false, error: result.error.message }
  const counted = !waiting && hits.length >= limit ? count.data : undefined
  return { hits, total: Math.max(counted?.total ?? 0, hits.length), capped: counted?.capped ?? false, searching: waiting, error: null }
}
