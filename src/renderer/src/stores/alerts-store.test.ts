import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiClient, LiveEvent } from '../../../shared/contract'
import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { apiQueryOptions, writeThrough } from '../api/query-client'
import { connectLive, shareSubscription } from '../api/live-events'
import { inboxInput, type AlertCountT } from './alerts-store'

function fakeApi() {
  const calls: [string, unknown][] = []
  let push: ((e: LiveEvent) => void) | null = null
  let status: ((connected: boolean) => void) | undefined
  let subscriptions = 0
  let active = 1
  const api = {
    call: async (channel: string, input: unknown) => {
      calls.push([channel, input])
      if (channel === 'alerts.count') return { ok: true, data: { active, critical: 0, acknowledged: 0 } }
      if (channel === 'alerts.acknowledge') {
        active -= 1
        return { ok: true, data: { id: 1 } }
      }
      return { ok: true, data: [] }
    },
    subscribe: (handler: (e: LiveEvent) => void, onStatus?: (c: boolean) => void) => {
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
    raise: () => (active += 1),
  }
}

function screen(api: ApiClient) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const count = new QueryObserver(client, apiQueryOptions(api, 'alerts.count', {}))
  count.subscribe(() => {})
  return { client, count: () => count.getCurrentResult().data as AlertCountT | undefined }
}

describe('the alerts through the query layer', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('keeps one push subscription however many screens connect, and closes it after the last', () => {
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

  it('counts again after alerts change on the host, and every listener hears the event', async () => {
    const fake = fakeApi()
    const shared = shareSubscription(fake.api)
    const seen: string[] = []
    const { client, count } = screen(fake.api)
    await vi.advanceTimersByTimeAsync(1)
    connectLive({ api: shared, queryClient: client, onStatus: () => {}, debounceMs: 20 })
    shared.subscribe((e) => seen.push(e.type))
    fake.raise()
    fake.emit('alerts.changed')
    fake.emit('settlement.changed')
    await vi.advanceTimersByTimeAsync(30)
    expect(count()?.active).toBe(2)
    expect(seen).toEqual(['alerts.changed', 'settlement.changed'])
  })

  it('reads the inbox and the count again right after an acknowledgement', async () => {
    const fake = fakeApi()
    const { client, count } = screen(fake.api)
    new QueryObserver(client, apiQueryOptions(fake.api, 'alerts.list', inboxInput({ state: 'active', role: 'parts_supervisor' }))).subscribe(() => {})
    await vi.advanceTimersByTimeAsync(1)
    await writeThrough(fake.api, client, 'alerts.acknowledge', { id: 1, version: 1 })
    await vi.advanceTimersByTimeAsync(1)
    expect(count()?.active).toBe(0)
    expect(fake.calls.filter(([c]) => c === 'alerts.list').at(-1)?.[1]).toEqual({ state: 'active', limit: 300, role: 'parts_supervisor' })
    expect(fake.calls.filter(([c]) => c === 'alerts.list')).toHaveLength(2)
  })

  it('reads everything again when the push channel comes back, since events were lost meanwhile', async () => {
    const fake = fakeApi()
    const { client } = screen(fake.api)
    await vi.advanceTimersByTimeAsync(1)
    let live = ''
    connectLive({ api: fake.api, queryClient: client, onStatus: (s) => (live = s), debounceMs: 10 })
    fake.setConnected(true)
    fake.setConnected(false)
    expect(live).toBe('stale')
    fake.calls.length = 0
    fake.setConnected(true)
    await vi.advanceTimersByTimeAsync(20)
    expect(fake.calls.map(([c]) => c)).toEqual(['alerts.count'])
  })
})
