import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPartsLiveStore } from './parts-live-store'
import { fakePartsApi } from './parts-test-api'

const event = (type: string, id: number) => ({ type, id, at: '2026-03-01T09:00:00+08:00' })

describe('the parts live-change store', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('moves the revision once for a burst of stock changes and ignores other areas', async () => {
    const store = createPartsLiveStore(fakePartsApi({}).api, 200)
    store.getState().changed(event('workshop.board', 1))
    await vi.advanceTimersByTimeAsync(250)
    expect(store.getState().revision).toBe(0)
    for (let i = 0; i < 5; i++) store.getState().changed(event('stock.changed', i))
    store.getState().changed(event('ro.authorised', 9))
    await vi.advanceTimersByTimeAsync(250)
    expect(store.getState().revision).toBe(1)
  })
})
