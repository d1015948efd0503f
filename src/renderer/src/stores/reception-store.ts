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
  active: number
  searching: boolean
  searchError: string | null
  detail: VehicleDetailT | null
  detailError: string | null
  loadingDetail: boolean
  prefill: CheckInPrefill | null
  setQuery(q: string): void
  moveActive(delta: number): void
  setActive(index: number): void
  clear(): void
  loadVehicle(id: number): Promise<void>
  closeVehicle(): void
  setPrefill(p: CheckInPrefill | null): void
}

export const SEARCH_DEBOUNCE_MS = 120

/**
 * Search-as-you-type with a short debounce; only the answer to the latest query is shown, so a
 * slow reply to "京A1" never overwrites the reply to "京A12".
 */
export function createReceptionStore(api: ApiClient, debounceMs = SEARCH_DEBOUNCE_MS) {
  let timer: ReturnType<typeof setTimeout> | null = null
  let seq = 0
  let detailSeq = 0

  return createStore<ReceptionState>()((set, get) => ({
    query: '',
    hits: [],
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
      if (!q) return set({ hits: [], active: 0, searching: false, searchError: null })
      set({ searching: true })
      timer = setTimeout(async () => {
        const result = await api.call('reception.search', { q, limit: 20 })
        if (mine !== seq) return
        if (result.ok) set({ hits: result.data, active: 0, searching: false, searchError: null })
        else set({ hits: [], searching: false, searchError: result.message })
      }, debounceMs)
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
      set({ query: '', hits: [], active: 0, searching: false, searchError: null })
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
