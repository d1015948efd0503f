import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadRules } from './catalog'
import type { Store } from '../store/open'
import { migratedTempStore, type TempStore } from '../test-support/temp-store'

// The engine keeps the parsed rules per store between writes; any change to the rules table —
// committed, or seen inside its own transaction — is read at once, and a rolled-back one is gone.

const NOW = '2026-11-27T10:30:00+08:00'
let temp: TempStore
let store: Store

beforeAll(async () => {
  temp = await migratedTempStore('rules-catalog')
  store = temp.store
})
afterAll(() => temp.close())

const daysOf = () => (loadRules(store, NOW).find((r) => r.kind === 'maintenance_settlement_overdue')!.params as { days: number }).days
const setDays = (days: number) =>
  store.sqlite.prepare(`UPDATE rules SET params = json_set(params, '$.days', ?), version = version + 1 WHERE kind = 'maintenance_settlement_overdue'`).run(days)

describe('the kept rules', () => {
  it('are read once and kept while the rules table does not change', () => {
    const first = loadRules(store, NOW)
    expect(first.length).toBeGreaterThan(10)
    expect(loadRules(store, NOW)).toBe(first)
  })

  it('are read again after any change to a rule', () => {
    setDays(5)
    expect(daysOf()).toBe(5)
    store.sqlite.prepare(`UPDATE rules SET enabled = 0 WHERE kind = 'ro_past_promised'`).run()
    expect(loadRules(store, NOW).find((r) => r.kind === 'ro_past_promised')!.enabled).toBe(false)
  })

  it('forget a change that was rolled back, even when another change follows', () => {
    setDays(5)
    expect(daysOf()).toBe(5)
    expect(() =>
      store.tx(() => {
        setDays(7)
        expect(daysOf()).toBe(7)
        throw new Error('rolled back')
      }),
    ).toThrow('rolled back')
    expect(daysOf()).toBe(5)
    store.tx(() => setDays(9))
    expect(daysOf()).toBe(9)
  })
})
