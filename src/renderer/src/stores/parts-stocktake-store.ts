import { create, type StateCreator } from 'zustand'
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { ApiClient, Envelope } from '../../../shared/contract'
import { apiKey, apiQueryOptions, useApi, useApiQuery, writeThrough } from '../api/query-client'
import type { CountLineT, StockMoveT, StocktakeT } from './parts-types'

// One stocktake: its count sheet, variance table and, once approved, the adjustment moves are
// queries (the live-event table re-reads them); the scans entered at this station are UI state.

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

/** How many scans the count station keeps in view. */
export const RECENT_SCANS = 12

export interface StocktakeUiState {
  /** The stocktake the scans below belong to. */
  id: number | null
  entries: ScanEntry[]
  open(id: number): void
  scanned(entry: Omit<ScanEntry, 'seq'>): ScanEntry
}

export function stocktakeUiState(): StateCreator<StocktakeUiState> {
  let seq = 0
  return (set, get) => ({
    id: null,
    entries: [],
    open(id) {
      if (get().id !== id) set({ id, entries: [] })
    },
    scanned(scan) {
      const entry = { ...scan, seq: ++seq }
      set({ entries: [entry, ...get().entries].slice(0, RECENT_SCANS) })
      return entry
    },
  })
}

/** The count station's UI state, one per window. */
export const useStocktakeUi = create<StocktakeUiState>()(stocktakeUiState())

/** The moves an approval posted, read from the day it was decided. */
export function adjustmentsQuery(api: ApiClient, st: StocktakeT | null) {
  const approved = st?.state === 'approved' && st.decidedAt ? st.decidedAt : null
  return apiQueryOptions(api, 'stock.moves', { kind: 'stocktake', from: approved ?? '', limit: 500 }, {
    enabled: approved !== null,
    select: (moves: StockMoveT[]) => moves.filter((m) => m.refType === 'stocktake' && m.refId === st?.id),
  })
}

/** One stocktake's sheet, variance and adjustment moves. */
export function useStocktake(id: number) {
  const sheet = useApiQuery('stocktake.sheet', { id })
  const variance = useApiQuery('stocktake.variance', { id })
  const st = sheet.data?.stocktake ?? null
  const adjustments = useQuery(adjustmentsQuery(useApi(), st))
  return {
    stocktake: st,
    lines: sheet.data?.lines ?? [],
    variance: variance.data ?? null,
    adjustments: adjustments.data ?? null,
    error: sheet.error?.message ?? variance.error?.message ?? null,
  }
}

/**
 * One count. The answer carries the line and the stocktake as they now are: they replace the
 * cached sheet's at once (newer than any read in flight); the scan joins the station's list.
 */
export async function countScan(
  api: ApiClient,
  queryClient: QueryClient,
  ui: Pick<StocktakeUiState, 'scanned'>,
  input: { id: number; partNumber: string; quantityMilli: number; mode: 'set' | 'add' },
): Promise<ScanEntry> {
  const result = await writeThrough(api, queryClient, 'stocktake.count', input, ['stocktake.sheet'])
  const { partNumber, quantityMilli, mode } = input
  if (!result.ok) return ui.scanned({ partNumber, quantityMilli, mode, line: null, error: result.message })
  const { line, stocktake } = result.data
  const key = apiKey('stocktake.sheet', { id: input.id })
  await queryClient.cancelQueries({ queryKey: key })
  queryClient.setQueryData(key, (sheet: { stocktake: StocktakeT; lines: CountLineT[] } | undefined) => {
    if (!sheet) return sheet
    const known = sheet.lines.some((l) => l.partId === line.partId)
    return { stocktake, lines: known ? sheet.lines.map((l) => (l.partId === line.partId ? line : l)) : [...sheet.lines, line] }
  })
  return ui.scanned({ partNumber, quantityMilli, mode, line, error: null })
}

/** Approve the version shown: the answer is the variance as approved; the rest is read again. */
export async function approveStocktake(api: ApiClient, queryClient: QueryClient, st: StocktakeT): Promise<Envelope<unknown>> {
  const result = await writeThrough(api, queryClient, 'stocktake.approve', { id: st.id, version: st.version }, ['stocktake.variance'])
  if (result.ok) queryClient.setQueryData(apiKey('stocktake.variance', { id: st.id }), result.data)
  return result
}

/** The station's writes, bound to the window's client and cache. */
export function useStocktakeWrites() {
  const api = useApi()
  const queryClient = useQueryClient()
  return {
    count: (input: Parameters<typeof countScan>[3]) => countScan(api, queryClient, useStocktakeUi.getState(), input),
    approve: (st: StocktakeT) => approveStocktake(api, queryClient, st),
  }
}
