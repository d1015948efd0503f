import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../store/open'
import { migrate } from '../store/migrate'
import { MIGRATIONS } from '../store/migrations'
import { partsByName, refreshSearchIndex } from './search-index'

let dir: string
let store: Store

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'parts-migrate-'))
  store = openStore(join(dir, 'dealer.sqlite'))
})
afterEach(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('migration 0004-parts', () => {
  it('brings a catalogue written before it forward: its parts become searchable and start with no stock', async () => {
    const before = MIGRATIONS.slice(0, MIGRATIONS.findIndex((m) => m.name === '0004-parts'))
    await migrate(store, { migrations: before })
    store.sqlite
      .prepare(`INSERT INTO parts (part_number, part_key, name, bin, price_fen, created_at, updated_at) VALUES ('06L-115-562-B', '06L115562B', '机油滤清器', 'A-01', 6800, 'x', 'x')`)
      .run()
    await migrate(store)
    expect(store.sqlite.prepare('SELECT part_id FROM part_search_dirty').all()).toEqual([{ part_id: 1 }])
    expect(refreshSearchIndex(store)).toBe(1)
    expect(partsByName(store, '滤清', 10)).toEqual([1])
    expect(store.sqlite.prepare('SELECT COUNT(*) AS n FROM part_stock').get()).toEqual({ n: 0 })
    expect(store.sqlite.pragma('foreign_key_check')).toEqual([])
  })

  it('refuses, as the last line of defence, a balance below zero or value without quantity', async () => {
    await migrate(store)
    store.sqlite.prepare(`INSERT INTO parts (part_number, part_key, name, price_fen, created_at, updated_at) VALUES ('P', 'P', 'p', 1, 'x', 'x')`).run()
    const put = store.sqlite.prepare('INSERT INTO part_stock (part_id, on_hand_milli, value_fen) VALUES (1, ?, ?)')
    expect(() => put.run(-1, 0)).toThrow(/CHECK/)
    expect(() => put.run(0, 5)).toThrow(/CHECK/)
    const move = store.sqlite.prepare(
      `INSERT INTO stock_moves (part_id, at, kind, quantity_milli, unit_cost_fen, value_fen, on_hand_milli_after, value_fen_after) VALUES (1, 'x', ?, ?, 0, 0, ?, 0)`,
    )
    expect(() => move.run('issue', -1, -1)).toThrow(/CHECK/)
    expect(() => move.run('theft', 1, 1)).toThrow(/CHECK/)
    expect(() => move.run('receipt', 0, 0)).toThrow(/CHECK/)
  })
})
