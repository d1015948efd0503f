import { create } from 'zustand'
import { useQueryClient, type QueryClient } from '@tanstack/react-query'
import { apiKey, useApi, useApiQuery, writeThrough } from '../api/query-client'
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

/** The receivables' filters: UI state, one per window. */
export const useReceivablesFilter = create<{ filter: ReceivablesFilter; setFilter(filter: ReceivablesFilter): void }>()((set) => ({
  filter: {},
  setFilter(filter) {
    set({ filter })
  },
}))

/** The queue of ROs ready to settle, or settled and waiting for the customer. */
export function useSettlementQueue(state: QueueState) {
  const query = useApiQuery('settlement.queue', { state })
  return { rows: query.data ?? null, error: query.error?.message ?? null }
}

/** One RO's settlement view. */
export function useSettlementView(roId: number, enabled = true) {
  const query = useApiQuery('settlement.get', { roId }, { enabled })
  return { view: query.data ?? null, error: query.error?.message ?? null }
}

export function receivablesInput(filter: ReceivablesFilter): InputOf<Contract['receivables.list']> {
  const input: InputOf<Contract['receivables.list']> = { limit: 1000 }
  if (filter.payer) input.payer = filter.payer
  if (filter.asOf) input.asOf = filter.asOf
  return input
}

export function useReceivables(filter: ReceivablesFilter) {
  const query = useApiQuery('receivables.list', receivablesInput(filter), { keepPrevious: true })
  return { data: query.data ?? null, error: query.error?.message ?? null }
}

/**
 * A write on the RO showing. Its answer is the fresh view: it replaces the cached one at once
 * (newer than any read in flight), and the lists it changed are read again.
 */
export function useSettlementWrite() {
  const api = useApi()
  const queryClient = useQueryClient()
  return <K extends ViewWrite>(channel: K, input: InputOf<Contract[K]>) => settlementWrite(api, queryClient, channel, input)
}

export async function settlementWrite<K extends ViewWrite>(
  api: ApiClient,
  queryClient: QueryClient,
  channel: K,
  input: InputOf<Contract[K]>,
): Promise<Envelope<SettlementViewT>> {
  const answered = async (view: SettlementViewT) => {
    const key = apiKey('settlement.get', { roId: view.ro.id })
    await queryClient.cancelQueries({ queryKey: key })
    queryClient.setQueryData(key, view)
  }
  return (await writeThrough(api, queryClient, channel, input, ['settlement.get'], answered)) as Envelope<SettlementViewT>
}
