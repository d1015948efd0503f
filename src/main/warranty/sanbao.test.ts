import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { claimInput, warrantyRo } from './test-warranty'

// 三包 per vehicle through the real dispatcher, across several repairs: repair days and repairs of
// the same failure code add up within the validity (24 months / 50,000 km from the warranty
// start), a repair past either end is shown but not counted, serious-safety and assembly marks are
// counted per repair, and the `sanbao_threshold` rule warns one below a threshold and alerts at it
// with the numbers, on the vehicle's ROs still in the workshop.

let t: TestApp

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'parts_clerk', 'warranty_clerk', 'administrator'] })
})
afterAll(() => t.close())

async function repairWithClaim(o: { vehicleId?: number; km: number; firstRegisteredOn?: string }) {
  const ro = await warrantyRo(t, { vehicleId: o.vehicleId, odometerKm: o.km, ...(o.firstRegisteredOn ? { firstRegisteredOn: o.firstRegisteredOn } : {}) })
  const claim = await t.ok('warranty_clerk', 'warranty.claim.fromRo', { roId: ro.roId })
  await t.ok('warranty_clerk', 'warranty.claim.save', claimInput(claim))
  return { ...ro, claimId: claim.id }
}

/** Moves a repair in time (opened, completed) — the test clock cannot go back for one RO. */
function placeRepair(roId: number, openedAt: string, completedAt: string | null) {
  t.app.store.sqlite
    .prepare(`UPDATE repair_orders SET opened_at = ?, completed_at = ?, state = CASE WHEN ? IS NULL THEN 'in_progress' ELSE state END WHERE id = ?`)
    .run(openedAt, completedAt, completedAt, roId)
}

const sanbaoAlerts = async () => {
  const r = await t.call('warranty_clerk', 'alerts.list', { box: 'mine', ruleKind: 'sanbao_threshold', state: 'active' }, { locale: 'en' })
  if (!r.ok) throw new Error(r.message)
  return r.data
}
const counter = (v: { counters: { counter: string; value: number; level: string; subject: string }[] }, name: string) => v.counters.find((c) => c.counter === name)!

