import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { QueryClient, QueryObserver } from '@tanstack/react-query'
import type { ApiClient, LiveEvent } from '../../../shared/contract'
import { apiQueryOptions } from '../api/query-client'
import { connectLive } from '../api/live-events'
import { receivablesInput, settlementWrite, type SettlementViewT } from './settlement-store'

const view = (id: number, version: number, state: 'ready' | 'settled' = 'ready') => ({ ro: { id, version, state } }) as unknown as SettlementViewT

/** A fake client answering from a function of (channel, input); every call is recorded. */
function fakeApi(answer: (channel: string, input: Record<string, unknown>) => Promise<unknown>) {
  const calls: [string, unknown][] = []
  let push: ((e: LiveEvent) => void) | null = null
  const api = {
    call: async (channel: string, input: Record<string, unknown>) => {
      calls.push([channel, input])
      const data = await answer(channel, input)
      return data instanceof Error ? { ok: false, code: 'CONFLICT', message: data.message } : { ok: true, data }
    },
    subscribe: (handler: (e: LiveEvent) => void) => {
      push = handler
      return () => (push = null)
    },
  } as unknown as ApiClient
  return { api, calls, emit: (type: string) => push?.({ type, at: 'now' }) }
}

/** The cashier's screen as the hooks wire it: observers on the cache for what shows. */
function cashier(_api: ApiClient) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const observe = <T,>(options: object) => {
    const observer = new QueryObserver(client, options as never)
    observer.subscribe(() => {})
    return () => observer.getCurrentResult().data as T | undefined
  }
  return { client, observe }
}

describe('the settlement desk through the query layer', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('shows the answer of a settle at once and reads the queue again, never an older read over it', async () => {
    let slow: (v: unknown) => void = () => {}
    const fake = fakeApi((channel, input) => {
      if (channel === 'settlement.get') return new Promise((done) => (slow = done))
      if (channel === 'settlement.settle') return Promise.resolve(view(input.roId as number, 2, 'settled'))
      return Promise.resolve([])
    })
    const { client, observe } = cashier(fake.api)
    observe(apiQueryOptions(fake.api, 'settlement.queue', { state: 'ready' }))
    const shown = observe<SettlementViewT>(apiQueryOptions(fake.api, 'settlement.get', { roId: 5 }))
    await vi.advanceTimersByTimeAsync(1)
    const result = await settlementWrite(fake.api, client, 'settlement.settle', { roId: 5, version: 1 } as never)
    expect(result.ok).toBe(true)
    slow(view(5, 1))
    await vi.advanceTimersByTimeAsync(1)
    expect(shown()?.ro).toMatchObject({ id: 5, version: 2, state: 'settled' })
    expect(fake.calls.filter(([c]) => c === 'settlement.queue')).toHaveLength(2)
  })

  it('keeps the view and reports the host’s message when a write is refused', async () => {
    const fake = fakeApi((channel) => Promise.resolve(channel === 'settlement.reverse' ? new Error('已被他人修改') : view(5, 3, 'settled')))
    const { client, observe } = cashier(fake.api)
    const shown = observe<SettlementViewT>(apiQueryOptions(fake.api, 'settlement.get', { roId: 5 }))
    await vi.advanceTimersByTimeAsync(1)
    const result = await settlementWrite(fake.api, client, 'settlement.reverse', { roId: 5, version: 3, reason: '付费方填错' })
    expect(result).toMatchObject({ ok: false, message: '已被他人修改' })
    expect(shown()?.ro.version).toBe(3)
  })

  it('refreshes what shows once per burst of pushed changes', async () => {
    const fake = fakeApi((channel) => Promise.resolve(channel === 'settlement.get' ? view(5, 1) : channel === 'receivables.list' ? { rows: [] } : []))
    const { client, observe } = cashier(fake.api)
    observe(apiQueryOptions(fake.api, 'settlement.get', { roId: 5 }))
    observe(apiQueryOptions(fake.api, 'receivables.list', receivablesInput({ payer: 'insurance' })))
    await vi.advanceTimersByTimeAsync(1)
    const stop = connectLive({ api: fake.api, queryClient: client, onStatus: () => {}, debounceMs: 50 })
    fake.calls.length = 0
    for (let i = 0; i < 5; i++) fake.emit('settlement.changed')
    await vi.advanceTimersByTimeAsync(60)
    expect(fake.calls.map(([c]) => c).sort()).toEqual(['receivables.list', 'settlement.get'])
    expect(fake.calls.find(([c]) => c === 'receivables.list')?.[1]).toEqual({ limit: 1000, payer: 'insurance' })
    stop()
  })
})
