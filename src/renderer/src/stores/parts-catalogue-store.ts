import { createStore } from 'zustand/vanilla'
import type { ApiClient } from '../../../shared/contract'
import type { PartDetailT, PartRowT, StockMoveT } from './parts-types'

export interface PartsCatalogueState {
  query: string
  includeInactive: boolean
  rows: PartRowT[]
  /** More parts match than the SEARCH_LIMIT shown: the count says "first 100", never a bare "100 parts". */
  more: boolean
  /** Highlighted row, moved with ↑ ↓ from the search box. */
  active: number
  searching: boolean
  error: string | null
  detail: PartDetailT | null
  detailError: string | null
  /** Whether older moves than those shown may exist. */
  moreMoves: boolean
  setQuery(q: string): void
  setIncludeInactive(on: boolean): void
  moveActive(delta: number): void
  setActive(index: number): void
  /** Runs the current search again at once (after a change elsewhere). */
  refresh(): void
  loadDetail(id: number): Promise<void>
  loadOlderMoves(): Promise<void>
}

export const PARTS_SEARCH_DEBOUNCE_MS = 120
export const SEARCH_LIMIT = 100
export const MOVES_PAGE = 50

/**
 * The catalogue: search as you type (part number with or without dashes, name, bin) with only the
 * latest answer shown, and one part's ledger with paging back through older moves.
 */
export function createPartsCatalogueStore(api: ApiClient, debounceMs = PARTS_SEARCH_DEBOUNCE_MS) {
  let timer: ReturnType<typeof setTimeout> | null = null
  let seq = 0
  let detailSeq = 0

  return createStore<PartsCatalogueState>()((set, get) => {
    const search = (delayMs: number) => {
      if (timer) clearTimeout(timer)
      const mine = ++seq
      set({ searching: true })
      timer = setTimeout(async () => {
        const { query, includeInactive } = get()
        // One row beyond the page tells whether there are more.
        const result = await api.call('parts.search', { q: query.trim(), limit: SEARCH_LIMIT + 1, includeInactive })
        if (mine !== seq) return
        if (result.ok) {
          const rows = result.data.slice(0, SEARCH_LIMIT)
          const active = Math.min(get().active, Math.max(rows.length - 1, 0))
          set({ rows, more: result.data.length > SEARCH_LIMIT, searching: false, error: null, active: delayMs === 0 ? active : 0 })
        } else set({ rows: [], more: false, searching: false, error: result.message })
      }, delayMs)
    }

    return {
      query: '',
      includeInactive: false,
      rows: [],
      more: false,
      active: 0,
      searching: false,
      error: null,
      detail: null,
      detailError: null,
      moreMoves: false,

      setQuery(query) {
        set({ query })
        search(debounceMs)
      },

      setIncludeInactive(includeInactive) {
        set({ includeInactive })
        search(0)
      },

      moveActive(delta) {
        const { rows, active } = get()
        if (rows.length === 0) return
        set({ active: (active + delta + rows.length) % rows.length })
      },

      setActive(active) {
        set({ active })
      },

      refresh() {
        search(0)
      },

      async loadDetail(id) {
        const mine = ++detailSeq
        if (get().detail?.part.id !== id) set({ detail: null })
        const result = await api.call('parts.get', { id, moves: MOVES_PAGE })
        if (mine !== detailSeq) return
        if (result.ok) set({ detail: result.data, detailError: null, moreMoves: result.data.moves.length === MOVES_PAGE })
        else set({ detail: null, detailError: result.message })
      },

      async loadOlderMoves() {
        const detail = get().detail
        const oldest = detail?.moves.at(-1)
        if (!detail || !oldest) return
        const mine = detailSeq
        const result = await api.call('stock.moves', { partId: detail.part.id, beforeId: oldest.id, limit: MOVES_PAGE })
        if (mine !== detailSeq || !result.ok) return
        const moves: StockMoveT[] = [...detail.moves, ...result.data]
        set({ detail: { ...detail, moves }, moreMoves: result.data.length === MOVES_PAGE })
      },
    }
  })
}

export type PartsCatalogueStore = ReturnType<typeof createPartsCatalogueStore>
