import { create } from 'zustand'
import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { ApiClient, Contract, Envelope } from '../../../shared/contract'
import type { InputOf } from '../../../shared/contract/types'
import { apiKey, useApi, useApiQuery, writeThrough } from '../api/query-client'
import type { Failure } from '../api/failure'
import type { PickListT, ShortageOutcome, StockMoveT } from './parts-types'

/** The shelf could not give what was asked: what there is and what was wanted, for the person. */
export interface StockRefusal {
  message: string
  partId: number | null
  partNumber: string | null
  availableMilli: number | null
  requestedMilli: number | null
}

export interface CounterOutcome {
  ok: boolean
  message?: string
  moves?: StockMoveT[]
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

/** A failure as the counter shows it; INSUFFICIENT_STOCK names the part and both quantities. */
export function refusalOf(failure: Failure, pick: PickListT | null): StockRefusal {
  const details = failure.details ?? {}
  const partNumber = typeof details.partNumber === 'string' ? details.partNumber : null
  const line = partNumber ? pick?.lines.find((l) => l.partNumber === partNumber) : undefined
  return {
    message: failure.message,
    partId: line?.partId ?? null,
    partNumber,
    availableMilli: num(details.availableMilli),
    requestedMilli: num(details.requestedMilli),
  }
}

/** The counter's UI state: which order's pick list is open, the last refusal, a write under way. */
export interface CounterUiState {
  roId: number | null
  refusal: StockRefusal | null
  busy: boolean
  open(roId: number): void
  dismissRefusal(): void
}

export const useCounterUi = create<CounterUiState>()((set, get) => ({
  roId: null,
  refusal: null,
  busy: false,
  open(roId) {
    if (get().roId !== roId) set({ roId, refusal: null })
  },
  dismissRefusal() {
    set({ refusal: null })
  },
}))

/** The counter queue of repair orders with parts to pick. */
export function useCounterQueue() {
  const query = useApiQuery('parts.counterQueue', { limit: 200 })
  return { queue: query.data ?? null, error: query.error?.message ?? null }
}

/** One order's pick list; a slow answer for another order never shows (each order is its own key). */
export function usePickList(roId: number) {
  const query = useApiQuery('parts.pickList', { roId })
  return { pick: query.data ?? null, error: query.error?.message ?? null }
}

type CounterWrite = 'parts.issue' | 'parts.return' | 'parts.recordShortage'

/**
 * A write at the counter. The answer carries the fresh pick list: it replaces the cached one at
 * once; a refusal is kept for the screen (INSUFFICIENT_STOCK names the part and both quantities).
 */
export async function counterWrite<K extends CounterWrite>(
  api: ApiClient,
  queryClient: QueryClient,
  channel: K,
  input: InputOf<Contract[K]>,
  ui: { getState(): CounterUiState; setState(patch: Partial<CounterUiState>): void } = useCounterUi,
): Promise<CounterOutcome> {
  const key = apiKey('parts.pickList', { roId: input.roId })
  ui.setState({ busy: true })
  const result = (await writeThrough(api, queryClient, channel, input, ['parts.pickList'])) as Envelope<{ pickList: PickListT } | PickListT>
  ui.setState({ busy: false })
  if (!result.ok) {
    ui.setState({ refusal: refusalOf(result, queryClient.getQueryData<PickListT>(key) ?? null) })
    return { ok: false, message: result.message }
  }
  const data = result.data
  const pick = 'pickList' in data ? data.pickList : data
  await queryClient.cancelQueries({ queryKey: key })
  queryClient.setQueryData(key, pick)
  ui.setState({ refusal: null })
  return 'pickList' in data ? { ok: true, moves: 'moves' in data ? (data.moves as StockMoveT[]) : [] } : { ok: true }
}

/** Issue, give back or record a shortage on the open order. */
export function useCounterWrites() {
  const api = useApi()
  const queryClient = useQueryClient()
  const roId = () => {
    const id = useCounterUi.getState().roId
    if (id === null) throw new Error('no pick list is open')
    return id
  }
  return {
    issue: (lines: { partId: number; quantityMilli: number }[]) => counterWrite(api, queryClient, 'parts.issue', { roId: roId(), lines }),
    giveBack: (lines: { partId: number; quantityMilli: number }[], reason: string) =>
      counterWrite(api, queryClient, 'parts.return', { roId: roId(), lines, reason }),
    recordShortage: (partId: number, outcome: ShortageOutcome, note: string) =>
      counterWrite(api, queryClient, 'parts.recordShortage', { roId: roId(), partId, outcome, note }),
  }
}
