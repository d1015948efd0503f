import { describe, expect, it, vi } from 'vitest'
import { QueryClient } from '@tanstack/react-query'
import { contract, type ApiClient, type LiveEvent } from '../../../shared/contract'
import { EVENT_READERS } from '../../../shared/contract/live-events'
import { LIVE_CHANNELS, LIVE_INVALIDATES, WRITE_EVENTS, connectLive, eventsOfWrite, shareSubscription } from './live-events'

function fakeApi() {
  const handlers = new Set<{ event: (e: LiveEvent) => void; status?: (c: boolean) => void }>()
  const subscribe = vi.fn((event: (e: LiveEvent) => void, status?: (c: boolean) => void) => {
    const entry = { event, status }
    handlers.add(entry)
    return () => handlers.delete(entry)
  })
  const api = { call: vi.fn(), subscribe } as unknown as ApiClient
  return {
    api,
    subscribe,
    open: () => handlers.size,
    emit: (type: string) => handlers.forEach((h) => h.event({ type, at: '' })),
    status: (c: boolean) => handlers.forEach((h) => h.status?.(c)),
  }
}

describe('live-event table', () => {
  it('has an entry for every event type in the contract, and no other', () => {
    expect(Object.keys(LIVE_INVALIDATES).sort()).toEqual(Object.keys(EVENT_READERS).sort())
  })

  it('names only read channels that exist in the contract', () => {
    for (const [type, channels] of Object.entries(LIVE_INVALIDATES)) {
      for (const channel of channels) {
        expect(contract, `${type} → ${channel}`).toHaveProperty([channel])
        expect(contract[channel].kind, `${type} → ${channel}`).toBe('read')
      }
    }
  })

  it('maps writes to event types the contract knows, by the longest channel prefix', () => {
    for (const types of Object.values(WRITE_EVENTS)) for (const type of types) expect(EVENT_READERS).toHaveProperty([type])
    expect(eventsOfWrite('parts.import.apply')).toEqual(['parts.imported'])
    expect(eventsOfWrite('parts.issue')).toContain('stock.changed')
    expect(eventsOfWrite('auth.login')).toEqual([])
    for (const channel of Object.keys(contract)) {
      if (contract[channel as keyof typeof contract].kind !== 'write') continue
      const area = channel.split('.')[0] ?? ''
      if (['setup', 'auth', 'users', 'devices', 'settings'].includes(area)) continue
      expect(eventsOfWrite(channel).length, channel).toBeGreaterThan(0)
    }
  })
})

describe('shareSubscription', () => {
  it('opens one upstream connection for many listeners and closes it with the last', () => {
    const fake = fakeApi()
    const shared = shareSubscription(fake.api)
    const a = vi.fn()
    const b = vi.fn()
    const offA = shared.subscribe(a)
    const statusB = vi.fn()
    fake.status(true)
    const offB = shared.subscribe(b, statusB)
    expect(fake.subscribe).toHaveBeenCalledTimes(1)
    expect(statusB).toHaveBeenCalledWith(true)
    fake.emit('ro.changed')
    expect(a).toHaveBeenCalledTimes(1)
    expect(b).toHaveBeenCalledTimes(1)
    offA()
    expect(fake.open()).toBe(1)
    offB()
    expect(fake.open()).toBe(0)
  })
})

describe('connectLive', () => {
  it('invalidates the channels of an event, and everything live after a reconnect', async () => {
    vi.useFakeTimers()
    try {
      const fake = fakeApi()
      const queryClient = new QueryClient()
      const spy = vi.spyOn(queryClient, 'invalidateQueries')
      const statuses: string[] = []
      const off = connectLive({ api: fake.api, queryClient, onStatus: (s) => statuses.push(s), debounceMs: 10 })
      queryClient.setQueryData(['ro.get', { id: 1 }], { id: 1 })
      queryClient.setQueryData(['alerts.count', {}], 3)
      fake.status(true)
      fake.emit('ro.changed')
      fake.emit('ro.changed')
      await vi.advanceTimersByTimeAsync(20)
      expect(spy).toHaveBeenCalledTimes(1)
      expect(queryClient.getQueryState(['ro.get', { id: 1 }])?.isInvalidated).toBe(true)
      expect(queryClient.getQueryState(['alerts.count', {}])?.isInvalidated).toBe(false)

      fake.status(false)
      fake.status(true)
      await vi.advanceTimersByTimeAsync(20)
      expect(queryClient.getQueryState(['alerts.count', {}])?.isInvalidated).toBe(true)
      expect(LIVE_CHANNELS.has('alerts.count')).toBe(true)
      expect(statuses).toEqual(['connecting', 'connected', 'stale', 'connected'])
      off()
      expect(fake.open()).toBe(0)
    } finally {
      vi.useRealTimers()
    }
  })
})
