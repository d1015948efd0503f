import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, registerVehicle, type TestApp } from '../test-support/test-app'
import { dbFingerprint } from '../test-support/fixtures'
import { relogin } from '../rules/test-helpers'

// An accident car marked at the desk: checking in with the insurer and the report number (报案号)
// opens the RO and its insurance claim in one transaction; the RO's insurance panel shows the
// claim; a refusal (missing insurer, wrong RO type, a report number already open) writes nothing
// and says why in the user's language.

let t: TestApp
let serial = 930_000
beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'front_desk_supervisor'] })
  t.clock.set('2026-12-08T09:30:00+08:00')
  await relogin(t)
})
afterAll(() => t.close())

async function car() {
  serial += 1
  return registerVehicle(t, { serial, name: `事故车主${serial}` })
}

const visit = (vehicleId: number) => ({ vehicleId, type: 'insurance' as const, odometerKm: 20_000, fuelEighths: 4, concerns: '追尾，后保险杠破损' })

describe('checking in an accident car with its claim', () => {
  it('opens the RO with the claim, reported and arrived today, insured the owner, due by today’s rule', async () => {
    const v = await car()
    const ro = await t.ok('service_advisor', 'ro.checkIn', { ...visit(v.id), insurance: { insurer: '中国人保', reportNo: 'RPT-2026-0001' } })
    expect(ro.type).toBe('insurance')
    const view = await t.ok('service_advisor', 'insurance.get', { roId: ro.id })
    expect(view.claim).toMatchObject({
      version: 1,
      insurer: '中国人保',
      reportNo: 'RPT-2026-0001',
      policyNo: '',
      insuredName: `事故车主${serial}`,
      reportedOn: '2026-12-08',
      arrivedOn: '2026-12-08',
      assessedOn: null,
      assessmentDays: 3,
      assessmentDueOn: '2026-12-11',
    })
    const audit = t.app.store.sqlite.prepare(`SELECT action FROM audit_log WHERE entity IN ('repair_order', 'insurance_claim') AND entity_id IN (?, ?) ORDER BY id`).all(String(ro.id), String(view.claim!.id)) as { action: string }[]
    expect(audit.map((a) => a.action)).toEqual(['insurance.open', 'ro.checkIn'])
    // The panel takes it from there: the policy number follows on the claim's own save.
    const saved = await t.ok('service_advisor', 'insurance.save', { roId: ro.id, version: 1, insurer: '中国人保', policyNo: 'PDAA2026', reportNo: 'RPT-2026-0001', insuredName: '王先生', reportedOn: '2026-12-08', arrivedOn: '2026-12-08' })
    expect(saved.claim).toMatchObject({ version: 2, policyNo: 'PDAA2026' })
  })

  it('refuses, writing nothing, a claim on another RO type, a missing insurer or report number, and a report number already open', async () => {
    const v = await car()
    const before = dbFingerprint(t.app.store)
    const wrongType = await t.call('service_advisor', 'ro.checkIn', { ...visit(v.id), type: 'repair', insurance: { insurer: '平安保险', reportNo: 'RPT-X' } }, { locale: 'en' })
    expect(wrongType).toMatchObject({ ok: false, code: 'VALIDATION', details: { fields: [{ field: 'insurance', message: 'Only an Insurance / accident RO can carry an insurance claim' }] } })
    const noInsurer = await t.call('service_advisor', 'ro.checkIn', { ...visit(v.id), insurance: { insurer: ' ', reportNo: 'RPT-X' } })
    expect(noInsurer).toMatchObject({ ok: false, code: 'VALIDATION', details: { fields: [{ field: 'insurance.insurer', message: '请填写保险公司' }] } })
    const noReport = await t.call('service_advisor', 'ro.checkIn', { ...visit(v.id), insurance: { insurer: '平安保险', reportNo: '' } }, { locale: 'en' })
    expect(noReport).toMatchObject({ ok: false, code: 'VALIDATION', details: { fields: [{ field: 'insurance.reportNo', message: 'Enter the insurer’s report number' }] } })
    expect(dbFingerprint(t.app.store)).toEqual(before)

    const first = await t.ok('service_advisor', 'ro.checkIn', { ...visit(v.id), insurance: { insurer: '平安保险', reportNo: 'RPT-DUP' } })
    const other = await car()
    const again = await t.call('front_desk_supervisor', 'ro.checkIn', { ...visit(other.id), insurance: { insurer: '平安保险', reportNo: 'RPT-DUP' } })
    expect(again).toMatchObject({ ok: false, code: 'VALIDATION', message: `平安保险 的报案号 RPT-DUP 已登记在工单 ${first.number} 上`, details: { fields: [{ field: 'insurance.reportNo' }] } })
    // The same report number at another insurer is another claim.
    expect(await t.call('front_desk_supervisor', 'ro.checkIn', { ...visit(other.id), insurance: { insurer: '太平洋保险', reportNo: 'RPT-DUP' } })).toMatchObject({ ok: true })
  })
})
