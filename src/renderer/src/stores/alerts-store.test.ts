import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiClient, LiveEvent } from '../../../shared/contract'
import { createAlertsStore } from './alerts-store'

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

describe('the alerts store', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('keeps one push subscription however many screens connect, and closes it after the last', () => {
    const fake = fakeApi()
    const store = createAlertsStore(fake.api)
    const a = store.getState().connect()
    const b = store.getState().connect()
    expect(fake.subscriptions()).toBe(1)
    a()
    a()
    expect(fake.subscriptions()).toBe(1)
    b()
    expect(fake.subscriptions()).toBe(0)
  })

  it('counts again after alerts change on the host and hands every event to the area', async () => {
    const fake = fakeApi()
    const seen: string[] = []
    const store = createAlertsStore(fake.api, { debounceMs: 20, onEvent: (e) => seen.push(e.type) })
    await store.getState().loadCount()
    store.getState().connect()
    fake.raise()
    fake.emit('alerts.changed')
    fake.emit('settlement.changed')
    await vi.advanceTimersByTimeAsync(30)
    expect(store.getState().count?.active).toBe(2)
    expect(seen).toEqual(['alerts.changed', 'settlement.changed'])
  })

  it('reads the inbox and the count again right after an acknowledgement', async () => {
    const fake = fakeApi()
    const store = createAlertsStore(fake.api)
    await store.getState().loadCount()
    await store.getState().loadInbox({ state: 'active', role: 'parts_supervisor' })
    await store.getState().act('alerts.acknowledge', { id: 1, version: 1 })
    expect(store.getState().count?.active).toBe(0)
    expect(fake.calls.filter(([c]) => c === 'alerts.list').at(-1)?.[1]).toEqual({ state: 'active', limit: 300, role: 'parts_supervisor' })
  })

  it('reads everything again when the push channel comes back, since events were lost meanwhile', async () => {
    const fake = fakeApi()
    const seen: string[] = []
    const store = createAlertsStore(fake.api, { debounceMs: 10, onEvent: (e) => seen.push(e.type) })
    await store.getState().loadCount()
    store.getState().connect()
    fake.setConnected(true)
    fake.setConnected(false)
    expect(store.getState().live).toBe('stale')
    fake.calls.length = 0
    fake.setConnected(true)
    await vi.advanceTimersByTimeAsync(20)
    expect(fake.calls.map(([c]) => c)).toEqual(['alerts.count'])
    expect(seen).toEqual(['reconnected'])
  })
})
