import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiClient } from '../../../shared/contract'
import { createReceptionStore } from './reception-store'
import type { SearchHitT } from './types'

const hit = (plate: string): SearchHitT => ({
  vehicleId: 1,
  vin: 'LSVAB2187R4587704',
  plate,
  make: '大众',
  model: '朗逸',
  customerId: 1,
  customerName: '张三',
  mobile: null,
  openRoId: null,
  openRoNumber: null,
  matchedBy: 'plate',
})

function fakeApi(answer: (q: string) => Promise<SearchHitT[]>) {
  const queries: string[] = []
  const api = {
    call: async (channel: string, input: { q: string }) => {
      if (channel !== 'reception.find') throw new Error(channel)
      queries.push(input.q)
      const hits = await answer(input.q)
      return { ok: true, data: { hits, total: hits.length, capped: false } }
    },
    subscribe: () => () => {},
  } as unknown as ApiClient
  return { api, queries }
}

describe('the reception search store', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('waits for a pause in typing and then searches once for the latest text', async () => {
    const { api, queries } = fakeApi(async (q) => [hit(q)])
    const store = createReceptionStore(api, 120)
    for (const text of ['粤', '粤A', '粤A1']) store.getState().setQuery(text)
    await vi.advanceTimersByTimeAsync(130)
    expect(queries).toEqual(['粤A1'])
    expect(store.getState().hits.map((h) => h.plate)).toEqual(['粤A1'])
  })

  it('never lets a slow answer to an older query replace the newer one', async () => {
    const { api } = fakeApi((q) => new Promise((done) => setTimeout(() => done([hit(q)]), q === 'old' ? 500 : 10)))
    const store = createReceptionStore(api, 0)
    store.getState().setQuery('old')
    await vi.advanceTimersByTimeAsync(1)
    store.getState().setQuery('new')
    await vi.advanceTimersByTimeAsync(600)
    expect(store.getState().hits.map((h) => h.plate)).toEqual(['new'])
  })

  it('moves the highlighted result round the list and clears everything on Esc', async () => {
    const { api } = fakeApi(async () => [hit('a'), hit('b'), hit('c')])
    const store = createReceptionStore(api, 0)
    store.getState().setQuery('x')
    await vi.advanceTimersByTimeAsync(1)
    store.getState().moveActive(-1)
    expect(store.getState().active).toBe(2)
    store.getState().moveActive(1)
    expect(store.getState().active).toBe(0)
    store.getState().clear()
    expect(store.getState()).toMatchObject({ query: '', hits: [], active: 0 })
  })
})
