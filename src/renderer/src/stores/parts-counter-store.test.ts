import { describe, expect, it } from 'vitest'
import { createPartsCounterStore } from './parts-counter-store'
import type { PickListT } from './parts-types'
import { fakePartsApi, ok } from './parts-test-api'

const pickList = (issuedMilli: number): PickListT => ({
  ro: { id: 7, number: 'RO2026000007', state: 'authorised', plate: '粤A12345', model: '朗逸', customerName: '张三', customerId: 1 },
  lines: [
    { partId: 3, partNumber: '06L115562', name: '机油滤清器', unit: 'EA', bin: 'A-01', requestedMilli: 2000, issuedMilli, outstandingMilli: 2000 - issuedMilli, onHandMilli: 1000, servedFromStock: null, outcome: null },
  ],
})

describe('the parts counter store', () => {
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
    const store = createPartsCounterStore(api)
    await store.getState().loadPick(7)
    const outcome = await store.getState().issue([{ partId: 3, quantityMilli: 2000 }])
    expect(outcome.ok).toBe(false)
    expect(store.getState().refusal).toEqual({
      message: '配件 06L115562 库存不足：现有 1，需要 2',
      partId: 3,
      partNumber: '06L115562',
      availableMilli: 1000,
      requestedMilli: 2000,
    })
    expect(store.getState().pick?.lines[0]?.outstandingMilli).toBe(2000)
  })

  it('replaces the pick list with the one the issue answers and clears an earlier refusal', async () => {
    let refuse = true
    const { api, calls } = fakePartsApi({
      'parts.pickList': () => ok(pickList(0)),
      'parts.issue': () => (refuse ? { ok: false, code: 'VALIDATION', message: 'no' } : ok({ moves: [], pickList: pickList(1000) })),
    })
    const store = createPartsCounterStore(api)
    await store.getState().loadPick(7)
    await store.getState().issue([{ partId: 3, quantityMilli: 1000 }])
    expect(store.getState().refusal?.message).toBe('no')
    refuse = false
    await store.getState().issue([{ partId: 3, quantityMilli: 1000 }])
    expect(store.getState().refusal).toBeNull()
    expect(store.getState().pick?.lines[0]?.issuedMilli).toBe(1000)
    expect(calls.at(-1)).toEqual({ channel: 'parts.issue', input: { roId: 7, lines: [{ partId: 3, quantityMilli: 1000 }] } })
  })

  it('never lets a slow answer for another order replace the pick list being shown', async () => {
    const { api } = fakePartsApi({
      'parts.pickList': (input) =>
        new Promise((done) => setTimeout(() => done(ok({ ...pickList(0), ro: { ...pickList(0).ro, id: input.roId as number } })), input.roId === 1 ? 30 : 1)),
    })
    const store = createPartsCounterStore(api)
    const slow = store.getState().loadPick(1)
    await store.getState().loadPick(2)
    await slow
    expect(store.getState().pick?.ro.id).toBe(2)
  })
})
