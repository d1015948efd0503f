import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { generateCatalogue, generateMoves } from '../../../bench/parts-data'
import { ledgerMismatches } from './test-helpers'

// The benchmark's bulk data must be a valid ledger, or its figures would measure nonsense.

let t: TestApp
const END = new Date('2026-11-27T02:30:00Z')

beforeAll(async () => {
  t = await makeTestApp({ roles: ['parts_clerk'] })
})
afterAll(() => t.close())

describe('bulk data for the parts benchmark', () => {
  it('writes a consistent ledger whose balances agree with the valuation channel', async () => {
    const size = { parts: 500, stocked: 300, moves: 6_000, days: 60 }
    const cat = generateCatalogue(t.app.store, size, END)
    generateMoves(t.app.store, cat, size, END, t.userIds.administrator)
    expect(ledgerMismatches(t)).toEqual([])
    const sums = t.app.store.sqlite.prepare('SELECT SUM(quantity_milli) AS q, SUM(value_fen) AS v, MIN(on_hand_milli_after) AS low FROM stock_moves').get() as {
      q: number
      v: number
      low: number
    }
    expect(sums.low).toBeGreaterThanOrEqual(0)
    const now = await t.ok('parts_clerk', 'stock.valuation', { limit: 0 })
    expect({ q: now.onHandMilli, v: now.valueFen }).toEqual({ q: sums.q, v: sums.v })
    const past = await t.ok('parts_clerk', 'stock.valuation', { at: '2026-10-27T00:00:00+08:00', limit: 0 })
    const expected = t.app.store.sqlite
      .prepare(
        `SELECT COALESCE(SUM(m.on_hand_milli_after), 0) AS q, COALESCE(SUM(m.value_fen_after), 0) AS v FROM stock_moves m
          WHERE m.id IN (SELECT MAX(id) FROM stock_moves WHERE at <= '2026-10-27T00:00:00+08:00' GROUP BY part_id)`,
      )
      .get() as { q: number; v: number }
    expect({ q: past.onHandMilli, v: past.valueFen }).toEqual(expected)
    expect(past.valueFen).toBeGreaterThan(0)
  })
})
