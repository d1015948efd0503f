import { describe, expect, it } from 'vitest'
import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { createStore } from 'zustand/vanilla'
import type { ApiClient } from '../../../shared/contract'
import { apiQueryOptions } from '../api/query-client'
import { counterWrite, type CounterUiState } from './parts-counter-store'
import type { PickListT } from './parts-types'
import { fakePartsApi, ok } from './parts-test-api'

const pickList = (issuedMilli: number): PickListT => ({
  ro: { id: 7, number: 'RO2026000007', state: 'authorised', plate: '粤A12345', model: '朗逸', customerName: '张三', customerId: 1 },
  lines: [
    { partId: 3, partNumber: '06L115562', name: '机油滤清器', unit: 'EA', bin: 'A-01', requestedMilli: 2000, issuedMilli, outstandingMilli: 2000 - issuedMilli, onHandMilli: 1000, servedFromStock: null, outcome: null },
  ],
})

/** The pick-list screen as the hooks wire it: the query for order `roId` and the counter's UI state. */
function counterScreen(api: ApiClient, roId = 7) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const ui = createStore<CounterUiState>()(() => ({ roId, refusal: null, busy: false, open: () => {}, dismissRefusal: () => {} }))
  const observe = (id: number) => {
    const observer = new QueryObserver(client, apiQueryOptions(api, 'parts.pickList', { roId: id }))
    observer.subscribe(() => {})
    return () => observer.getCurrentResult().data
  }
  const pick = observe(roId)
  const write = (channel: 'parts.issue', lines: { partId: number; quantityMilli: number }[]) => counterWrite(api, client, channel, { roId, lines }, ui)
  return { client, ui, pick, observe, write }
}

const settle = () => new Promise((done) => setTimeout(done, 5))

describe('the parts counter through the query layer', () => {
  it('shows a refusal for insufficient stock with the part and both quantities, and keeps the pick list', async () => {
    const { api } = fakePartsApi({
      'parts.pickList': () => ok(pickList(0)),
      'parts.issue': () => ({
        ok: false,
        code: 'INSUFFICIENT_STOCK',
        message: '配件 06L115562 库存不足：现有 1，需要 2',
        details: { partNumber: '06L115562', availableMilli: 1000, requestedMilli: 2000 },
      }),
    })
    const screen = counterScreen(api)
    await settle()
    const outcome = await screen.write('parts.issue', [{ partId: 3, quantityMilli: 2000 }])
    expect(outcome.ok).toBe(false)
    expect(screen.ui.getState().refusal).toEqual({
      message: '配件 06L115562 库存不足：现有 1，需要 2',
      partId: 3,
      partNumber: '06L115562',
      availableMilli: 1000,
      requestedMilli: 2000,
    })
    expect(screen.pick()?.lines[0]?.outstandingMilli).toBe(2000)
  })

  it('replaces the pick list with the one the issue answers and clears an earlier refusal', async () => {
    let refuse = true
    const { api, calls } = fakePartsApi({
      'parts.pickList': () => ok(pickList(0)),
      'parts.issue': () => (refuse ? { ok: false, code: 'VALIDATION', message: 'no' } : ok({ moves: [], pickList: pickList(1000) })),
    })
    const screen = counterScreen(api)
    await settle()
    await screen.write('parts.issue', [{ partId: 3, quantityMilli: 1000 }])
    expect(screen.ui.getState().refusal?.message).toBe('no')
    refuse = false
    await screen.write('parts.issue', [{ partId: 3, quantityMilli: 1000 }])
    expect(screen.ui.getState().refusal).toBeNull()
    expect(screen.pick()?.lines[0]?.issuedMilli).toBe(1000)
    expect(calls.filter((c) => c.channel === 'parts.issue').at(-1)).toEqual({ channel: 'parts.issue', input: { roId: 7, lines: [{ partId: 3, quantityMilli: 1000 }] } })
  })

  it('never lets a slow answer for another order replace the pick list being shown', async () => {
    const { api } = fakePartsApi({
      'parts.pickList': (input) =>
        new Promise((done) => setTimeout(() => done(ok({ ...pickList(0), ro: { ...pickList(0).ro, id: input.roId as number } })), input.roId === 1 ? 30 : 1)),
    })
    const screen = counterScreen(api, 2)
    const other = screen.observe(1)
    await new Promise((done) => setTimeout(done, 40))
    expect(screen.pick()?.ro.id).toBe(2)
    expect(other()?.ro.id).toBe(1)
  })
})
