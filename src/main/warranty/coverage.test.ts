import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { coverageStatus } from '../../shared/domain/warranty'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { dbFingerprint, testVin } from '../test-support/fixtures'

// Coverage per vehicle (terms per make/model, from the warranty start) and the check on an RO's
// warranty lines when they are saved.

let t: TestApp
let serial = 830_000

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'front_desk_supervisor', 'warranty_clerk', 'cashier'] })
})
afterAll(() => t.close())

async function vehicle(o: { firstRegisteredOn?: string; energy?: 'new_energy'; odometerKm?: number } = {}) {
  serial += 1
  const v = await t.ok('service_advisor', 'vehicles.register', {
    vin: testVin(serial),
    make: '比亚迪',
    model: '秦PLUS',
    odometerKm: o.odometerKm ?? 10_000,
    ...(o.firstRegisteredOn ? { firstRegisteredOn: o.firstRegisteredOn } : {}),
    newOwner: { name: `车主${serial}` },
  })
  if (o.energy) t.app.store.sqlite.prepare('UPDATE vehicles SET energy = ? WHERE id = ?').run(o.energy, v.id)
  return v
}

const warrantyLine = { kind: 'labour' as const, description: '检查异响', quantityMilli: 1000, unitPriceFen: 20_000, payer: 'warranty' as const }

describe('coverage terms', () => {
  it('end on the earlier of months and km', () => {
    const term = { coverage: 'wear' as const, months: 6, km: 5_000 }
    expect(coverageStatus(term, '2026-01-31', '2026-07-31', 4_000)).toMatchObject({ untilDate: '2026-07-31', covered: true, endedBy: null })
    expect(coverageStatus(term, '2026-01-31', '2026-08-01', 4_000)).toMatchObject({ covered: false, endedBy: 'date' })
    expect(coverageStatus(term, '2026-01-31', '2026-03-01', 5_001)).toMatchObject({ covered: false, endedBy: 'km' })
    // 31 August + 6 months is the last day of February.
    expect(coverageStatus(term, '2025-08-31', '2026-01-01', 0).untilDate).toBe('2026-02-28')
  })
})

