import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiClient } from '../../../shared/contract'
import { createStore } from 'zustand/vanilla'
import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { countQuery, hitsQuery, receptionState } from './reception-store'
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

function fakeApi(answer: (q: string) => Promise<SearchHitT[]>, count: (q: string) => Promise<number> = async () => 0) {
  const queries: string[] = []
  const counts: string[] = []
  const api = {
    call: async (channel: string, input: { q: string }) => {
      if (channel === 'reception.count') {
        counts.push(input.q)
        return { ok: true, data: { total: await count(input.q), capped: false } }
      }
      if (channel !== 'reception.search') throw new Error(channel)
      queries.push(input.q)
      return { ok: true, data: await answer(input.q) }
    },
    subscribe: () => () => {},
  } as unknown as ApiClient
  return { api, queries, counts }
}

/** The desk as the screen wires it: the UI store, and the query its submitted text asks. */
function desk(api: ApiClient, debounceMs: number) {
  const store = createStore(receptionState(debounceMs))
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const observer = new QueryObserver(client, hitsQuery(api, '', 20))
  const unsubscribe = store.subscribe((s) => observer.setOptions(hitsQuery(api, s.submitted, s.limit)))
  const off = observer.subscribe(() => {})
  const hits = () => (store.getState().submitted ? (observer.getCurrentResult().data ?? []) : [])
  return { store, hits, client, close: () => (unsubscribe(), off()) }
}

describe('the reception search', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('waits for a pause in typing and then searches once for the latest text', async () => {
    const { api, queries } = fakeApi(async (q) => [hit(q)])
    const { store, hits } = desk(api, 120)
    for (const text of ['粤', '粤A', '粤A1']) store.getState().setQuery(text)
    await vi.advanceTimersByTimeAsync(130)
    expect(queries).toEqual(['粤A1'])
    expect(hits().map((h) => h.plate)).toEqual(['粤A1'])
  })

  it('never lets a slow answer to an older query replace the newer one', async () => {
    const { api } = fakeApi((q) => new Promise((done) => setTimeout(() => done([hit(q)]), q === 'old' ? 500 : 10)))
    const { store, hits } = desk(api, 0)
    store.getState().setQuery('old')
    await vi.advanceTimersByTimeAsync(1)
    store.getState().setQuery('new')
    await vi.advanceTimersByTimeAsync(600)
    expect(hits().map((h) => h.plate)).toEqual(['new'])
  })

  it('keeps the previous hits on screen while the next text is asked', async () => {
    const { api } = fakeApi((q) => new Promise((done) => setTimeout(() => done([hit(q)]), 50)))
    const { store, hits } = desk(api, 0)
    store.getState().setQuery('a')
    await vi.advanceTimersByTimeAsync(60)
    store.getState().setQuery('ab')
    await vi.advanceTimersByTimeAsync(5)
    expect(hits().map((h) => h.plate)).toEqual(['a'])
    await vi.advanceTimersByTimeAsync(60)
    expect(hits().map((h) => h.plate)).toEqual(['ab'])
  })

  it('moves the highlighted result round the list and clears everything on Esc', async () => {
    const { api } = fakeApi(async () => [hit('a'), hit('b'), hit('c')])
    const { store, hits } = desk(api, 0)
    store.getState().setQuery('x')
    await vi.advanceTimersByTimeAsync(1)
    store.getState().moveActive(-1, hits().length)
    expect(store.getState().active).toBe(2)
    store.getState().moveActive(1, hits().length)
    expect(store.getState().active).toBe(0)
    store.getState().clear()
    expect(store.getState()).toMatchObject({ query: '', submitted: '', active: 0 })
    expect(hits()).toEqual([])
  })

  it('shows the hits without waiting for the count, which comes in its own call', async () => {
    const { api, queries, counts } = fakeApi(
      async (q) => [hit(q)],
      (q) => new Promise((done) => setTimeout(() => done(q.length * 100), 500)),
    )
    const { store, hits, client } = desk(api, 0)
    store.getState().setQuery('王')
    await vi.advanceTimersByTimeAsync(1)
    expect(hits().map((h) => h.plate)).toEqual(['王'])
    expect(queries).toEqual(['王'])
    expect(counts).toEqual([])
    const counter = new QueryObserver(client, countQuery(api, '王', true))
    const off = counter.subscribe(() => {})
    await vi.advanceTimersByTimeAsync(10)
    expect(counter.getCurrentResult().data).toBeUndefined()
    await vi.advanceTimersByTimeAsync(600)
    expect(counter.getCurrentResult().data).toEqual({ total: 100, capped: false })
    expect(counts).toEqual(['王'])
    off()
    expect(countQuery(api, '王', false).enabled).toBe(false)
  })
})
