import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { relogin } from '../rules/test-helpers'
import { claimInput, warrantyRo } from './test-warranty'

// Warranty old parts through the real dispatcher: a part tagged at the counter is shelved for its
// claim with a place and the maker rule's deadline, labelled (claim, VIN, part number, date),
// packed into a return shipment, shipped and received by the maker; a retained part of a paid
// claim is scrapped with authorisation once its retention ends. The two alerts raise themselves
// with their numbers and clear when the parts are dealt with.

let t: TestApp
const DAY = 86_400_000

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'parts_clerk', 'warranty_clerk', 'cashier', 'administrator'] })
})
afterAll(() => t.close())

async function taggedClaim() {
  const ro = await warrantyRo(t)
  const claim = await t.ok('warranty_clerk', 'warranty.claim.fromRo', { roId: ro.roId })
  const [part] = (await t.ok('warranty_clerk', 'warranty.parts.shelf', { state: 'pending' })).filter((p) => p.roId === ro.roId)
  return { ro, claim, part: part! }
}

const alertsOf = async (kind: 'warranty_part_return_overdue' | 'warranty_part_scrappable', locale: 'zh-CN' | 'en' = 'en') => {
  const r = await t.call('warranty_clerk', 'alerts.list', { box: 'mine', ruleKind: kind, state: 'active' }, { locale })
  if (!r.ok) throw new Error(r.message)
  return r.data
}

async function later(days: number) {
  t.clock.advance(days * DAY)
  await relogin(t)
  await t.ok('administrator', 'rules.sweep', {})
}

