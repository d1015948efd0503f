import { createStore } from 'zustand/vanilla'
import type { ApiClient } from '../../../shared/contract'
import type { CountLineT, StockMoveT, StocktakeT, VarianceTableT } from './parts-types'

/** One scan at the count station, newest first on the screen. */
export interface ScanEntry {
  seq: number
  partNumber: string
  quantityMilli: number
  mode: 'set' | 'add'
  /** The line after the count, or null when the host refused it. */
  line: CountLineT | null
  error: string | null
}

export interface PartsStocktakeState {
  id: number | null
  stocktake: StocktakeT | null
  lines: CountLineT[]
  variance: VarianceTableT | null
  /** The stocktake moves its approval posted. */
  adjustments: StockMoveT[] | null
  error: string | null
  entries: ScanEntry[]
  open(id: number): Promise<void>
  reload(): Promise<void>
  count(partNumber: string, quantityMilli: number, mode: 'set' | 'add'): Promise<ScanEntry>
  approve(): Promise<{ ok: boolean; message?: string }>
  cancel(reason: string): Promise<{ ok: boolean; message?: string }>
}

/** How many scans the count station keeps in view. */
export const RECENT_SCANS = 12

/**
 * One stocktake: its count sheet, the scans entered here, the variance table and, once approved,
 * the adjustment moves. Reads are latest-only, so a slow reload never hides a newer scan.
 */
export function createPartsStocktakeStore(api: ApiClient) {
  let seq = 0
  let scanSeq = 0

  return createStore<PartsStocktakeState>()((set, get) => {
    const loadAdjustments = async (st: StocktakeT): Promise<StockMoveT[] | null> => {
      if (st.state !== 'approved' || !st.decidedAt) return null
      const result = await api.call('stock.moves', { kind: 'stocktake', from: st.decidedAt, limit: 500 })
      if (!result.ok) return null
      return result.data.filter((m) => m.refType === 'stocktake' && m.refId === st.id)
    }

    return {
      id: null,
      stocktake: null,
      lines: [],
      variance: null,
      adjustments: null,
      error: null,
      entries: [],

      async open(id) {
        if (get().id !== id) set({ id, stocktake: null, lines: [], variance: null, adjustments: null, entries: [], error: null })
        await get().reload()
      },

      async reload() {
        const id = get().id
        if (id === null) return
        const mine = ++seq
        const [sheet, variance] = await Promise.all([api.call('stocktake.sheet', { id }), api.call('stocktake.variance', { id })])
        if (mine !== seq) return
        if (!sheet.ok) return set({ error: sheet.message })
        const adjustments = await loadAdjustments(sheet.data.stocktake)
        if (mine !== seq) return
        set({
          stocktake: sheet.data.stocktake,
          lines: sheet.data.lines,
          variance: variance.ok ? variance.data : null,
          adjustments,
          error: variance.ok ? null : variance.message,
        })
      },

      async count(partNumber, quantityMilli, mode) {
        const id = get().id
        if (id === null) throw new Error('no stocktake is open')
        const result = await api.call('stocktake.count', { id, partNumber, quantityMilli, mode })
        const entry: ScanEntry = {
          seq: ++scanSeq,
          partNumber,
          quantityMilli,
          mode,
          line: result.ok ? result.data.line : null,
          error: result.ok ? null : result.message,
        }
        set({ entries: [entry, ...get().entries].slice(0, RECENT_SCANS) })
        if (result.ok) {
          const { line, stocktake } = result.data
          const known = get().lines.some((l) => l.partId === line.partId)
          const lines = known ? get().lines.map((l) => (l.partId === line.partId ? line : l)) : [...get().lines, line]
          set({ stocktake, lines })
        }
        return entry
      },

      async approve() {
        const st = get().stocktake
        if (!st) return { ok: false }
        const result = await api.call('stocktake.approve', { id: st.id, version: st.version })
        if (!result.ok) return { ok: false, message: result.message }
        set({ variance: result.data, stocktake: result.data.stocktake })
        await get().reload()
        return { ok: true }
      },

      async cancel(reason) {
        const st = get().stocktake
        if (!st) return { ok: false }
        const result = await api.call('stocktake.cancel', { id: st.id, version: st.version, reason })
        if (!result.ok) return { ok: false, message: result.message }
        await get().reload()
        return { ok: true }
      },
    }
  })
}

export type PartsStocktakeStore = ReturnType<typeof createPartsStocktakeStore>
