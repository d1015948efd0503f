import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { createStore } from 'zustand/vanilla'
import { ledgerOf, ledgerQueries, MOVES_PAGE, partSearchQuery, partsCatalogueState, SEARCH_LIMIT } from './parts-catalogue-store'
import type { PartDetailT, PartRowT, StockMoveT } from './parts-types'
import { fakePartsApi, ok } from './parts-test-api'

const part = (id: number, partNumber: string): PartRowT => ({
  id, partNumber, name: '机油滤清器', brand: null, category: null, unit: 'EA', bin: 'A-01', supplierId: null, supplierName: null, costFen: 100,
  priceFen: 200, active: true, version: 1, onHandMilli: 0, reservedMilli: 0, availableMilli: 0, valueFen: 0, avgCostFen: 100, lastIssueAt: null,
})
const move = (id: number): StockMoveT => ({ id, partId: 1, partNumber: 'P1', at: '2026-03-01T09:00:00+08:00', kind: 'receipt', quantityMilli: 1000, unitCostFen: 100,
  valueFen: 100, onHandMilliAfter: id * 1000, valueFenAfter: id * 100, userName: null, reason: 'r', refType: 'manual', refId: null, bin: null })

const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } })

describe('the parts catalogue store', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('searches once for the latest text after a pause in typing', async () => {
    const { api, calls } = fakePartsApi({ 'parts.search': (input) => ok([part(1, String(input.q))]) })
    const store = createStore(partsCatalogueState(100))
    const observer = new QueryObserver(client(), { ...partSearchQuery(api, '', false), enabled: false })
    store.subscribe((s) => s.submitted && observer.setOptions(partSearchQuery(api, s.submitted, s.includeInactive)))
    observer.subscribe(() => {})
    for (const q of ['06', '06L', '06L-115']) store.getState().setQuery(q)
    await vi.advanceTimersByTimeAsync(110)
    expect(calls.map((c) => c.input.q)).toEqual(['06L-115'])
    expect(observer.getCurrentResult().data?.map((r) => r.partNumber)).toEqual(['06L-115'])
    expect(calls[0]?.input.limit).toBe(SEARCH_LIMIT + 1)
  })

  it('pages back through older moves of the part that is open', async () => {
    const first = Array.from({ length: MOVES_PAGE }, (_, i) => move(100 - i))
    const { api, calls } = fakePartsApi({
      'parts.get': () => ok({ part: part(1, 'P1'), moves: first }),
      'stock.moves': () => ok([move(10)]),
    })
    const store = createStore(partsCatalogueState(0))
    const queries = client()
    store.getState().openLedger(1)
    const detail = await queries.fetchQuery(ledgerQueries(api, 1, []).first)
    expect(ledgerOf(detail, []).moreMoves).toBe(true)
    store.getState().olderThan(detail.moves.at(-1)?.id ?? 0)
    const older = ledgerQueries(api, 1, store.getState().ledger?.olderFrom ?? []).older
    const pages = await Promise.all(older.map((o) => queries.fetchQuery(o)))
    expect(calls.at(-1)?.input).toEqual({ partId: 1, beforeId: 100 - MOVES_PAGE + 1, limit: MOVES_PAGE })
    const ledger = ledgerOf(detail as PartDetailT, pages)
    expect(ledger.detail?.moves).toHaveLength(MOVES_PAGE + 1)
    expect(ledger.moreMoves).toBe(false)
  })
})
