import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { addPart, authorisedRo, ledgerMismatches } from './test-helpers'

let t: TestApp
let supplierId = 0
let pads: { id: number }
let disc: { id: number }

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'parts_clerk', 'parts_supervisor', 'workshop_supervisor', 'warranty_clerk'] })
  supplierId = (await t.ok('parts_supervisor', 'purchasing.suppliers.save', { code: 'faw-vw', name: '一汽-大众配件中心', active: true })).id
  pads = await addPart(t, { partNumber: '5Q0-698-151-D', name: '前刹车片', bin: 'A-01-03', costFen: 21_000 })
  disc = await addPart(t, { partNumber: '5Q0-615-301-F', name: '前刹车盘', bin: 'A-01-04', costFen: 45_000 })
})
afterAll(() => t.close())

describe('purchase orders', () => {
  it('goes draft → sent → partly received → closed, recording differences and posting receipts', async () => {
    const draft = await t.ok('parts_supervisor', 'purchasing.po.save', {
      supplierId,
      note: '周补货',
      lines: [
        { partId: pads.id, quantityMilli: 10_000, unitCostFen: 21_000, note: '' },
        { partId: disc.id, quantityMilli: 4_000, unitCostFen: 45_000, note: '' },
      ],
    })
    expect(draft).toMatchObject({ state: 'draft', amountFen: 390_000, supplierName: '一汽-大众配件中心' })
    expect(await t.call('parts_clerk', 'purchasing.po.receive', { id: draft.id, version: draft.version, note: '', lines: [{ poLineId: draft.lines[0]!.id, quantityMilli: 1_000, note: '' }] })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    const sent = await t.ok('parts_supervisor', 'purchasing.po.send', { id: draft.id, version: draft.version })
    expect(sent.state).toBe('sent')
    const [padLine, discLine] = sent.lines
    const first = await t.ok('parts_clerk', 'purchasing.po.receive', {
      id: sent.id,
      version: sent.version,
      note: '第一批',
      lines: [
        { poLineId: padLine!.id, quantityMilli: 8_000, difference: 'short', note: '缺2套' },
        { poLineId: discLine!.id, quantityMilli: 4_000, unitCostFen: 46_000, note: '' },
      ],
    })
    expect(first.state).toBe('partly_received')
    expect(first.receipts[0]!.lines).toEqual([
      { poLineId: padLine!.id, expectedMilli: 10_000, receivedMilli: 8_000, unitCostFen: 21_000, difference: 'short', note: '缺2套' },
      { poLineId: discLine!.id, expectedMilli: 4_000, receivedMilli: 4_000, unitCostFen: 46_000, difference: 'price', note: '' },
    ])
    const second = await t.ok('parts_clerk', 'purchasing.po.receive', { id: first.id, version: first.version, note: '', lines: [{ poLineId: padLine!.id, quantityMilli: 2_000, note: '' }] })
    expect(second.state).toBe('closed')
    const stock = await t.ok('parts_clerk', 'parts.get', { id: disc.id, moves: 5 })
    expect(stock.part).toMatchObject({ onHandMilli: 4_000, valueFen: 184_000 })
    expect(stock.moves[0]).toMatchObject({ kind: 'receipt', refType: 'po', refId: first.id, reason: first.number })
    expect(await t.call('parts_supervisor', 'purchasing.po.close', { id: second.id, version: second.version, reason: '已完成' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(ledgerMismatches(t)).toEqual([])
  })

  it('places a special order for an RO and its customer on the supplier draft', async () => {
    const ro = await authorisedRo(t, [{ partId: pads.id, quantityMilli: 20_000 }])
    const po = await t.ok('parts_supervisor', 'purchasing.specialOrder', { roId: ro.id, partId: pads.id, quantityMilli: 20_000, supplierId, note: '客户订货' })
    expect(po.state).toBe('draft')
    expect(po.lines.at(-1)).toMatchObject({ roId: ro.id, roNumber: ro.number, customerId: ro.customer.id, quantityMilli: 20_000, unitCostFen: 21_000 })
    const pick = await t.ok('parts_clerk', 'parts.pickList', { roId: ro.id })
    expect(pick.lines[0]).toMatchObject({ servedFromStock: false, outcome: 'special_order' })
    const again = await t.ok('parts_supervisor', 'purchasing.specialOrder', { roId: ro.id, partId: pads.id, quantityMilli: 1_000, supplierId, note: '' })
    expect(again.id).toBe(po.id)
  })
})

describe('external purchases (外采)', () => {
  it('holds the part out of stock until the workshop supervisor confirms its quality', async () => {
    const ro = await authorisedRo(t, [{ partId: disc.id, quantityMilli: 10_000 }])
    const ext = await t.ok('parts_supervisor', 'purchasing.external.create', {
      roId: ro.id,
      partId: disc.id,
      supplierName: '本地汽配城',
      quantityMilli: 2_000,
      unitCostFen: 50_000,
      invoiceRef: 'FP-001',
      note: '急件',
    })
    expect(ext.state).toBe('pending_qc')
    const before = await t.ok('parts_clerk', 'parts.get', { id: disc.id, moves: 1 })
    expect(await t.call('parts_clerk', 'purchasing.external.decide', { id: ext.id, version: ext.version, accept: true, note: '' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const ok = await t.ok('workshop_supervisor', 'purchasing.external.decide', { id: ext.id, version: ext.version, accept: true, note: '外观尺寸合格' })
    expect(ok).toMatchObject({ state: 'accepted', decidedBy: '测试workshop_supervisor' })
    const after = await t.ok('parts_clerk', 'parts.get', { id: disc.id, moves: 1 })
    expect(after.part.onHandMilli - before.part.onHandMilli).toBe(2_000)
    expect(after.moves[0]).toMatchObject({ kind: 'receipt', refType: 'external', refId: ext.id, valueFen: 100_000 })
    expect(await t.call('workshop_supervisor', 'purchasing.external.decide', { id: ext.id, version: ok.version, accept: false, note: '' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })

    const rejected = await t.ok('parts_supervisor', 'purchasing.external.create', { partId: disc.id, supplierName: '路边店', quantityMilli: 1_000, unitCostFen: 10_000, note: '' })
    await t.ok('workshop_supervisor', 'purchasing.external.decide', { id: rejected.id, version: rejected.version, accept: false, note: '材质不合格' })
    const last = await t.ok('parts_clerk', 'parts.get', { id: disc.id, moves: 1 })
    expect(last.part.onHandMilli).toBe(after.part.onHandMilli)
    const pending = await t.ok('parts_clerk', 'purchasing.external.list', { state: 'pending_qc', limit: 10 })
    expect(pending).toEqual([])
  })
})

describe('old parts (旧件)', () => {
  it('tags removed parts to the RO; warranty parts are kept and shipped back, never scrapped', async () => {
    const ro = await authorisedRo(t, [{ partId: pads.id, quantityMilli: 1_000 }])
    const warranty = await t.ok('parts_clerk', 'oldparts.tag', { roId: ro.id, partId: pads.id, description: '旧刹车片', quantityMilli: 1_000, warranty: true, note: '' })
    expect(warranty.tag).toMatch(/^OP2026\d{6}$/)
    expect(await t.call('parts_clerk', 'oldparts.dispose', { id: warranty.id, version: warranty.version, disposition: 'scrapped', note: '' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    const kept = await t.ok('parts_clerk', 'oldparts.dispose', { id: warranty.id, version: warranty.version, disposition: 'kept_for_warranty', note: '' })
    const shipped = await t.ok('parts_clerk', 'oldparts.dispose', { id: kept.id, version: kept.version, disposition: 'shipped_to_maker', note: '随索赔件返厂' })
    expect(shipped.disposition).toBe('shipped_to_maker')

    const other = await t.ok('parts_clerk', 'oldparts.tag', { roId: ro.id, description: '旧雨刮', quantityMilli: 2_000, warranty: false, note: '' })
    const returned = await t.ok('parts_clerk', 'oldparts.dispose', { id: other.id, version: other.version, disposition: 'returned_to_customer', note: '' })
    expect(returned.disposition).toBe('returned_to_customer')
    expect(await t.call('parts_clerk', 'oldparts.dispose', { id: other.id, version: other.version, disposition: 'scrapped', note: '' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    const listed = await t.ok('warranty_clerk', 'oldparts.list', { roId: ro.id, limit: 10 })
    expect(listed.map((o) => o.disposition)).toEqual(['returned_to_customer', 'shipped_to_maker'])
  })
})
