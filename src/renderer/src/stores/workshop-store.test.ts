import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiClient, LiveEvent } from '../../../shared/contract'
import { createWorkshopStore, type BoardT } from './workshop-store'

const board = (at: string): BoardT => ({ at, cards: [], technicians: [], bays: [] })

/** A fake client that records calls and lets the test push events and connection changes. */
function fakeApi(answer: (channel: string, input: unknown) => Promise<unknown> = async () => board('x')) {
  const calls: string[] = []
  let push: ((e: LiveEvent) => void) | null = null
  let status: ((connected: boolean) => void) | undefined
  let subscriptions = 0
  const api = {
    call: async (channel: string, input: unknown) => {
      calls.push(channel)
      return { ok: true, data: await answer(channel, input) }
    },
    subscribe: (handler: (e: LiveEvent) => void, onStatus?: (connected: boolean) => void) => {
      subscriptions += 1
      push = handler
      status = onStatus
      return () => {
        subscriptions -= 1
        push = null
      }
    },
  } as unknown as ApiClient
  return {
    api,
    calls,
    emit: (type: string) => push?.({ type, at: 'now' }),
    setConnected: (c: boolean) => status?.(c),
    subscriptions: () => subscriptions,
  }
}

describe('the workshop store', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('reads the board again once per burst of workshop and RO events and ignores other areas', async () => {
    const fake = fakeApi()
    const store = createWorkshopStore(fake.api, { debounceMs: 50 })
    await store.getState().loadBoard()
    const stop = store.getState().connect()
    fake.emit('workshop.changed')
    fake.emit('ro.changed')
    fake.emit('workshop.changed')
    fake.emit('parts.changed')
    await vi.advanceTimersByTimeAsync(60)
    expect(fake.calls).toEqual(['workshop.board', 'workshop.board'])
    fake.emit('appointment.changed')
    await vi.advanceTimersByTimeAsync(60)
    expect(fake.calls).toHaveLength(2)
    stop()
  })

  it('shows the board as stale while the push channel is down and reads it again when it comes back', async () => {
    const fake = fakeApi()
    const store = createWorkshopStore(fake.api, { debounceMs: 0 })
    await store.getState().loadBoard()
    const stop = store.getState().connect()
    fake.setConnected(true)
    expect(store.getState().live).toBe('connected')
    fake.setConnected(false)
    expect(store.getState().live).toBe('stale')
    await vi.advanceTimersByTimeAsync(5)
    expect(fake.calls).toHaveLength(1)
    fake.setConnected(true)
    await vi.advanceTimersByTimeAsync(5)
    expect(store.getState().live).toBe('connected')
    expect(fake.calls).toEqual(['workshop.board', 'workshop.board'])
    stop()
  })

  it('keeps one subscription however many panels connect, and closes it with the last one', () => {
    const fake = fakeApi()
    const store = createWorkshopStore(fake.api)
    const a = store.getState().connect()
    const b = store.getState().connect()
    expect(fake.subscriptions()).toBe(1)
    a()
    a()
    expect(fake.subscriptions()).toBe(1)
    b()
    expect(fake.subscriptions()).toBe(0)
  })

  it('never lets a slow older board replace a newer one', async () => {
    let n = 0
    const fake = fakeApi(() => {
      n += 1
      const mine = n
      return new Promise((done) => setTimeout(() => done(board(`read-${mine}`)), mine === 1 ? 500 : 10))
    })
    const store = createWorkshopStore(fake.api)
    void store.getState().loadBoard()
    void store.getState().loadBoard()
    await vi.advanceTimersByTimeAsync(600)
    expect(store.getState().board?.at).toBe('read-2')
  })

  it('reads the board and the open order again right after a successful write', async () => {
    const fake = fakeApi(async (channel) => {
      if (channel === 'workshop.ro') return { roId: 7 }
      if (channel === 'workshop.clockOn') return { id: 1 }
      return board('x')
    })
    const store = createWorkshopStore(fake.api)
    await store.getState().loadBoard()
    await store.getState().loadRo(7)
    fake.calls.length = 0
    const result = await store.getState().write('workshop.clockOn', { jobId: 1 })
    expect(result.ok).toBe(true)
    expect(fake.calls.sort()).toEqual(['workshop.board', 'workshop.clockOn', 'workshop.ro'])
  })

  it('reads the wall display board with its own reader', async () => {
    const fake = fakeApi(async (channel) => board(channel))
    const store = createWorkshopStore(fake.api, { readBoard: (api) => api.call('workshop.wall', { displayToken: 't'.repeat(24) }) })
    await store.getState().loadBoard()
    expect(store.getState().board?.at).toBe('workshop.wall')
  })
})
