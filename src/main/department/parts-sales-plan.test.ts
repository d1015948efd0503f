import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migratedTempStore, type TempStore } from '../test-support/temp-store'
import { partsSalesMoves, partsSalesQuery } from './figure-rows'

// A parts clerk's parts sales for a month read the ledger by who posted each move and when: the
// reference index (`ref_type = 'ro'`) would read nearly every move of the ledger per card.

let temp: TempStore
beforeAll(async () => {
  temp = await migratedTempStore('parts-sales-plan')
})
afterAll(() => temp.close())

describe('the query plan of a person’s parts sales', () => {
  it.each([
    ['the card’s moves', partsSalesMoves],
    ['the drill-down’s rows', partsSalesQuery],
  ])('seeks the person’s month in stock_moves_user for %s', (_, query) => {
    const { sql, parameters } = query(temp.store.db, '2026-11-01T00:00:00+08:00', '2026-12-01T00:00:00+08:00', 5).compile()
    const plan = (temp.store.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[]).map((r) => r.detail)
    expect(plan[0]).toMatch(/^SEARCH m USING INDEX stock_moves_user \(user_id=\? AND at>\? AND at<\?\)/)
    expect(plan.join('\n')).not.toMatch(/SCAN m\b|stock_moves_ref/)
  })
})
