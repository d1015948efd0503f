import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { addPart, authorisedRo, ledgerMismatches } from './test-helpers'

let t: TestApp
let a: { id: number }
let b: { id: number }
let c: { id: number }
let outside: { id: number }

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'parts_clerk', 'parts_supervisor', 'service_manager'] })
  a = await addPart(t, { partNumber: 'ST-A-1', name: '火花塞', bin: 'A-01-01' })
  b = await addPart(t, { partNumber: 'ST-B-2', name: '雨刮片', bin: 'A-02-01' })
  c = await addPart(t, { partNumber: 'ST-C-3', name: '刹车油', bin: 'A-03-01' })
  outside = await addPart(t, { partNumber: 'ST-D-4', name: '轮胎', bin: 'D-01-01' })
  await t.ok('parts_clerk', 'stock.receive', { partId: a.id, quantityMilli: 10_000, unitCostFen: 3_000, reason: '期初' })
  await t.ok('parts_clerk', 'stock.receive', { partId: b.id, quantityMilli: 4_000, unitCostFen: 2_500, reason: '期初' })
  await t.ok('parts_clerk', 'stock.receive', { partId: c.id, quantityMilli: 6_000, unitCostFen: 1_000, reason: '期初' })
  await t.ok('parts_clerk', 'stock.receive', { partId: outside.id, quantityMilli: 2_000, unitCostFen: 50_000, reason: '期初' })
})
afterAll(() => t.close())

