import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiClient, LiveEvent } from '../../../shared/contract'
import { QueryClient, QueryObserver } from '@tanstack/react-query'
import type { BoardT } from './workshop-store'
import { apiQueryOptions, staleAfterWrite } from '../api/query-client'
import { connectLive, invalidateChannels, shareSubscription } from '../api/live-events'

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

/** The board as the screen reads it: one observer on the query cache, fed by the live events. */
function workshop(api: ApiClient, channel: 'workshop.board' | 'workshop.wall' = 'workshop.board') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const input = channel === 'workshop.wall' ? { displayToken: 't'.repeat(24) } : {}
  const observer = new QueryObserver(client, apiQueryOptions(api, channel, input as never))
  const off = observer.subscribe(() => {})
  return { client, observer, board: () => observer.getCurrentResult().data as BoardT | undefined, close: off }
}

describe('the workshop board through the query layer', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('reads the board again once per burst of workshop and RO events and ignores other areas', async () => {
    const fake = fakeApi()
    const { client, close } = workshop(fake.api)
    await vi.advanceTimersByTimeAsync(1)
    const stop = connectLive({ api: fake.api, queryClient: client, onStatus: () => {}, debounceMs: 50 })
    fake.emit('workshop.changed')
    fake.emit('ro.changed')
    fake.emit('workshop.changed')
    fake.emit('parts.imported')
    await vi.advanceTimersByTimeAsync(60)
    expect(fake.calls).toEqual(['workshop.board', 'workshop.board'])
    fake.emit('appointment.changed')
    await vi.advanceTimersByTimeAsync(60)
    expect(fake.calls).toHaveLength(2)
    stop()
    close()
  })

  it('shows the board as stale while the push channel is down and reads it again when it comes back', async () => {
    const fake = fakeApi()
    const { client, close } = workshop(fake.api)
    await vi.advanceTimersByTimeAsync(1)
    let live = ''
    const stop = connectLive({ api: fake.api, queryClient: client, onStatus: (s) => (live = s), debounceMs: 0 })
    fake.setConnected(true)
    expect(live).toBe('connected')
    fake.setConnected(false)
    expect(live).toBe('stale')
    await vi.advanceTimersByTimeAsync(5)
    expect(fake.calls).toHaveLength(1)
    fake.setConnected(true)
    await vi.advanceTimersByTimeAsync(5)
    expect(live).toBe('connected')
    expect(fake.calls).toEqual(['workshop.board', 'workshop.board'])
    stop()
    close()
  })

  it('keeps one subscription however many panels connect, and closes it with the last one', () => {
    const fake = fakeApi()
    const shared = shareSubscription(fake.api)
    const a = shared.subscribe(() => {})
    const b = shared.subscribe(() => {})
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
      return new Promise((done) => setTimeout(() => done(board(`read-${mine}`)), mine === 2 ? 500 : 10))
    })
    const { observer, board: shown, close } = workshop(fake.api)
    await vi.advanceTimersByTimeAsync(20)
    // A change arrives while the board shows, and another while that read is still out.
    void observer.refetch()
    void observer.refetch()
    await vi.advanceTimersByTimeAsync(600)
    expect(fake.calls).toHaveLength(3)
    expect(shown()?.at).toBe('read-3')
    close()
  })

  it('reads the board and the open order again right after a successful write', async () => {
    const fake = fakeApi(async (channel) => {
      if (channel === 'workshop.ro') return { roId: 7 }
      return board('x')
    })
    const { client, close } = workshop(fake.api)
    const ro = new QueryObserver(client, apiQueryOptions(fake.api, 'workshop.ro', { roId: 7 }))
    const offRo = ro.subscribe(() => {})
    await vi.advanceTimersByTimeAsync(1)
    fake.calls.length = 0
    await invalidateChannels(client, staleAfterWrite('workshop.clockOn'))
    expect(fake.calls.sort()).toEqual(['workshop.board', 'workshop.ro'])
    offRo()
    close()
  })

  it('reads the wall display board with its own reader', async () => {
    const fake = fakeApi(async (channel) => board(channel))
    const { board: shown, close } = workshop(fake.api, 'workshop.wall')
    await vi.advanceTimersByTimeAsync(1)
    expect(shown()?.at).toBe('workshop.wall')
    close()
  })
})
