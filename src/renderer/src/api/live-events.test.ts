import { describe, expect, it, vi } from 'vitest'
import { QueryClient } from '@tanstack/react-query'
import { contract, type ApiClient, type LiveEvent } from '../../../shared/contract'
import { EVENT_READERS } from '../../../shared/contract/live-events'
import { LIVE_CHANNELS, LIVE_INVALIDATES, WRITE_EVENTS, connectLive, eventsOfWrite, shareSubscription } from './live-events'
import { staleAfterWrite } from './query-client'

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

  it('refreshes a parts screen once for a burst of stock changes, and not for other areas', async () => {
    vi.useFakeTimers()
    try {
      const fake = fakeApi()
      const queryClient = new QueryClient()
      const spy = vi.spyOn(queryClient, 'invalidateQueries')
      const off = connectLive({ api: fake.api, queryClient, onStatus: () => {}, debounceMs: 200 })
      const search = ['parts.search', { q: '', limit: 101, includeInactive: false }]
      queryClient.setQueryData(search, [])
      fake.emit('alerts.changed')
      await vi.advanceTimersByTimeAsync(250)
      expect(queryClient.getQueryState(search)?.isInvalidated).toBe(false)
      spy.mockClear()
      for (let i = 0; i < 5; i++) fake.emit('stock.changed')
      fake.emit('ro.parts')
      await vi.advanceTimersByTimeAsync(250)
      expect(spy).toHaveBeenCalledTimes(1)
      expect(queryClient.getQueryState(search)?.isInvalidated).toBe(true)
      off()
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('what the parts and data screens read', () => {
  it('is read again by the events of what it shows', () => {
    expect(LIVE_INVALIDATES['stocktake.changed']).toEqual(expect.arrayContaining(['stocktake.sheet', 'stocktake.variance', 'stock.moves', 'parts.search']))
    expect(LIVE_INVALIDATES['parts.imported']).toEqual(expect.arrayContaining(['parts.import.preview', 'parts.search', 'parts.get']))
    expect(LIVE_INVALIDATES['stock.changed']).toEqual(expect.arrayContaining(['parts.get', 'stock.moves', 'catalog.parts.search']))
    expect(LIVE_INVALIDATES['vehicle.changed']).toEqual(expect.arrayContaining(['reception.search']))
    expect(LIVE_INVALIDATES['customer.changed']).toEqual(expect.arrayContaining(['reception.search']))
    for (const type of ['data.export.built', 'data.backup.done', 'data.restored', 'data.job.failed'] as const) {
      expect(LIVE_INVALIDATES[type]).toEqual(expect.arrayContaining(['data.export.status', 'data.export.batches', 'data.backup.status']))
    }
  })

  it("is read again after the screen's own write, before the echo", () => {
    expect(staleAfterWrite('stocktake.count')).toEqual(expect.arrayContaining(['stocktake.sheet', 'stocktake.variance']))
    expect(staleAfterWrite('parts.import.apply')).toEqual(expect.arrayContaining(['parts.search', 'parts.get']))
    expect(staleAfterWrite('data.backup.restore')).toEqual(expect.arrayContaining(['data.backup.status']))
    expect(staleAfterWrite('data.export.resend')).toEqual(expect.arrayContaining(['data.export.batches']))
  })
})
