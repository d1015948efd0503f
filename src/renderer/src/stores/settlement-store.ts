import { createStore } from 'zustand/vanilla'
import type { z } from 'zod'
import type { ApiClient, Contract, Envelope } from '../../../shared/contract'
import type { InputOf, OutputOf } from '../../../shared/contract/types'
import type { Invoice, Payment, QueueRow, ReceivableRow, SettlementView } from '../../../shared/contract/settlement'
import type { Payer } from '../../../shared/domain/payer'

// The cashier's desk: the queue of ROs ready to settle (or settled, waiting for the customer),
// one RO's settlement view, and the receivables. Writes answer with the fresh view, so the screen
// shows the result of the cashier's own action at once; pushed changes refresh what is showing.

export type QueueRowT = z.output<typeof QueueRow>
export type SettlementViewT = z.output<typeof SettlementView>
export type InvoiceT = z.output<typeof Invoice>
export type PaymentT = z.output<typeof Payment>
export type ReceivableRowT = z.output<typeof ReceivableRow>
export type ReceivablesT = OutputOf<Contract['receivables.list']>
export type QueueState = 'ready' | 'settled'

export interface ReceivablesFilter {
  payer?: Payer
  asOf?: string
}

type ViewWrite = 'settlement.settle' | 'settlement.pay' | 'settlement.reverse' | 'settlement.deliver'

export interface SettlementState {
  queueState: QueueState
  queue: QueueRowT[] | null
  queueError: string | null
  view: SettlementViewT | null
  viewError: string | null
  receivables: ReceivablesT | null
  receivablesError: string | null
  receivablesFilter: ReceivablesFilter
  loadQueue(state?: QueueState): Promise<void>
  loadView(roId: number): Promise<void>
  loadReceivables(filter?: ReceivablesFilter): Promise<void>
  /** A write on the RO showing; on success its answer replaces the view and the lists follow. */
  write<K extends ViewWrite>(channel: K, input: InputOf<Contract[K]>): Promise<Envelope<SettlementViewT>>
  /** Something changed on the host: read again what is showing, once per burst. */
  changed(): void
}

export function createSettlementStore(api: ApiClient, debounceMs = 120) {
  let queueSeq = 0
  let viewSeq = 0
  let receivablesSeq = 0
  let queueWanted = false
  let receivablesWanted = false
  let timer: ReturnType<typeof setTimeout> | null = null

  return createStore<SettlementState>()((set, get) => {
    const refresh = () => {
      const jobs: Promise<void>[] = []
      if (queueWanted) jobs.push(get().loadQueue(get().queueState))
      const view = get().view
      if (view) jobs.push(get().loadView(view.ro.id))
      if (receivablesWanted) jobs.push(get().loadReceivables(get().receivablesFilter))
      return Promise.all(jobs)
    }

    return {
      queueState: 'ready',
      queue: null,
      queueError: null,
      view: null,
      viewError: null,
      receivables: null,
      receivablesError: null,
      receivablesFilter: {},

      async loadQueue(state = get().queueState) {
        queueWanted = true
        const mine = ++queueSeq
        if (state !== get().queueState) set({ queueState: state, queue: null })
        const result = await api.call('settlement.queue', { state })
        // Only the newest answer counts: a slow read never replaces a fresher list.
        if (mine !== queueSeq) return
        if (result.ok) set({ queue: result.data, queueError: null })
        else set({ queueError: result.message })
      },

      async loadView(roId) {
        const mine = ++viewSeq
        if (get().view?.ro.id !== roId) set({ view: null, viewError: null })
        const result = await api.call('settlement.get', { roId })
        if (mine !== viewSeq) return
        if (result.ok) set({ view: result.data, viewError: null })
        else set({ viewError: result.message })
      },

      async loadReceivables(filter = get().receivablesFilter) {
        receivablesWanted = true
        const mine = ++receivablesSeq
        set({ receivablesFilter: filter })
        const input: InputOf<Contract['receivables.list']> = { limit: 1000 }
        if (filter.payer) input.payer = filter.payer
        if (filter.asOf) input.asOf = filter.asOf
        const result = await api.call('receivables.list', input)
        if (mine !== receivablesSeq) return
        if (result.ok) set({ receivables: result.data, receivablesError: null })
        else set({ receivablesError: result.message })
      },

      async write(channel, input) {
        const result = (await api.call(channel, input)) as Envelope<SettlementViewT>
        if (result.ok) {
          // The answer is newer than any read in flight: those are dropped.
          viewSeq += 1
          set({ view: result.data, viewError: null })
          if (queueWanted) void get().loadQueue()
          if (receivablesWanted) void get().loadReceivables()
        }
        return result
      },

      changed() {
        if (timer) clearTimeout(timer)
        timer = setTimeout(() => {
          timer = null
          void refresh()
        }, debounceMs)
      },
    }
  })
}

export type SettlementStore = ReturnType<typeof createSettlementStore>
