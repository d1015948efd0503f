import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiClient } from '../../../shared/contract'
import { createDashboardStore, isDashboardEvent } from './dashboard-store'

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

describe('the dashboard store', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('reads the figures again after a quiet moment, and the open drill-down with them', async () => {
    const fake = fakeApi()
    const store = createDashboardStore(fake.api, 100)
    await store.getState().loadTargets(6)
    await store.getState().openDrill({ target: 'fill_rate', month: '2026-03' })
    fake.calls.length = 0
    store.getState().changed()
    await vi.advanceTimersByTimeAsync(50)
    store.getState().changed()
    await vi.advanceTimersByTimeAsync(110)
    expect(fake.calls).toEqual([
      ['dashboard.targets', { months: 6 }],
      ['dashboard.drill', { target: 'fill_rate', month: '2026-03', limit: 500 }],
    ])
  })

  it('reads nothing on a change before the dashboard was ever shown', async () => {
    const fake = fakeApi()
    const store = createDashboardStore(fake.api, 10)
    store.getState().changed()
    await vi.advanceTimersByTimeAsync(20)
    expect(fake.calls).toEqual([])
  })

  it('follows settlement, RO and stock changes but not the workshop or appointments', () => {
    expect(['settlement.changed', 'ro.changed', 'stock.changed', 'stocktake.changed'].every(isDashboardEvent)).toBe(true)
    expect(['workshop.changed', 'appointment.changed', 'alerts.changed'].some(isDashboardEvent)).toBe(false)
  })
})
