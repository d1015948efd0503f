import { createStore } from 'zustand/vanilla'
import type { ApiClient, Envelope } from '../../../shared/contract'
import type { Failure } from '../api/failure'
import type { CounterRoT, PickListT, ShortageOutcome, StockMoveT } from './parts-types'

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

export interface PartsCounterState {
  queue: CounterRoT[] | null
  queueError: string | null
  pick: PickListT | null
  pickError: string | null
  /** The last refusal of an issue (INSUFFICIENT_STOCK) or any other failure at the counter. */
  refusal: StockRefusal | null
  busy: boolean
  loadQueue(): Promise<void>
  loadPick(roId: number): Promise<void>
  issue(lines: { partId: number; quantityMilli: number }[]): Promise<CounterOutcome>
  giveBack(lines: { partId: number; quantityMilli: number }[], reason: string): Promise<CounterOutcome>
  recordShortage(partId: number, outcome: ShortageOutcome, note: string): Promise<CounterOutcome>
  dismissRefusal(): void
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

/** The counter queue of repair orders with parts to pick, and one order's pick list. */
export function createPartsCounterStore(api: ApiClient) {
  let queueSeq = 0
  let pickSeq = 0

  return createStore<PartsCounterState>()((set, get) => {
    const write = async <T extends { pickList: PickListT } | PickListT>(
      call: () => Promise<Envelope<T>>,
    ): Promise<CounterOutcome> => {
      set({ busy: true })
      const result = await call()
      set({ busy: false })
      if (!result.ok) {
        set({ refusal: refusalOf(result, get().pick) })
        return { ok: false, message: result.message }
      }
      pickSeq++
      const data = result.data
      if ('pickList' in data) {
        set({ pick: data.pickList, refusal: null })
        return { ok: true, moves: 'moves' in data ? (data.moves as StockMoveT[]) : [] }
      }
      set({ pick: data, refusal: null })
      return { ok: true }
    }

    const roId = () => {
      const pick = get().pick
      if (!pick) throw new Error('no pick list is open')
      return pick.ro.id
    }

    return {
      queue: null,
      queueError: null,
      pick: null,
      pickError: null,
      refusal: null,
      busy: false,

      async loadQueue() {
        const mine = ++queueSeq
        const result = await api.call('parts.counterQueue', { limit: 200 })
        if (mine !== queueSeq) return
        if (result.ok) set({ queue: result.data, queueError: null })
        else set({ queueError: result.message })
      },

      async loadPick(id) {
        const mine = ++pickSeq
        if (get().pick?.ro.id !== id) set({ pick: null, refusal: null })
        const result = await api.call('parts.pickList', { roId: id })
        if (mine !== pickSeq) return
        if (result.ok) set({ pick: result.data, pickError: null })
        else set({ pick: null, pickError: result.message })
      },

      issue(lines) {
        return write(() => api.call('parts.issue', { roId: roId(), lines }))
      },

      giveBack(lines, reason) {
        return write(() => api.call('parts.return', { roId: roId(), lines, reason }))
      },

      recordShortage(partId, outcome, note) {
        return write(() => api.call('parts.recordShortage', { roId: roId(), partId, outcome, note }))
      },

      dismissRefusal() {
        set({ refusal: null })
      },
    }
  })
}

export type PartsCounterStore = ReturnType<typeof createPartsCounterStore>
