import { create, type StateCreator } from 'zustand'
import { useQueries, useQuery } from '@tanstack/react-query'
import type { ApiClient } from '../../../shared/contract'
import { apiQueryOptions, useApi } from '../api/query-client'
import type { PartDetailT, PartRowT, StockMoveT } from './parts-types'

// The catalogue: search as you type (part number with or without dashes, name, bin) and one
// part's ledger with paging back through older moves. The answers live in the query cache (each
// text is its own key, so a slow answer for older text never shows); this store keeps what the
// person typed and where they are.

export interface PartsCatalogueState {
  query: string
  /** The trimmed text after the typing paused: what is asked of the host. */
  submitted: string
  includeInactive: boolean
  /** Highlighted row, moved with ↑ ↓ from the search box. */
  active: number
  /** The part whose ledger shows, and the oldest move id of each older page asked for. */
  ledger: { partId: number; olderFrom: number[] } | null
  setQuery(q: string): void
  setIncludeInactive(on: boolean): void
  /** Moves the highlight round a list of `count` rows. */
  moveActive(delta: number, count: number): void
  setActive(index: number): void
  openLedger(partId: number): void
  /** Asks for the page of moves older than `beforeId`. */
  olderThan(beforeId: number): void
}

export const PARTS_SEARCH_DEBOUNCE_MS = 120
export const SEARCH_LIMIT = 100
export const MOVES_PAGE = 50

export function partsCatalogueState(debounceMs = PARTS_SEARCH_DEBOUNCE_MS): StateCreator<PartsCatalogueState> {
  let timer: ReturnType<typeof setTimeout> | null = null
  return (set, get) => ({
    query: '',
    submitted: '',
    includeInactive: false,
    active: 0,
    ledger: null,

    setQuery(query) {
      set({ query, active: 0 })
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => {
        timer = null
        set({ submitted: query.trim() })
      }, debounceMs)
    },

    setIncludeInactive(includeInactive) {
      set({ includeInactive })
    },

    moveActive(delta, count) {
      if (count === 0) return
      set({ active: (get().active + delta + count) % count })
    },

    setActive(active) {
      set({ active })
    },

    openLedger(partId) {
      if (get().ledger?.partId !== partId) set({ ledger: { partId, olderFrom: [] } })
    },

    olderThan(beforeId) {
      const ledger = get().ledger
      if (!ledger || ledger.olderFrom.includes(beforeId)) return
      set({ ledger: { ...ledger, olderFrom: [...ledger.olderFrom, beforeId] } })
    },
  })
}

/** The catalogue's UI state, one per window. */
export const usePartsCatalogue = create<PartsCatalogueState>()(partsCatalogueState())

/** `parts.search` for a text: one row beyond the page tells whether there are more. */
export function partSearchQuery(api: ApiClient, q: string, includeInactive: boolean) {
  return apiQueryOptions(api, 'parts.search', { q, limit: SEARCH_LIMIT + 1, includeInactive }, { keepPrevious: true })
}

export interface PartSearchResult {
  rows: PartRowT[]
  /** More parts match than the SEARCH_LIMIT shown: the count says "first 100", never a bare "100 parts". */
  more: boolean
  searching: boolean
  error: string | null
}

/** The rows for what was typed, once the typing paused; the previous rows stay while the next load. */
export function usePartSearch(): PartSearchResult {
  const query = usePartsCatalogue((s) => s.query)
  const submitted = usePartsCatalogue((s) => s.submitted)
  const includeInactive = usePartsCatalogue((s) => s.includeInactive)
  const result = useQuery(partSearchQuery(useApi(), submitted, includeInactive))
  const searching = submitted !== query.trim() || result.isFetching
  if (result.isError) return { rows: [], more: false, searching, error: result.error.message }
  const data = result.data ?? []
  return { rows: data.slice(0, SEARCH_LIMIT), more: data.length > SEARCH_LIMIT, searching, error: null }
}

/** The first page of a part's ledger, and the older pages the person asked for, in order. */
export function ledgerQueries(api: ApiClient, partId: number, olderFrom: readonly number[]) {
  return {
    first: apiQueryOptions(api, 'parts.get', { id: partId, moves: MOVES_PAGE }),
    older: olderFrom.map((beforeId) => apiQueryOptions(api, 'stock.moves', { partId, beforeId, limit: MOVES_PAGE })),
  }
}

/** One ledger from its pages: moves newest first, and whether older ones may exist. */
export function ledgerOf(first: PartDetailT | undefined, older: readonly (StockMoveT[] | undefined)[]): { detail: PartDetailT | null; moreMoves: boolean } {
  if (!first) return { detail: null, moreMoves: false }
  const loaded = older.filter((page): page is StockMoveT[] => page !== undefined)
  const moves = [...first.moves, ...loaded.flat()]
  const last = loaded.length > 0 ? loaded[loaded.length - 1] : first.moves
  return { detail: loaded.length > 0 ? { ...first, moves } : first, moreMoves: (last?.length ?? 0) === MOVES_PAGE && older.length === loaded.length }
}

/** One part's ledger; the live-event table re-reads every page shown when stock moves. */
export function usePartLedger(partId: number) {
  const api = useApi()
  const olderFrom = usePartsCatalogue((s) => (s.ledger?.partId === partId ? s.ledger.olderFrom : NONE))
  const queries = ledgerQueries(api, partId, olderFrom)
  const first = useQuery(queries.first)
  const older = useQueries({ queries: queries.older.map(({ queryKey, queryFn }) => ({ queryKey, queryFn })) })
  const { detail, moreMoves } = ledgerOf(first.data, older.map((q) => q.data))
  return { detail, moreMoves, error: first.error?.message ?? null }
}

const NONE: readonly number[] = []
