import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiClient } from '../../../shared/contract'
import { createSettlementStore, type SettlementViewT } from './settlement-store'

const view = (id: number, version: number, state: 'ready' | 'settled' = 'ready') => ({ ro: { id, version, state } }) as unknown as SettlementViewT

/** A fake client answering from a function of (channel, input); every call is recorded. */
function fakeApi(answer: (channel: string, input: Record<string, unknown>) => Promise<unknown>) {
  const calls: [string, unknown][] = []
  const api = {
    call: async (channel: string, input: Record<string, unknown>) => {
      calls.push([channel, input])
      const data = await answer(channel, input)
      return data instanceof Error ? { ok: false, code: 'CONFLICT', message: data.message } : { ok: true, data }
    },
    subscribe: () => () => {},
  } as unknown as ApiClient
  return { api, calls }
}

describe('the settlement store', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('shows the answer of a settle at once and reads the queue again, never an older read over it', async () => {
    let slow: (v: unknown) => void = () => {}
    const fake = fakeApi((channel, input) => {
      if (channel === 'settlement.get') return new Promise((done) => (slow = done))
      if (channel === 'settlement.settle') return Promise.resolve(view(input.roId as number, 2, 'settled'))
      return Promise.resolve([])
    })
    const store = createSettlementStore(fake.api, 10)
    await store.getState().loadQueue('ready')
    const pending = store.getState().loadView(5)
    const result = await store.getState().write('settlement.settle', { roId: 5, version: 1 })
    expect(result.ok).toBe(true)
    slow(view(5, 1))
    await pending
    expect(store.getState().view?.ro).toMatchObject({ id: 5, version: 2, state: 'settled' })
    expect(fake.calls.filter(([c]) => c === 'settlement.queue')).toHaveLength(2)
  })

  it('keeps the view and reports the host’s message when a write is refused', async () => {
    const fake = fakeApi((channel) => Promise.resolve(channel === 'settlement.reverse' ? new Error('已被他人修改') : view(5, 3, 'settled')))
    const store = createSettlementStore(fake.api, 10)
    await store.getState().loadView(5)
    const result = await store.getState().write('settlement.reverse', { roId: 5, version: 3, reason: '付费方填错' })
    expect(result).toMatchObject({ ok: false, message: '已被他人修改' })
    expect(store.getState().view?.ro.version).toBe(3)
  })

  it('refreshes what shows once per burst of pushed changes', async () => {
    const fake = fakeApi((channel) => Promise.resolve(channel === 'settlement.get' ? view(5, 1) : channel === 'receivables.list' ? { rows: [] } : []))
    const store = createSettlementStore(fake.api, 50)
    await store.getState().loadView(5)
    await store.getState().loadReceivables({ payer: 'insurance' })
    fake.calls.length = 0
    for (let i = 0; i < 5; i++) store.getState().changed()
    await vi.advanceTimersByTimeAsync(60)
    expect(fake.calls.map(([c]) => c).sort()).toEqual(['receivables.list', 'settlement.get'])
    expect(fake.calls.find(([c]) => c === 'receivables.list')?.[1]).toEqual({ limit: 1000, payer: 'insurance' })
  })
})
