import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { dbFingerprint } from '../test-support/fixtures'
import { readyRo } from '../rules/test-helpers'
import { addPart, ledgerMismatches } from '../parts/test-helpers'

// Parts and billing agree (issue 9, wrong result 1), through the real dispatcher: the counter
// issues in every state up to settlement and keeps every RO with outstanding lines in its queue;
// settlement is refused while billed parts are not issued, or waived by a supervisor with a reason
// that the statement and the audit trail keep.

let t: TestApp
let pads: { id: number }
let disc: { id: number }

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'cashier', 'front_desk_supervisor', 'parts_clerk', 'parts_supervisor', 'service_manager'] })
  pads = await addPart(t, { partNumber: '5Q0-698-151-D', name: '前刹车片', bin: 'A-01-03', costFen: 21_000 })
  disc = await addPart(t, { partNumber: '5Q0-615-301-F', name: '前刹车盘', bin: 'A-01-04', costFen: 40_000 })
  await t.ok('parts_clerk', 'stock.receive', { partId: pads.id, quantityMilli: 40_000, unitCostFen: 21_000, reason: '期初库存' })
  await t.ok('parts_clerk', 'stock.receive', { partId: disc.id, quantityMilli: 40_000, unitCostFen: 40_000, reason: '期初库存' })
})
afterAll(() => t.close())

const labour = [{ payer: 'customer' as const, amountFen: 30_000 }]
const withParts = (stopAt: 'quality_check' | 'washing' | 'ready' = 'ready') =>
  readyRo(t, { type: 'repair', lines: labour, parts: [{ partId: pads.id, quantityMilli: 4_000 }, { partId: disc.id, quantityMilli: 2_000 }], stopAt })
const issueAll = (roId: number) =>
  t.ok('parts_clerk', 'parts.issue', { roId, lines: [{ partId: pads.id, quantityMilli: 4_000 }, { partId: disc.id, quantityMilli: 2_000 }] })

describe('the parts counter up to settlement', () => {
  it.each(['quality_check', 'washing', 'ready'] as const)('keeps an RO in %s in the counter queue and issues and returns its parts', async (state) => {
    const ro = await withParts(state)
    const queue = await t.ok('parts_clerk', 'parts.counterQueue', {})
    expect(queue.find((q) => q.roId === ro.id)).toMatchObject({ state, outstandingLines: 2 })
    const issued = await issueAll(ro.id)
    expect(issued.pickList.lines.map((l) => l.outstandingMilli)).toEqual([0, 0])
    expect((await t.ok('parts_clerk', 'parts.counterQueue', {})).some((q) => q.roId === ro.id)).toBe(false)
    const back = await t.ok('parts_clerk', 'parts.return', { roId: ro.id, lines: [{ partId: disc.id, quantityMilli: 1_000 }], reason: '多领' })
    expect(back.pickList.lines.find((l) => l.partId === disc.id)).toMatchObject({ issuedMilli: 1_000, outstandingMilli: 1_000 })
    expect((await t.ok('parts_clerk', 'parts.counterQueue', {})).find((q) => q.roId === ro.id)).toMatchObject({ outstandingLines: 1 })
    expect(ledgerMismatches(t)).toEqual([])
  })

  it('lists every RO with outstanding lines, oldest first, whatever its state before settlement', async () => {
    const a = await withParts('quality_check')
    t.clock.advance(60_000)
    const b = await withParts('ready')
    t.clock.advance(60_000)
    const c = await withParts('washing')
    const ids = (await t.ok('parts_clerk', 'parts.counterQueue', { limit: 200 })).map((q) => q.roId)
    expect(ids.filter((id) => [a.id, b.id, c.id].includes(id))).toEqual([a.id, b.id, c.id])
  })
})