describe('a quarterly stocktake from count to approval', () => {
  it('counts a bin range with book figures frozen while the counter keeps issuing, and posts variances only on approval', async () => {
    const st = await t.ok('parts_supervisor', 'stocktake.create', { binFrom: 'A-01', binTo: 'A-03', note: '四季度盘点' })
    expect(st).toMatchObject({ scope: 'bins', state: 'counting', lineCount: 3, countedCount: 0 })
    expect(await t.call('parts_supervisor', 'stocktake.create', { note: '' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })

    // The counter keeps working after the freeze: 2 spark plugs go out.
    const ro = await authorisedRo(t, [{ partId: a.id, quantityMilli: 2_000 }])
    await t.ok('parts_clerk', 'parts.issue', { roId: ro.id, lines: [{ partId: a.id, quantityMilli: 2_000 }] })

    const sheet = await t.ok('parts_clerk', 'stocktake.sheet', { id: st.id })
    expect(sheet.lines.map((l) => l.bin)).toEqual(['A-01-01', 'A-02-01', 'A-03-01'])
    // Scanned as typed: lower case, no dashes; two shelves of B added together.
    await t.ok('parts_clerk', 'stocktake.count', { id: st.id, partNumber: 'sta1', quantityMilli: 10_000 })
    await t.ok('parts_clerk', 'stocktake.count', { id: st.id, partNumber: 'ST-B-2', quantityMilli: 2_000 })
    await t.ok('parts_clerk', 'stocktake.count', { id: st.id, partNumber: 'ST B 2', quantityMilli: 1_000, mode: 'add' })
    expect(await t.call('parts_clerk', 'stocktake.count', { id: st.id, partNumber: 'NOPE-1', quantityMilli: 1 })).toMatchObject({ ok: false, code: 'NOT_FOUND' })

    const early = await t.ok('parts_supervisor', 'stocktake.variance', { id: st.id })
    expect(early.uncounted).toBe(1)
    expect(await t.call('service_manager', 'stocktake.approve', { id: st.id, version: early.stocktake.version })).toMatchObject({ ok: false, code: 'INVALID_STATE' })

    const last = await t.ok('parts_clerk', 'stocktake.count', { id: st.id, partNumber: 'ST-C-3', quantityMilli: 6_000 })
    expect(last.stocktake.countedCount).toBe(3)
    const table = await t.ok('parts_supervisor', 'stocktake.variance', { id: st.id })
    // Book 30,000 + 10,000 + 6,000 fen; B is one short (−2,500), A (counted at the freeze) is right.
    expect(table).toMatchObject({ bookValueFen: 46_000, absVarianceFen: 2_500, netVarianceFen: -2_500, countedValueFen: 43_500, rateBp: 543, targetBp: 30, uncounted: 0 })
    expect(table.lines.map((l) => [l.partNumber, l.bookMilli, l.countedMilli, l.diffMilli, l.diffValueFen])).toEqual([['ST-B-2', 4_000, 3_000, -1_000, -2_500]])

    // Counting permission is not approving permission (manual: the general manager approves).
    expect(await t.call('parts_supervisor', 'stocktake.approve', { id: st.id, version: table.stocktake.version })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await t.call('service_manager', 'stocktake.approve', { id: st.id, version: table.stocktake.version - 1 })).toMatchObject({ ok: false, code: 'CONFLICT' })
    const approved = await t.ok('service_manager', 'stocktake.approve', { id: st.id, version: table.stocktake.version })
    expect(approved.stocktake.state).toBe('approved')

    const moves = await t.ok('parts_clerk', 'stock.moves', { kind: 'stocktake', limit: 10 })
    expect(moves.map((m) => [m.partNumber, m.quantityMilli, m.valueFen, m.refType, m.refId])).toEqual([['ST-B-2', -1_000, -2_500, 'stocktake', st.id]])
    const partA = await t.ok('parts_clerk', 'parts.get', { id: a.id, moves: 1 })
    expect(partA.part.onHandMilli).toBe(8_000) // the issue after the freeze still counts
    expect(await t.call('parts_clerk', 'stocktake.count', { id: st.id, partNumber: 'ST-C-3', quantityMilli: 1 })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(ledgerMismatches(t)).toEqual([])
  })

  it('adds a part found outside the range with its book as of the freeze, and books a surplus at the average cost', async () => {
    const st = await t.ok('parts_supervisor', 'stocktake.create', { binFrom: 'A-03', binTo: 'A-03', note: '' })
    await t.ok('parts_clerk', 'stock.receive', { partId: outside.id, quantityMilli: 1_000, unitCostFen: 50_000, reason: '到货' })
    await t.ok('parts_clerk', 'stocktake.count', { id: st.id, partNumber: 'ST-C-3', quantityMilli: 7_000 })
    const found = await t.ok('parts_clerk', 'stocktake.count', { id: st.id, partNumber: 'ST-D-4', quantityMilli: 2_000 })
    expect(found.stocktake.lineCount).toBe(2)
    const table = await t.ok('parts_supervisor', 'stocktake.variance', { id: st.id })
    expect(table.lines.map((l) => [l.partNumber, l.bookMilli, l.diffMilli, l.diffValueFen])).toEqual([['ST-C-3', 6_000, 1_000, 1_000]])
    await t.ok('service_manager', 'stocktake.approve', { id: st.id, version: table.stocktake.version })
    const partC = await t.ok('parts_clerk', 'parts.get', { id: c.id, moves: 1 })
    expect(partC.part).toMatchObject({ onHandMilli: 7_000, valueFen: 7_000 })
    expect(ledgerMismatches(t)).toEqual([])
  })

  it('can be cancelled, which posts nothing', async () => {
    const st = await t.ok('parts_supervisor', 'stocktake.create', { note: '' })
    expect(st.scope).toBe('all')
    await t.ok('parts_clerk', 'stocktake.count', { id: st.id, partNumber: 'ST-A-1', quantityMilli: 0 })
    const sheet = await t.ok('parts_clerk', 'stocktake.sheet', { id: st.id })
    const cancelled = await t.ok('parts_supervisor', 'stocktake.cancel', { id: st.id, version: sheet.stocktake.version, reason: '重新安排' })
    expect(cancelled.state).toBe('cancelled')
    const moves = await t.ok('parts_clerk', 'stock.moves', { kind: 'stocktake', limit: 10 })
    expect(moves).toHaveLength(2)
  })
})

describe('stock value as of a past date', () => {
  it('reports on-hand and value of all parts at any moment from the ledger', async () => {
    const t2 = await makeTestApp({ roles: ['parts_clerk', 'parts_supervisor'] })
    try {
      const x = await addPart(t2, { partNumber: 'V-1', name: '蓄电池', bin: 'V-1' })
      const y = await addPart(t2, { partNumber: 'V-2', name: '轮毂', bin: 'V-2' })
      t2.clock.set('2026-03-01T02:00:00Z')
      await t2.ok('parts_clerk', 'stock.receive', { partId: x.id, quantityMilli: 3_000, unitCostFen: 1_000, reason: '入库' })
      t2.clock.set('2026-04-01T02:00:00Z')
      await t2.ok('parts_clerk', 'stock.receive', { partId: x.id, quantityMilli: 1_000, unitCostFen: 2_000, reason: '入库' })
      await t2.ok('parts_clerk', 'stock.receive', { partId: y.id, quantityMilli: 1_000, unitCostFen: 7_000, reason: '入库' })
      t2.clock.set('2026-05-01T02:00:00Z')
      await t2.ok('parts_supervisor', 'stock.adjust', { partId: x.id, quantityMilli: -2_000, reason: '损坏' })

      const at = (iso: string) => t2.ok('parts_clerk', 'stock.valuation', { at: iso, limit: 10 })
      expect(await at('2026-02-28T00:00:00+08:00')).toMatchObject({ partCount: 0, onHandMilli: 0, valueFen: 0, rows: [] })
      expect(await at('2026-03-15T00:00:00+08:00')).toMatchObject({ partCount: 1, onHandMilli: 3_000, valueFen: 3_000 })
      // The same instant written in UTC finds the same moves.
      expect(await at('2026-04-01T02:00:00Z')).toMatchObject({ partCount: 2, onHandMilli: 5_000, valueFen: 12_000 })
      const now = await t2.ok('parts_clerk', 'stock.valuation', { limit: 1 })
      expect(now).toMatchObject({ partCount: 2, onHandMilli: 3_000, valueFen: 9_500 })
      expect(now.rows).toEqual([{ partId: y.id, partNumber: 'V-2', name: '轮毂', onHandMilli: 1_000, valueFen: 7_000 }])
      const empty = await t2.ok('parts_clerk', 'stock.emptyBins', { limit: 10 })
      expect(empty).toEqual([])
    } finally {
      await t2.close()
    }
  })
})
