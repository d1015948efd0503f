import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { dbFingerprint } from '../test-support/fixtures'
import { addPart, authorisedRo, ledgerMismatches } from './test-helpers'

let t: TestApp
let filter: { id: number }
let pads: { id: number }
let oil: { id: number }

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'parts_clerk', 'parts_supervisor', 'service_manager', 'technician'] })
  filter = await addPart(t, { partNumber: '06L-115-562-B', name: '机油滤清器', bin: 'B-02-01', costFen: 4_000 })
  pads = await addPart(t, { partNumber: '5Q0-698-151-D', name: '前刹车片', bin: 'A-01-03', costFen: 21_000 })
  oil = await addPart(t, { partNumber: 'G-052-195-M4', name: '发动机机油 5W-30', bin: 'A-01-01', costFen: 5_000 })
  await t.ok('parts_clerk', 'stock.receive', { partId: filter.id, quantityMilli: 3_000, unitCostFen: 4_000, reason: '期初库存' })
  await t.ok('parts_clerk', 'stock.receive', { partId: oil.id, quantityMilli: 20_000, unitCostFen: 5_000, reason: '期初库存' })
})
afterAll(() => t.close())

describe('issuing parts to a repair order', () => {
  it('lists the RO part lines as a pick list sorted by bin, with one line per part', async () => {
    const ro = await authorisedRo(t, [
      { partId: filter.id, quantityMilli: 1_000 },
      { partId: oil.id, quantityMilli: 2_000 },
      { partId: oil.id, quantityMilli: 2_500 },
    ])
    const list = await t.ok('parts_clerk', 'parts.pickList', { roId: ro.id })
    expect(list.lines.map((l) => [l.bin, l.requestedMilli, l.outstandingMilli])).toEqual([
      ['A-01-01', 4_500, 4_500],
      ['B-02-01', 1_000, 1_000],
    ])
    const part = await t.ok('parts_clerk', 'parts.get', { id: oil.id, moves: 10 })
    expect(part.part).toMatchObject({ onHandMilli: 20_000, reservedMilli: 4_500, availableMilli: 15_500 })
  })

  it('issues and returns at the issued value, keeping reservations and the ledger in step', async () => {
    const ro = await authorisedRo(t, [{ partId: oil.id, quantityMilli: 4_000 }])
    const issued = await t.ok('parts_clerk', 'parts.issue', { roId: ro.id, lines: [{ partId: oil.id, quantityMilli: 3_000 }] })
    expect(issued.moves[0]).toMatchObject({ kind: 'issue', quantityMilli: -3_000, valueFen: -15_000, refType: 'ro', refId: ro.id })
    expect(issued.pickList.lines[0]).toMatchObject({ issuedMilli: 3_000, outstandingMilli: 1_000, servedFromStock: false })
    const back = await t.ok('parts_clerk', 'parts.return', { roId: ro.id, lines: [{ partId: oil.id, quantityMilli: 1_000 }], reason: '多领' })
    expect(back.moves[0]).toMatchObject({ kind: 'return', quantityMilli: 1_000, valueFen: 5_000 })
    expect(back.pickList.lines[0]).toMatchObject({ issuedMilli: 2_000, outstandingMilli: 2_000 })
    expect(ledgerMismatches(t)).toEqual([])
  })

  it('refuses to issue more than is on hand and leaves the database unchanged', async () => {
    const ro = await authorisedRo(t, [{ partId: filter.id, quantityMilli: 5_000 }])
    const before = dbFingerprint(t.app.store)
    const refused = await t.call('parts_clerk', 'parts.issue', { roId: ro.id, lines: [{ partId: filter.id, quantityMilli: 5_000 }] }, { locale: 'en' })
    expect(refused).toMatchObject({
      ok: false,
      code: 'INSUFFICIENT_STOCK',
      message: 'Not enough 06L-115-562-B in stock: 3 on hand, 5 requested',
      details: { availableMilli: 3_000, requestedMilli: 5_000 },
    })
    const after = dbFingerprint(t.app.store)
    // Sessions record when they were last seen, even on a refused call.
    expect({ ...after, sessions: '' }).toEqual({ ...before, sessions: '' })
  })

  it('refuses a part not on the RO, more than outstanding, and an RO not yet authorised', async () => {
    const ro = await authorisedRo(t, [{ partId: oil.id, quantityMilli: 1_000 }])
    expect(await t.call('parts_clerk', 'parts.issue', { roId: ro.id, lines: [{ partId: filter.id, quantityMilli: 1_000 }] })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await t.call('parts_clerk', 'parts.issue', { roId: ro.id, lines: [{ partId: oil.id, quantityMilli: 2_000 }] })).toMatchObject({ ok: false, code: 'VALIDATION' })
    const revised = await t.ok('service_advisor', 'ro.saveLines', {
      id: ro.id,
      version: ro.version,
      lines: [{ kind: 'part', partId: oil.id, description: '机油', quantityMilli: 2_000, unitPriceFen: 9_000, payer: 'customer' }],
    })
    expect(revised.state).toBe('estimate')
    expect(await t.call('parts_clerk', 'parts.issue', { roId: ro.id, lines: [{ partId: oil.id, quantityMilli: 1_000 }] })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(await t.call('technician', 'parts.issue', { roId: ro.id, lines: [{ partId: oil.id, quantityMilli: 1_000 }] })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('records shortages and computes the fill rate from first requests', async () => {
    const served = await authorisedRo(t, [{ partId: oil.id, quantityMilli: 1_000 }])
    await t.ok('parts_clerk', 'parts.issue', { roId: served.id, lines: [{ partId: oil.id, quantityMilli: 1_000 }] })
    const short = await authorisedRo(t, [{ partId: pads.id, quantityMilli: 1_000 }])
    const list = await t.ok('parts_clerk', 'parts.recordShortage', { roId: short.id, partId: pads.id, outcome: 'lost_sale', note: '客户不等' })
    expect(list.lines[0]).toMatchObject({ servedFromStock: false, outcome: 'lost_sale' })
    const rate = await t.ok('parts_supervisor', 'stock.fillRate', { from: '2026-11-01', to: '2026-11-30' })
    expect(rate.byOutcome.lost_sale).toBe(1)
    expect(rate.servedFromStock).toBeGreaterThanOrEqual(1)
    expect(rate.rateBp).toBe(Math.round((rate.servedFromStock * 10000) / rate.requested))
    expect(rate.targetBp).toBe(9800)
  })

  it('shows an RO with outstanding parts in the counter queue until it is fully issued', async () => {
    const ro = await authorisedRo(t, [{ partId: filter.id, quantityMilli: 1_000 }])
    const queue = await t.ok('parts_clerk', 'parts.counterQueue', { limit: 200 })
    expect(queue.some((q) => q.roId === ro.id)).toBe(true)
    await t.ok('parts_clerk', 'parts.issue', { roId: ro.id, lines: [{ partId: filter.id, quantityMilli: 1_000 }] })
    const after = await t.ok('parts_clerk', 'parts.counterQueue', { limit: 200 })
    expect(after.some((q) => q.roId === ro.id)).toBe(false)
  })
})