describe('三包 counters', () => {
  it('add repair days and repairs of one failure code, warn one below the threshold and alert at it', async () => {
    const first = await repairWithClaim({ km: 10_000 })
    const vehicleId = first.vehicleId
    placeRepair(first.roId, '2026-11-10T09:00:00+08:00', '2026-11-14T16:00:00+08:00')
    await repairWithClaim({ vehicleId, km: 11_000 })
    await repairWithClaim({ vehicleId, km: 12_000 })
    const three = await t.ok('warranty_clerk', 'warranty.sanbao.vehicle', { vehicleId })
    expect(three).toMatchObject({ startsOn: '2025-06-01', untilDate: '2027-06-01', untilKm: 50_000, inValidity: true, level: 'approaching' })
    expect(counter(three, 'repairDays')).toMatchObject({ value: 4 + 1 + 1, limit: 30, level: 'ok' })
    expect(counter(three, 'sameProblem')).toMatchObject({ value: 3, limit: 4, level: 'approaching', subject: 'B1A2C3' })
    expect(three.repairs.map((r) => [r.days, r.counted])).toEqual([[4, true], [1, true], [1, true]])

    // The car comes in again: its RO carries the warning, the banner reads the same.
    const visit = await t.ok('service_advisor', 'ro.checkIn', { vehicleId, type: 'repair', odometerKm: 12_500, fuelEighths: 4, concerns: '左前车窗升降又有异响' })
    const [near] = (await sanbaoAlerts()).filter((a) => a.subjectId === visit.id)
    expect(near).toMatchObject({ stage: 'warning' })
    expect(near!.message).toContain('B1A2C3')
    expect(near!.message).toContain('repaired 3 times, one short of the threshold of 4')
    const banner = await t.ok('service_advisor', 'warranty.sanbao.forRo', { roId: visit.id })
    expect(banner).toMatchObject({ roId: visit.id, level: 'approaching', ruleEnabled: true })

    // A fourth repair of the same problem reaches the threshold; the sweep raises the RO's alert.
    await repairWithClaim({ vehicleId, km: 13_000 })
    await t.ok('administrator', 'rules.sweep', {})
    const [reached] = (await sanbaoAlerts()).filter((a) => a.subjectId === visit.id)
    expect(reached).toMatchObject({ stage: 'breach' })
    expect(reached!.message).toContain('repaired 4 times, reaching the threshold of 4')
    expect(counter(await t.ok('warranty_clerk', 'warranty.sanbao.vehicle', { vehicleId }), 'sameProblem')).toMatchObject({ value: 4, level: 'reached' })

    // Previewing a higher threshold shows what saving would clear; nothing changes until saved.
    const rules = await t.ok('administrator', 'rules.list', {})
    const rule = rules.find((r) => r.kind === 'sanbao_threshold')!
    const preview = await t.ok('administrator', 'rules.preview', { kind: 'sanbao_threshold', params: { ...rule.params, sameProblem: 6 }, enabled: true })
    expect(preview.clear).toBeGreaterThan(0)
    expect((await sanbaoAlerts()).some((a) => a.subjectId === visit.id)).toBe(true)
  })

  it('stops counting at the validity’s km, and says the validity ended by km', async () => {
    const inside = await repairWithClaim({ km: 30_000 })
    const outside = await repairWithClaim({ vehicleId: inside.vehicleId, km: 50_001 })
    const v = await t.ok('warranty_clerk', 'warranty.sanbao.vehicle', { vehicleId: inside.vehicleId })
    expect(v).toMatchObject({ inValidity: false, endedBy: 'km' })
    expect(v.repairs.map((r) => [r.roId, r.counted])).toEqual([[inside.roId, true], [outside.roId, false]])
    expect(counter(v, 'sameProblem')).toMatchObject({ value: 1, level: 'ok' })
  })

  it('stops counting at the validity’s last day, and says the validity ended by date', async () => {
    const before = await repairWithClaim({ km: 20_000, firstRegisteredOn: '2024-10-01' })
    placeRepair(before.roId, '2026-09-28T09:00:00+08:00', '2026-10-01T12:00:00+08:00')
    const after = await repairWithClaim({ vehicleId: before.vehicleId, km: 21_000 })
    const v = await t.ok('warranty_clerk', 'warranty.sanbao.vehicle', { vehicleId: before.vehicleId })
    expect(v).toMatchObject({ untilDate: '2026-10-01', inValidity: false, endedBy: 'date' })
    expect(v.repairs.map((r) => [r.roId, r.days, r.counted])).toEqual([[before.roId, 3, true], [after.roId, 1, false]])
    expect(counter(v, 'repairDays')).toMatchObject({ value: 3 })
  })

  it('counts serious safety faults and assembly replacements the clerk marks, audited; advisors cannot mark', async () => {
    const a = await repairWithClaim({ km: 5_000 })
    const b = await repairWithClaim({ vehicleId: a.vehicleId, km: 6_000 })
    expect(await t.call('service_advisor', 'warranty.sanbao.mark', { claimId: a.claimId, safetyFault: true, replaced: null })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await t.call('warranty_clerk', 'warranty.sanbao.mark', { claimId: 999_999, safetyFault: true, replaced: null })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    await t.ok('warranty_clerk', 'warranty.sanbao.mark', { claimId: a.claimId, safetyFault: true, replaced: 'transmission' })
    const v = await t.ok('warranty_clerk', 'warranty.sanbao.mark', { claimId: b.claimId, safetyFault: true, replaced: 'transmission' })
    expect(counter(v, 'safetyRepairs')).toMatchObject({ value: 2, level: 'reached' })
    expect(counter(v, 'replacements')).toMatchObject({ value: 2, level: 'reached', subject: 'transmission' })
    expect(v.claims.find((c) => c.id === b.claimId)).toMatchObject({ safetyFault: true, replaced: 'transmission' })
    const undone = await t.ok('warranty_clerk', 'warranty.sanbao.mark', { claimId: b.claimId, safetyFault: false, replaced: null })
    expect(counter(undone, 'safetyRepairs')).toMatchObject({ value: 1, level: 'approaching' })
    const audit = t.app.store.sqlite.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'warranty.sanbao.mark'`).get() as { n: number }
    expect(audit.n).toBe(3)
  })

  it('alerts on a repair running past 5 days: a loaner car or travel compensation is due', async () => {
    const ro = await repairWithClaim({ km: 8_000 })
    placeRepair(ro.roId, '2026-11-21T09:00:00+08:00', null)
    await t.ok('administrator', 'rules.sweep', {})
    const banner = await t.ok('service_advisor', 'warranty.sanbao.forRo', { roId: ro.roId })
    expect(counter(banner, 'singleRepair')).toMatchObject({ value: 6, level: 'reached', subject: ro.roNumber })
    const [alert] = (await sanbaoAlerts()).filter((a) => a.subjectId === ro.roId)
    expect(alert).toMatchObject({ stage: 'breach' })
    expect(alert!.message).toContain('in repair 6 days, more than 5')
  })
})