describe('settling while parts are outstanding', () => {
  it('refuses, naming the lines still to issue, shows the same on the cashier screen, and changes nothing', async () => {
    const ro = await withParts()
    const before = dbFingerprint(t.app.store)
    const zh = await t.call('cashier', 'settlement.settle', { roId: ro.id, version: ro.version })
    expect(zh).toMatchObject({ ok: false, code: 'INVALID_STATE', details: { gates: ['partsIssued'] } })
    expect(zh.ok === false && zh.message).toBe(
      `工单 ${ro.number} 有 2 项配件未发料：5Q0-615-301-F 前刹车盘 ×2（已发 0）；5Q0-698-151-D 前刹车片 ×4（已发 0）。请先到配件柜台发料，或由主管填写原因后强制结算`,
    )
    const en = await t.call('cashier', 'settlement.settle', { roId: ro.id, version: ro.version }, { locale: 'en' })
    expect(en.ok === false && en.message).toContain('2 part line(s) not issued: 5Q0-615-301-F 前刹车盘 ×2 (issued 0)')
    expect({ ...dbFingerprint(t.app.store), sessions: '' }).toEqual({ ...before, sessions: '' })

    const got = await t.call('cashier', 'settlement.get', { roId: ro.id })
    if (!got.ok) throw new Error(got.message)
    const view = got.data
    expect(view.settleGates.refusals).toEqual([{ gate: 'partsIssued', message: zh.ok === false ? zh.message : '', waivable: true }])
    expect(view.settleGates.outstandingParts.map((p) => [p.partNumber, p.requestedMilli, p.issuedMilli])).toEqual([
      ['5Q0-615-301-F', 2_000, 0],
      ['5Q0-698-151-D', 4_000, 0],
    ])
  })

  it('settles once every billed part is issued, and the counter then refuses to issue or return', async () => {
    const ro = await withParts()
    await t.ok('parts_clerk', 'parts.issue', { roId: ro.id, lines: [{ partId: pads.id, quantityMilli: 4_000 }] })
    const partly = await t.call('cashier', 'settlement.settle', { roId: ro.id, version: ro.version }, { locale: 'en' })
    expect(partly.ok === false && partly.message).toContain('1 part line(s) not issued: 5Q0-615-301-F')
    await t.ok('parts_clerk', 'parts.issue', { roId: ro.id, lines: [{ partId: disc.id, quantityMilli: 2_000 }] })
    expect((await t.ok('cashier', 'settlement.get', { roId: ro.id })).settleGates).toEqual({ refusals: [], outstandingParts: [] })
    const settled = await t.ok('cashier', 'settlement.settle', { roId: ro.id, version: ro.version })
    expect(settled.ro.state).toBe('settled')
    expect(settled.partsOverride).toBeNull()
    const issue = await t.call('parts_clerk', 'parts.issue', { roId: ro.id, lines: [{ partId: pads.id, quantityMilli: 1_000 }] }, { locale: 'en' })
    expect(issue).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(issue.ok === false && issue.message).toContain('parts are issued only until it is settled')
  })

  it('lets only a supervisor waive it, with a reason kept on the statement and in the audit trail', async () => {
    const ro = await withParts()
    const override = { partsOverride: { reason: '配件已由索赔件调换，配件主管补单' } }
    const cashier = await t.call('cashier', 'settlement.settle', { roId: ro.id, version: ro.version, ...override })
    expect(cashier).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(cashier.ok === false && cashier.message).toContain('配件未发完强制结算')
    const view = await t.ok('front_desk_supervisor', 'settlement.settle', { roId: ro.id, version: ro.version, ...override })
    expect(view.ro.state).toBe('settled')
    expect(view.partsOverride).toMatchObject({ reason: '配件已由索赔件调换，配件主管补单', at: view.ro.settledAt })
    const audit = t.app.store.sqlite
      .prepare(`SELECT detail FROM audit_log WHERE action = 'ro.settle' AND entity_id = ? ORDER BY id DESC LIMIT 1`)
      .get(String(ro.id)) as { detail: string }
    expect(JSON.parse(audit.detail).partsOverride).toMatchObject({ reason: '配件已由索赔件调换，配件主管补单', outstanding: [{ partNumber: '5Q0-615-301-F' }, { partNumber: '5Q0-698-151-D' }] })
    // A reversal takes the waiver away with the settlement it belonged to.
    const reversed = await t.ok('front_desk_supervisor', 'settlement.reverse', { roId: ro.id, version: view.ro.version, reason: '重开发票' })
    expect(reversed.partsOverride).toBeNull()
    expect(reversed.settleGates.refusals.map((r) => r.gate)).toEqual(['partsIssued'])
  })

  it('refuses a waiver without a reason as a validation error on the reason', async () => {
    const ro = await withParts()
    const result = await t.call('front_desk_supervisor', 'settlement.settle', { roId: ro.id, version: ro.version, partsOverride: { reason: '' } }, { locale: 'en' })
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(result.ok === false && result.details?.fields?.[0]?.field).toBe('partsOverride.reason')
  })
})

describe('cancelling with parts on the car', () => {
  it('refuses while issued parts are on the RO and cancels once they are back on the shelf', async () => {
    const ro = await readyRo(t, { type: 'repair', lines: labour, parts: [{ partId: pads.id, quantityMilli: 2_000 }], stopAt: 'authorised' })
    await t.ok('parts_clerk', 'parts.issue', { roId: ro.id, lines: [{ partId: pads.id, quantityMilli: 2_000 }] })
    const refused = await t.call('service_manager', 'ro.cancel', { id: ro.id, version: ro.version, reason: '客户改期' }, { locale: 'en' })
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_STATE', details: { gates: ['noPartsOnRo'] } })
    expect(refused.ok === false && refused.message).toContain('still holds issued parts (2)')
    await t.ok('parts_clerk', 'parts.return', { roId: ro.id, lines: [{ partId: pads.id, quantityMilli: 2_000 }], reason: '取消工单' })
    expect((await t.ok('service_manager', 'ro.cancel', { id: ro.id, version: ro.version, reason: '客户改期' })).state).toBe('cancelled')
  })
})
