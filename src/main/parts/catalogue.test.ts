import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { addPart } from './test-helpers'
import { code128B, CODE128_PATTERNS } from './code128'

let t: TestApp
let filter: { id: number; version: number }
let oil: { id: number }

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'parts_clerk', 'parts_supervisor', 'technician'] })
  filter = await addPart(t, { partNumber: '06L-115-562-B', name: '机油滤清器总成', bin: 'B-02-01', costFen: 4_000 })
  oil = await addPart(t, { partNumber: 'G 052 195 M4', name: '发动机机油 5W-30（1L）', bin: 'A-01-01', costFen: 5_000 })
  await addPart(t, { partNumber: '5Q0-698-151-D', name: '前刹车片', bin: 'A-01-03' })
  await addPart(t, { partNumber: '1K0-129-620-D', name: '空气滤清器滤芯', bin: 'C-10-01' })
})
afterAll(() => t.close())

const numbers = (rows: { partNumber: string }[]) => rows.map((r) => r.partNumber)

describe('searching the catalogue as you type', () => {
  it('finds a part number typed with or without dashes, spaces or full-width characters', async () => {
    for (const q of ['06L115', '06l-115-5', '０６Ｌ１１５', '06L 115 562 B']) {
      expect(numbers(await t.ok('parts_clerk', 'parts.search', { q, limit: 10 }))[0]).toBe('06L-115-562-B')
    }
    expect(numbers(await t.ok('parts_clerk', 'parts.search', { q: 'G052195', limit: 10 }))).toEqual(['G 052 195 M4'])
  })

  it('finds Chinese names by any substring, one character or several', async () => {
    expect(numbers(await t.ok('parts_clerk', 'parts.search', { q: '滤清器', limit: 10 })).sort()).toEqual(['06L-115-562-B', '1K0-129-620-D'])
    expect(numbers(await t.ok('parts_clerk', 'parts.search', { q: '刹车', limit: 10 }))).toEqual(['5Q0-698-151-D'])
    expect(numbers(await t.ok('parts_clerk', 'parts.search', { q: '芯', limit: 10 }))).toEqual(['1K0-129-620-D'])
    expect(numbers(await t.ok('parts_clerk', 'parts.search', { q: '5w30', limit: 10 }))).toEqual(['G 052 195 M4'])
    expect(await t.ok('parts_clerk', 'parts.search', { q: '滤清芯', limit: 10 })).toEqual([])
  })

  it('finds parts by bin and keeps the index current after a rename', async () => {
    expect(numbers(await t.ok('parts_clerk', 'parts.search', { q: 'a-01', limit: 10 }))).toEqual(['G 052 195 M4', '5Q0-698-151-D'])
    const renamed = await t.ok('parts_supervisor', 'parts.update', { id: filter.id, version: filter.version, name: '机油格' })
    filter = renamed
    expect(numbers(await t.ok('parts_clerk', 'parts.search', { q: '机油格', limit: 10 }))).toEqual(['06L-115-562-B'])
    expect(numbers(await t.ok('parts_clerk', 'parts.search', { q: '滤清器总成', limit: 10 }))).toEqual([])
  })

  it('indexes parts written straight into the table by others (estimates, the demo)', async () => {
    t.app.store.sqlite
      .prepare(`INSERT INTO parts (part_number, part_key, name, price_fen, created_at, updated_at) VALUES ('L-1', 'L1', '雨刮片', 100, 'x', 'x')`)
      .run()
    expect(numbers(await t.ok('parts_clerk', 'parts.search', { q: '雨刮', limit: 10 }))).toEqual(['L-1'])
  })

  it('hides inactive parts unless asked and refuses technicians', async () => {
    const p = await addPart(t, { partNumber: 'OLD-1', name: '停产件' })
    await t.ok('parts_supervisor', 'parts.update', { id: p.id, version: p.version, active: false })
    expect(await t.ok('parts_clerk', 'parts.search', { q: '停产', limit: 10 })).toEqual([])
    expect(numbers(await t.ok('parts_clerk', 'parts.search', { q: '停产', limit: 10, includeInactive: true }))).toEqual(['OLD-1'])
    expect(await t.call('technician', 'parts.search', { q: '停产', limit: 10 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('uses indexes, not scans of the parts or moves tables, for the hot queries', () => {
    const plan = (sql: string, ...args: unknown[]) =>
      (t.app.store.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' | ')
    expect(plan(`SELECT id FROM parts WHERE part_key >= ? AND part_key < ? AND active = 1 ORDER BY part_key LIMIT 10`, 'A', 'B')).toMatch(/SEARCH parts USING INDEX/)
    expect(plan(`SELECT id FROM parts WHERE bin >= ? AND bin < ? AND active = 1 ORDER BY bin, part_key LIMIT 10`, 'A', 'B')).toMatch(/SEARCH parts USING INDEX parts_bin/)
    const valuation = plan(
      `SELECT s.part_id FROM part_stock s JOIN stock_moves m ON m.id = (SELECT x.id FROM stock_moves x WHERE x.part_id = s.part_id AND x.at <= ? ORDER BY x.at DESC, x.id DESC LIMIT 1)`,
      '2026',
    )
    expect(valuation).toMatch(/SEARCH x USING COVERING INDEX stock_moves_part/)
    expect(valuation).not.toMatch(/SCAN (x|m)\b/)
  })

  it('refuses a duplicate part number however it is written, and a bin change while stock is on the shelf', async () => {
    expect(await t.call('parts_supervisor', 'parts.create', { partNumber: '06l115562b', name: 'x', priceFen: 1 })).toMatchObject({ ok: false, code: 'DUPLICATE' })
    await t.ok('parts_clerk', 'stock.receive', { partId: oil.id, quantityMilli: 1_000, reason: '入库' })
    const part = await t.ok('parts_clerk', 'parts.get', { id: oil.id, moves: 5 })
    expect(await t.call('parts_supervisor', 'parts.update', { id: oil.id, version: part.part.version, bin: 'Z-9' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    const moved = await t.ok('parts_clerk', 'stock.transfer', { partId: oil.id, version: part.part.version, toBin: 'z-9', reason: '调整货架' })
    expect(moved).toMatchObject({ bin: 'Z-9', onHandMilli: 1_000, valueFen: 5_000 })
    const moves = await t.ok('parts_clerk', 'stock.moves', { partId: oil.id, limit: 10 })
    expect(moves.map((m) => [m.kind, m.quantityMilli, m.bin])).toEqual([
      ['transfer', 1_000, 'Z-9'],
      ['transfer', -1_000, 'A-01-01'],
      ['receipt', 1_000, 'A-01-01'],
    ])
  })
})

describe('labels for bins', () => {
  it('encodes Code 128 B with well-formed symbols and the right checksum', () => {
    for (const p of CODE128_PATTERNS.slice(0, 106)) {
      expect([...p].reduce((s, c) => s + Number(c), 0)).toBe(11)
      expect(Number(p[0]) + Number(p[2]) + Number(p[4])).toSatisfy((n: number) => n % 2 === 0)
    }
    expect(new Set(CODE128_PATTERNS).size).toBe(107)
    // "PJJ123C": Start B (104), P 48, J 42, J 42, 1 17, 2 18, 3 19, C 35; checksum
    // (104 + 48 + 2·42 + 3·42 + 4·17 + 5·18 + 6·19 + 7·35) mod 103 = 879 mod 103 = 55; Stop.
    expect(code128B('PJJ123C')).toBe(['211214', '313121', '112133', '112133', '123221', '223211', '221132', '131321', '311321', '2331112'].join(''))
  })

  it('prints labels for a bin range in walking order', async () => {
    const labels = await t.ok('parts_clerk', 'parts.labels', { binFrom: 'A-01', binTo: 'A-01' })
    expect(labels.map((l) => l.bin)).toEqual(['A-01-03'])
    expect(labels[0]!.barcode).toBe(code128B('5Q0-698-151-D'))
  })
})
