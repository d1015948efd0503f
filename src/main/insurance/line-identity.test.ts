import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { dbFingerprint } from '../test-support/fixtures'
import { readyRo } from '../rules/test-helpers'

// An assessed amount (定损) and a supplement belong to the RO line the assessor priced, by the line's
// id: re-saving the estimate in another order keeps each with its line, a new line starts
// unassessed, and removing a line that carries an assessment is refused with the reason.

let t: TestApp
beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'cashier'] })
})
afterAll(() => t.close())

const claim = { insurer: '中国人保', policyNo: 'PDAA9', reportNo: 'RDAA9', insuredName: '王先生', reportedOn: '2026-11-25', arrivedOn: '2026-11-26', assessedOn: '2026-11-27' }

type Line = { id: number; kind: 'labour' | 'part'; description: string; quantityMilli: number; unitPriceFen: number; payer: 'customer' | 'insurance' }
const asInput = (l: Line, keepId = true) => ({ ...(keepId ? { id: l.id } : {}), kind: l.kind, description: l.description, quantityMilli: l.quantityMilli, unitPriceFen: l.unitPriceFen, payer: l.payer })

describe('an assessment kept against its RO line', () => {
  it('follows each line when the estimate is re-saved in another order, and a new line starts unassessed', async () => {
    const ro = await readyRo(t, {
      type: 'insurance',
      stopAt: 'authorised',
      lines: [
        { payer: 'insurance', amountFen: 80_000, description: '前保险杠钣金' },
        { payer: 'insurance', amountFen: 120_000, description: '前大灯总成' },
        { payer: 'insurance', amountFen: 45_000, description: '喷漆' },
      ],
    })
    const view = await t.ok('service_advisor', 'insurance.get', { roId: ro.id })
    const [bumper, lamp, paint] = view.lines.map((l) => l.lineId) as [number, number, number]
    const opened = await t.ok('service_advisor', 'insurance.save', {
      roId: ro.id,
      version: 0,
      ...claim,
      lines: [
        { lineId: bumper, assessedFen: 70_000 },
        { lineId: lamp, assessedFen: 100_000, reason: 'betterment' },
        { lineId: paint, assessedFen: 45_000 },
      ],
    })
    await t.ok('service_advisor', 'insurance.supplement', { roId: ro.id, version: opened.claim!.version, lineId: lamp, assessedOn: '2026-11-27', amountFen: 5_000 })

    const detail = await t.ok('service_advisor', 'ro.get', { id: ro.id })
    const byId = new Map(detail.lines.map((l) => [l.id, l as Line]))
    // Paint first, then the lamp, a new line, the bumper: positions change, ids stay.
    const resaved = await t.ok('service_advisor', 'ro.saveLines', {
      id: ro.id,
      version: detail.version,
      lines: [
        asInput(byId.get(paint)!),
        asInput(byId.get(lamp)!),
        { kind: 'labour', description: '四轮定位', quantityMilli: 1000, unitPriceFen: 20_000, payer: 'insurance' },
        asInput(byId.get(bumper)!),
      ],
    })
    expect(resaved.lines.map((l) => [l.position, l.description])).toEqual([
      [1, '喷漆'],
      [2, '前大灯总成'],
      [3, '四轮定位'],
      [4, '前保险杠钣金'],
    ])
    expect(resaved.lines.filter((l) => l.description !== '四轮定位').map((l) => l.id)).toEqual([paint, lamp, bumper])

    const after = await t.ok('service_advisor', 'insurance.get', { roId: ro.id })
    expect(after.lines.map((l) => [l.position, l.description, l.assessedFen, l.supplementFen, l.reason])).toEqual([
      [1, '喷漆', 45_000, 0, null],
      [2, '前大灯总成', 105_000, 5_000, 'betterment'],
      [3, '四轮定位', null, 0, 'refused'],
      [4, '前保险杠钣金', 70_000, 0, 'refused'],
    ])
    expect(after.supplements).toMatchObject([{ lineId: lamp, position: 2, description: '前大灯总成', amountFen: 5_000 }])
  })

  it('refuses to remove a line that carries an assessment or a supplement, naming it and the claim, and changes nothing', async () => {
    const ro = await readyRo(t, {
      type: 'insurance',
      stopAt: 'authorised',
      lines: [
        { payer: 'insurance', amountFen: 80_000, description: '前保险杠钣金' },
        { payer: 'insurance', amountFen: 120_000, description: '前大灯总成' },
        { payer: 'insurance', amountFen: 30_000, description: '雾灯' },
      ],
    })
    const [bumper, lamp, fog] = (await t.ok('service_advisor', 'insurance.get', { roId: ro.id })).lines.map((l) => l.lineId) as [number, number, number]
    const opened = await t.ok('service_advisor', 'insurance.save', { roId: ro.id, version: 0, ...claim, reportNo: 'RDAA10', lines: [{ lineId: bumper, assessedFen: 80_000 }, { lineId: lamp, assessedFen: 90_000 }] })
    await t.ok('service_advisor', 'insurance.supplement', { roId: ro.id, version: opened.claim!.version, lineId: lamp, assessedOn: '2026-11-27', amountFen: 2_000 })
    const detail = await t.ok('service_advisor', 'ro.get', { id: ro.id })
    const line = (id: number) => detail.lines.find((l) => l.id === id) as Line

    const before = dbFingerprint(t.app.store)
    const dropBumper = await t.call('service_advisor', 'ro.saveLines', { id: ro.id, version: detail.version, lines: [asInput(line(lamp)), asInput(line(fog))] }, { locale: 'en' })
    expect(dropBumper).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
      message: 'Line 1 “前保险杠钣金” has an assessed amount on claim RDAA10; take it out of the assessment before removing the line',
    })
    // Sending the line back without its id is a removal too (and a new line): refused the same way.
    const asNew = await t.call('service_advisor', 'ro.saveLines', { id: ro.id, version: detail.version, lines: [asInput(line(bumper), false), asInput(line(lamp)), asInput(line(fog))] }, { locale: 'zh-CN' })
    expect(asNew).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '第 1 行“前保险杠钣金”在报案号 RDAA10 上已有定损金额；请先从定损中去掉该行，再删除项目' })
    expect(dbFingerprint(t.app.store)).toEqual(before)

    // Out of the assessment, the bumper line can go; the lamp's supplement keeps the lamp on the RO.
    const v = (await t.ok('service_advisor', 'insurance.get', { roId: ro.id })).claim!
    await t.ok('service_advisor', 'insurance.save', { roId: ro.id, version: v.version, ...claim, reportNo: 'RDAA10', lines: [{ lineId: lamp, assessedFen: 90_000 }] })
    const dropped = await t.ok('service_advisor', 'ro.saveLines', { id: ro.id, version: detail.version, lines: [asInput(line(lamp)), asInput(line(fog))] })
    expect(dropped.lines.map((l) => [l.id, l.position])).toEqual([
      [lamp, 1],
      [fog, 2],
    ])
    const v2 = (await t.ok('service_advisor', 'insurance.get', { roId: ro.id })).claim!
    await t.ok('service_advisor', 'insurance.save', { roId: ro.id, version: v2.version, ...claim, reportNo: 'RDAA10', lines: [] })
    const lampGone = await t.call('service_advisor', 'ro.saveLines', { id: ro.id, version: dropped.version, lines: [asInput(line(fog))] }, { locale: 'en' })
    expect(lampGone).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
      message: 'Line 1 “前大灯总成” has a supplement on claim RDAA10; the line stays on the RO (change its quantity or price instead)',
    })
    const view = await t.ok('service_advisor', 'insurance.get', { roId: ro.id })
    expect(view.lines.map((l) => [l.description, l.assessedFen])).toEqual([
      ['前大灯总成', 2_000],
      ['雾灯', null],
    ])
  })

  it('refuses a line id that is not on the RO', async () => {
    const ro = await readyRo(t, { type: 'insurance', stopAt: 'authorised', lines: [{ payer: 'insurance', amountFen: 1_000, description: '洗车' }] })
    const other = await readyRo(t, { type: 'insurance', stopAt: 'authorised', lines: [{ payer: 'insurance', amountFen: 1_000, description: '洗车' }] })
    const foreign = (await t.ok('service_advisor', 'ro.get', { id: other.id })).lines[0]!
    const detail = await t.ok('service_advisor', 'ro.get', { id: ro.id })
    const r = await t.call('service_advisor', 'ro.saveLines', { id: ro.id, version: detail.version, lines: [asInput(foreign as Line)] }, { locale: 'en' })
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION', details: { fields: [{ field: 'lines.0.id' }] } })
    const claimFor = await t.call('service_advisor', 'insurance.save', { roId: ro.id, version: 0, ...claim, reportNo: 'RDAA11', lines: [{ lineId: foreign.id, assessedFen: 1_000 }] }, { locale: 'en' })
    expect(claimFor).toMatchObject({ ok: false, code: 'VALIDATION', message: `Line ${foreign.id} is not on this RO (reload the RO: its lines have changed)` })
  })
})
