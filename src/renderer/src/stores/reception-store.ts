import { createStore } from 'zustand/vanilla'
import type { ApiClient } from '../../../shared/contract'
import type { SearchHitT, VehicleDetailT } from './types'

export interface CheckInPrefill {
  vehicleId: number
  appointmentId: number
  concerns: string
}

export interface ReceptionState {
  query: string
  hits: SearchHitT[]
  /** How many the text finds in all ("20 of 57"); `capped`: more than that. */
  total: number
  capped: boolean
  limit: number
  active: number
  searching: boolean
  searchError: string | null
  detail: VehicleDetailT | null
  detailError: string | null
  loadingDetail: boolean
  prefill: CheckInPrefill | null
  setQuery(q: string): void
  /** Asks again for up to MORE_LIMIT hits of the same text. */
  showMore(): void
  moveActive(delta: number): void
  setActive(index: number): void
  clear(): void
  loadVehicle(id: number): Promise<void>
  closeVehicle(): void
  setPrefill(p: CheckInPrefill | null): void
}

export const SEARCH_DEBOUNCE_MS = 120
export const FIRST_LIMIT = 20
export const MORE_LIMIT = 200

/**
 * Search-as-you-type with a short debounce; only the answer to the latest query is shown, so a
 * slow reply to "京A1" never overwrites the reply to "京A12".
 */
export function createReceptionStore(api: ApiClient, debounceMs = SEARCH_DEBOUNCE_MS) {
  let timer: ReturnType<typeof setTimeout> | null = null
  let seq = 0
  let detailSeq = 0

  type Set = (patch: Partial<ReceptionState>) => void
  const run = (set: Set, q: string, limit: number, mine: number) => async () => {
    const result = await api.call('reception.find', { q, limit })
    if (mine !== seq) return
    if (result.ok) set({ hits: result.data.hits, total: result.data.total, capped: result.data.capped, limit, searching: false, searchError: null })
    else set({ hits: [], total: 0, capped: false, searching: false, searchError: result.message })
  }

  return createStore<ReceptionState>()((set, get) => ({
    query: '',
    hits: [],
    total: 0,
    capped: false,
    limit: FIRST_LIMIT,
    active: 0,
    searching: false,
    searchError: null,
    detail: null,
    detailError: null,
    loadingDetail: false,
    prefill: null,

    setQuery(query) {
      set({ query })
      if (timer) clearTimeout(timer)
      const q = query.trim()
      const mine = ++seq
      if (!q) return set({ hits: [], total: 0, capped: false, active: 0, searching: false, searchError: null })
      set({ searching: true, active: 0 })
      timer = setTimeout(run(set, q, FIRST_LIMIT, mine), debounceMs)
    },

    showMore() {
      const q = get().query.trim()
      if (!q) return
      if (timer) clearTimeout(timer)
      set({ searching: true })
      void run(set, q, MORE_LIMIT, ++seq)()
    },

    moveActive(delta) {
      const { hits, active } = get()
      if (hits.length === 0) return
      set({ active: (active + delta + hits.length) % hits.length })
    },

    setActive(index) {
      set({ active: index })
    },

    clear() {
      if (timer) clearTimeout(timer)
      seq++
      set({ query: '', hits: [], total: 0, capped: false, limit: FIRST_LIMIT, active: 0, searching: false, searchError: null })
    },

    async loadVehicle(id) {
      const mine = ++detailSeq
      const keep = get().detail?.vehicle.id === id
      set({ loadingDetail: true, detailError: null, ...(keep ? {} : { detail: null }) })
      const result = await api.call('vehicles.get', { id })
      if (mine !== detailSeq) return
      if (result.ok) set({ detail: result.data, loadingDetail: false })
      else set({ detail: null, detailError: result.message, loadingDetail: false })
    },

    closeVehicle() {
      detailSeq++
      set({ detail: null, detailError: null, loadingDetail: false })
    },

    setPrefill(prefill) {
      set({ prefill })
    },
  }))
}

export type ReceptionStore = ReturnType<typeof createReceptionStore>
