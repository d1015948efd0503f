import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiClient } from '../../../shared/contract'
import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { apiQueryOptions } from '../api/query-client'
import { channelsOf, connectLive } from '../api/live-events'

function fakeApi() {
  const calls: [string, unknown][] = []
  const api = {
    call: async (channel: string, input: unknown) => {
      calls.push([channel, input])
      return { ok: true, data: channel === 'dashboard.targets' ? { asOf: 'x', months: [], targets: [] } : { ros: [], parts: [], truncated: false } }
    },
    subscribe: () => () => {},
  } as unknown as ApiClient
  return { api, calls }
}

const isDashboardEvent = (type: string) => channelsOf(type).includes('dashboard.targets')

describe('the dashboard through the query layer', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('reads the figures again once per burst of changes, and the open drill-down with them', async () => {
    const fake = fakeApi()
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    new QueryObserver(client, apiQueryOptions(fake.api, 'dashboard.targets', { months: 6 })).subscribe(() => {})
    new QueryObserver(client, apiQueryOptions(fake.api, 'dashboard.drill', { target: 'fill_rate', month: '2026-03', limit: 500 })).subscribe(() => {})
    await vi.advanceTimersByTimeAsync(1)
    const push = vi.fn()
    const api = { ...fake.api, subscribe: (handler: (e: { type: string; at: string }) => void) => (push.mockImplementation(handler), () => {}) } as unknown as ApiClient
    connectLive({ api, queryClient: client, onStatus: () => {}, debounceMs: 100 })
    fake.calls.length = 0
    push({ type: 'settlement.changed', at: '' })
    await vi.advanceTimersByTimeAsync(50)
    push({ type: 'stock.changed', at: '' })
    await vi.advanceTimersByTimeAsync(110)
    expect(fake.calls).toEqual([
      ['dashboard.targets', { months: 6 }],
      ['dashboard.drill', { target: 'fill_rate', month: '2026-03', limit: 500 }],
    ])
  })

  it('reads nothing on a change before the dashboard was ever shown', async () => {
    const fake = fakeApi()
    const client = new QueryClient()
    const push = vi.fn()
    const api = { ...fake.api, subscribe: (handler: (e: { type: string; at: string }) => void) => (push.mockImplementation(handler), () => {}) } as unknown as ApiClient
    connectLive({ api, queryClient: client, onStatus: () => {}, debounceMs: 10 })
    push({ type: 'settlement.changed', at: '' })
    await vi.advanceTimersByTimeAsync(20)
    expect(fake.calls).toEqual([])
  })

  it('follows settlement, RO and stock changes but not the workshop or appointments', () => {
    expect(['settlement.changed', 'ro.changed', 'stock.changed', 'stocktake.changed'].every(isDashboardEvent)).toBe(true)
    expect(['workshop.changed', 'appointment.changed', 'alerts.changed'].some(isDashboardEvent)).toBe(false)
  })
})