describe('the old-part shelf and return shipments', () => {
  it('shelves, labels, packs, ships and records the maker’s receipt; overdue parts raise an alert with the numbers', async () => {
    const { ro, claim, part } = await taggedClaim()
    expect(part).toMatchObject({ state: 'pending', claim: null, tag: expect.stringMatching(/^OP\d{10}$/) })
    const kept = await t.ok('warranty_clerk', 'warranty.parts.keep', { id: part.id, version: part.version, claimId: claim.id, place: 'w-a-01', handling: 'return' })
    const today = t.clock.now().toISOString().slice(0, 10)
    expect(kept).toMatchObject({ state: 'kept', place: 'W-A-01', handling: 'return', claim: { id: claim.id, number: claim.number } })
    expect(kept.dueOn! > today).toBe(true)
    // The counter's ledger of old parts moved with it: kept for warranty.
    expect((await t.ok('parts_clerk', 'oldparts.list', { roId: ro.roId, limit: 10 }))[0]).toMatchObject({ disposition: 'kept_for_warranty' })
    expect(await t.call('warranty_clerk', 'warranty.parts.keep', { id: kept.id, version: kept.version, claimId: claim.id, place: 'A', handling: 'return' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })

    const label = await t.ok('warranty_clerk', 'warranty.parts.label', { id: kept.id })
    expect(label).toMatchObject({ claimNumber: claim.number, vin: claim.vehicle.vin, place: 'W-A-01' })
    expect(label.qrText).toBe(`${claim.number}|${claim.vehicle.vin}|${label.partNumber}|${label.keptOn.replaceAll('-', '')}`)
    expect(label.tagBars).toMatch(/^[1-4]+$/)

    // Past the return date and not shipped: one alert for the warranty clerk, with the numbers.
    await later(31)
    const [alert] = await alertsOf('warranty_part_return_overdue')
    expect(alert).toMatchObject({ inboxRole: 'warranty_clerk' })
    expect(alert!.message).toContain(kept.tag)
    expect(alert!.message).toContain(claim.number)
    expect(alert!.message).toContain(kept.dueOn!)
    expect((await alertsOf('warranty_part_return_overdue', 'zh-CN'))[0]!.message).toContain('超过回运期限')
    expect((await t.ok('warranty_clerk', 'warranty.parts.shelf', { claimId: claim.id }))[0]).toMatchObject({ overdue: true })

    const shipment = await t.ok('warranty_clerk', 'warranty.shipments.create', { oldPartIds: [kept.id], note: '11 月回运' })
    expect(shipment).toMatchObject({ state: 'open', parts: 1, number: expect.stringMatching(/^HY\d{10}$/), lines: [expect.objectContaining({ id: kept.id, state: 'packed' })] })
    // Packed parts are no longer overdue: the alert clears.
    await t.ok('administrator', 'rules.sweep', {})
    expect(await alertsOf('warranty_part_return_overdue')).toEqual([])
    // A part in a shipment cannot be packed twice.
    expect(await t.call('warranty_clerk', 'warranty.shipments.create', { oldPartIds: [kept.id] })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(await t.call('warranty_clerk', 'warranty.shipments.receive', { id: shipment.id, version: shipment.version, receiptRef: 'R1' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })

    const shipped = await t.ok('warranty_clerk', 'warranty.shipments.ship', { id: shipment.id, version: shipment.version, carrier: '顺丰', waybill: 'SF1234567890' })
    expect(shipped).toMatchObject({ state: 'shipped', carrier: '顺丰', waybill: 'SF1234567890', lines: [expect.objectContaining({ state: 'shipped' })] })
    expect((await t.ok('parts_clerk', 'oldparts.list', { roId: ro.roId, limit: 10 }))[0]).toMatchObject({ disposition: 'shipped_to_maker' })
    const received = await t.ok('warranty_clerk', 'warranty.shipments.receive', { id: shipped.id, version: shipped.version, receiptRef: 'FAW-QS-0098' })
    expect(received).toMatchObject({ state: 'received', receiptRef: 'FAW-QS-0098', lines: [expect.objectContaining({ state: 'received' })] })
    expect(await t.call('warranty_clerk', 'warranty.shipments.ship', { id: received.id, version: received.version, carrier: 'x', waybill: 'y' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    const audit = (t.app.store.sqlite.prepare(`SELECT action FROM audit_log WHERE entity = 'warranty_shipment' AND entity_id = ? ORDER BY id`).all(String(shipment.id)) as { action: string }[]).map((a) => a.action)
    expect(audit).toEqual(['warranty.shipments.create', 'warranty.shipments.ship', 'warranty.shipments.receive'])
  })

  it('refuses a claim of another RO and a part that is not a warranty part on the shelf', async () => {
    const a = await taggedClaim()
    const b = await taggedClaim()
    const refused = await t.call('warranty_clerk', 'warranty.parts.keep', { id: a.part.id, version: a.part.version, claimId: b.claim.id, place: 'A', handling: 'return' })
    expect(refused).toMatchObject({ ok: false, code: 'VALIDATION', details: { fields: [expect.objectContaining({ field: 'claimId' })] } })
    expect(await t.call('warranty_clerk', 'warranty.parts.label', { id: a.part.id })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(await t.call('warranty_clerk', 'warranty.parts.keep', { id: 999_999, version: 1, claimId: a.claim.id, place: 'A', handling: 'return' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await t.call('parts_clerk', 'warranty.parts.keep', { id: a.part.id, version: a.part.version, claimId: a.claim.id, place: 'A', handling: 'return' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('lets a retained part of a paid claim be scrapped after its retention, with an alert until then', async () => {
    const { claim, part } = await taggedClaim()
    const kept = await t.ok('warranty_clerk', 'warranty.parts.keep', { id: part.id, version: part.version, claimId: claim.id, place: 'R-02', handling: 'retain' })
    // Not yet: the retention runs and the claim is not paid.
    expect(await t.call('warranty_clerk', 'warranty.parts.scrap', { id: kept.id, version: kept.version, reason: '留存期满' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    const saved = await t.ok('warranty_clerk', 'warranty.claim.save', claimInput(claim))
    const checked = await t.ok('warranty_clerk', 'warranty.claim.check', { id: saved.id, version: saved.version })
    const submitted = await t.ok('warranty_clerk', 'warranty.claim.submit', { id: checked.id, version: checked.version })
    const approved = await t.ok('warranty_clerk', 'warranty.claim.decide', { id: submitted.id, version: submitted.version, decision: 'approve' })
    await t.ok('warranty_clerk', 'warranty.claim.pay', { id: approved.id, version: approved.version, paidFen: approved.totalFen })
    await later(91)
    const [alert] = await alertsOf('warranty_part_scrappable')
    expect(alert).toMatchObject({ inboxRole: 'warranty_clerk', severity: 'info' })
    expect(alert!.message).toContain(kept.tag)
    expect(alert!.message).toContain(claim.number)
    expect(alert!.message).toContain('¥700.00')
    const ready = (await t.ok('warranty_clerk', 'warranty.parts.shelf', { claimId: claim.id }))[0]!
    expect(ready).toMatchObject({ scrappable: true })
    // A part to retain is not shipped.
    expect(await t.call('warranty_clerk', 'warranty.shipments.create', { oldPartIds: [ready.id] })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    const scrapped = await t.ok('warranty_clerk', 'warranty.parts.scrap', { id: ready.id, version: ready.version, reason: '留存期满，厂家未调件' })
    expect(scrapped).toMatchObject({ state: 'scrapped', scrapReason: '留存期满，厂家未调件' })
    await t.ok('administrator', 'rules.sweep', {})
    expect(await alertsOf('warranty_part_scrappable')).toEqual([])
  })
})
