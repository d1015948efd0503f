import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Compilable } from 'kysely'
import { EventBuffer } from '../../api/events'
import type { Store } from '../../store/open'
import { migratedTempStore, type TempStore } from '../../test-support/temp-store'
import { envOf } from '../../rules/context'
import { closedCountsQuery } from '../../rules/first-service'
import { firstServiceListQuery } from './list'

// The first-service list and rate read every car's window (200k on a full-size dealership): the list
// walks the windows in closing order and stops at its limit, the rate counts from indexes alone, and
// "has this car had its first service" seeks the car's ROs in an index that covers the test.

let temp: TempStore
let store: Store

beforeAll(async () => {
  temp = await migratedTempStore('first-service-plan')
  store = temp.store
})
afterAll(() => temp.close())

function planOf(query: Compilable): string[] {
  const { sql, parameters } = query.compile()
  const rows = store.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[]
  return rows.map((r) => r.detail)
}

describe('query plans of the first-service list and rate', () => {
  it.each([
    { toCall: false, limit: 500 },
    { status: 'overdue' as const, toCall: true, limit: 50 },
  ])('walks the windows in closing order for the list (%o), never sorting every row', (input) => {
    const plan = planOf(firstServiceListQuery(store.db, '2026-12-08', input))
    expect(plan[0]).toMatch(/^SEARCH f USING (COVERING )?INDEX warranty_first_services_closes \(closes_on>\?/)
    expect(plan.join('\n')).toMatch(/SEARCH fr USING COVERING INDEX repair_orders_vehicle \(vehicle_id=\? AND opened_at>\?\)/)
    expect(plan.join('\n')).not.toMatch(/USE TEMP B-TREE FOR ORDER BY/)
    expect(plan.join('\n')).not.toMatch(/SCAN (w|f|fr)\b/)
  })

  it('counts the rate’s months from the indexes alone', () => {
    const env = envOf({ store, clock: { now: () => new Date('2026-12-08T02:30:00Z') }, timeZone: 'Asia/Shanghai', nowIso: () => '2026-12-08T10:30:00+08:00', events: new EventBuffer() })
    const plan = planOf(closedCountsQuery(env, '2026-01', '2026-12')).join('\n')
    expect(plan).toMatch(/SEARCH f USING COVERING INDEX warranty_first_services_closes \(closes_on>\? AND closes_on<\?\)/)
    expect(plan).toMatch(/SEARCH fr USING COVERING INDEX repair_orders_vehicle \(vehicle_id=\? AND opened_at>\?\)/)
    expect(plan).not.toMatch(/SCAN (f|fr)\b/)
  })
})