describe('a vehicle’s coverage', () => {
  it('is one line per coverage from the first registration, until the warranty start is recorded', async () => {
    const v = await vehicle({ firstRegisteredOn: '2024-03-15', odometerKm: 40_000 })
    const before = await t.ok('service_advisor', 'warranty.coverage', { vehicleId: v.id })
    expect(before).toMatchObject({ startsOn: '2024-03-15', startSource: 'first_registration', asOf: '2026-11-27' })
    expect(before.lines.map((l) => [l.coverage, l.untilDate, l.untilKm, l.covered])).toEqual([
      ['basic', '2027-03-15', 100_000, true],
      ['powertrain', '2029-03-15', 150_000, true],
      ['wear', '2024-09-15', 5_000, false],
    ])
    const after = await t.ok('warranty_clerk', 'warranty.setStart', { vehicleId: v.id, startsOn: '2024-04-02' })
    expect(after).toMatchObject({ startsOn: '2024-04-02', startSource: 'delivery' })
    const audit = t.app.store.sqlite.prepare(`SELECT action FROM audit_log WHERE entity = 'vehicle' AND entity_id = ? ORDER BY id DESC LIMIT 1`).get(String(v.id)) as { action: string }
    expect(audit.action).toBe('warranty.setStart')
  })

  it('has battery and drive-motor lines for a new-energy car, and none when the start is unknown', async () => {
    const nev = await vehicle({ firstRegisteredOn: '2025-01-01', energy: 'new_energy' })
    expect((await t.ok('service_advisor', 'warranty.coverage', { vehicleId: nev.id })).lines.map((l) => l.coverage)).toEqual(['basic', 'powertrain', 'nev_battery', 'nev_motor', 'wear'])
    const unknown = await vehicle()
    expect(await t.ok('service_advisor', 'warranty.coverage', { vehicleId: unknown.id })).toMatchObject({ startsOn: null, startSource: null, lines: [] })
  })

  it('uses a make/model’s own terms over the defaults', async () => {
    t.app.store.sqlite.prepare(`INSERT INTO warranty_terms (make, model, coverage, months, km) VALUES ('比亚迪', '', 'basic', 72, 150000)`).run()
    const v = await vehicle({ firstRegisteredOn: '2022-01-01' })
    const basic = (await t.ok('service_advisor', 'warranty.coverage', { vehicleId: v.id })).lines.find((l) => l.coverage === 'basic')
    expect(basic).toMatchObject({ months: 72, untilDate: '2028-01-01', covered: true })
    t.app.store.sqlite.prepare(`DELETE FROM warranty_terms WHERE make = '比亚迪'`).run()
  })

  it('only the warranty desk records a warranty start', async () => {
    const v = await vehicle()
    expect(await t.call('service_advisor', 'warranty.setStart', { vehicleId: v.id, startsOn: '2025-01-01' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await t.call('warranty_clerk', 'warranty.setStart', { vehicleId: 999_999, startsOn: '2025-01-01' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})

describe('saving warranty lines on an RO', () => {
  async function roFor(firstRegisteredOn?: string) {
    const v = await vehicle(firstRegisteredOn ? { firstRegisteredOn } : {})
    return t.ok('service_advisor', 'ro.checkIn', { vehicleId: v.id, type: 'warranty', odometerKm: 20_000, fuelEighths: 4, concerns: '异响' })
  }

  it('saves lines within coverage', async () => {
    const ro = await roFor('2025-06-01')
    const saved = await t.ok('service_advisor', 'ro.saveLines', { id: ro.id, version: ro.version, lines: [warrantyLine] })
    expect(saved.lines).toHaveLength(1)
  })

  it('refuses an out-of-coverage warranty line with the coverage and its end, changing nothing', async () => {
    const ro = await roFor('2022-01-01')
    const before = dbFingerprint(t.app.store)
    const refused = await t.call('service_advisor', 'ro.saveLines', { id: ro.id, version: ro.version, lines: [warrantyLine] })
    expect(refused).toMatchObject({ ok: false, code: 'VALIDATION' })
    if (!refused.ok) expect(refused.message).toBe('索赔项目超出整车保修范围（保修至 2025-01-01 / 100000 km，进厂 20000 km）：请改为其他付款方，或由主管填写原因后放行')
    expect(dbFingerprint(t.app.store)).toEqual(before)
    // The advisor may not let it through; a customer line goes through.
    const advisor = await t.call('service_advisor', 'ro.saveLines', { id: ro.id, version: ro.version, lines: [warrantyLine], warrantyOverride: { reason: '厂家同意' } })
    expect(advisor).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect((await t.call('service_advisor', 'ro.saveLines', { id: ro.id, version: ro.version, lines: [{ ...warrantyLine, payer: 'customer' }] })).ok).toBe(true)
  })

  it('lets a supervisor override with a reason, recorded in its table and the audit trail', async () => {
    const ro = await roFor('2022-01-01')
    const saved = await t.ok('front_desk_supervisor', 'ro.saveLines', { id: ro.id, version: ro.version, lines: [warrantyLine], warrantyOverride: { reason: '厂家区域经理同意延保' } })
    expect(saved.lines[0]?.payer).toBe('warranty')
    const row = t.app.store.sqlite.prepare('SELECT coverage, reason FROM warranty_line_overrides WHERE ro_id = ?').get(ro.id)
    expect(row).toEqual({ coverage: 'basic', reason: '厂家区域经理同意延保' })
    const audit = t.app.store.sqlite.prepare(`SELECT action FROM audit_log WHERE entity = 'repair_order' AND entity_id = ? ORDER BY id`).all(String(ro.id)) as { action: string }[]
    expect(audit.map((a) => a.action)).toContain('warranty.lineOverride')
  })

  it('lets lines through when the warranty start is unknown (the claim pre-check stops those)', async () => {
    const ro = await roFor()
    expect((await t.call('service_advisor', 'ro.saveLines', { id: ro.id, version: ro.version, lines: [warrantyLine] })).ok).toBe(true)
  })
})
