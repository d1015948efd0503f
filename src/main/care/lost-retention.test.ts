import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, registerVehicle, type TestApp } from '../test-support/test-app'

// Lost customers and the retention funnel on a hand-made history, read on 27 November 2026:
//   V1 (2022): visits March and September 2025, settled ¥500 + ¥300 → lost (12 months), 2 visits
//   V2 (2022): four visits, the last July 2026
//   V3 (2023): one visit June 2024 (¥100); a cancelled RO in October 2026 is no visit → lost
//   V4 (2023): six visits in 2026 → counted in the last column, "5 or more"
//   V5 (no model year): an internal RO only → no customer, not counted

let t: TestApp
const v: Record<string, number> = {}
let n = 0

function ro(vehicleId: number, day: string, o: { state?: string; type?: string; grossFen?: number } = {}) {
  n += 1
  const at = `${day}T10:00:00+08:00`
  const owner = (t.app.store.sqlite.prepare('SELECT owner_id FROM vehicles WHERE id = ?').get(vehicleId) as { owner_id: number }).owner_id
  const settled = (o.state ?? 'delivered') === 'delivered' ? at : null
  t.app.store.sqlite
    .prepare(
      `INSERT INTO repair_orders (number, type, state, customer_id, vehicle_id, advisor_id, odometer_km, fuel_eighths, concerns, opened_at, completed_at, settled_at, gross_fen, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 10000, 4, '', ?, ?, ?, ?, ?, ?)`,
    )
    .run(`RO2099${String(n).padStart(6, '0')}`, o.type ?? 'maintenance', o.state ?? 'delivered', owner, vehicleId, t.userIds.service_advisor, at, at, settled, o.grossFen ?? 0, at, at)
}

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'front_desk_supervisor', 'service_manager'] })
  t.clock.set('2026-11-27T10:00:00+08:00')
  for (const [k, serial, year] of [['V1', 901, 2022], ['V2', 902, 2022], ['V3', 903, 2023], ['V4', 904, 2023], ['V5', 905, null]] as const) {
    v[k] = (await registerVehicle(t, { serial, plate: `粤A9${serial}X`, name: `客户${k}` })).id
    t.app.store.sqlite.prepare('UPDATE vehicles SET model_year = ? WHERE id = ?').run(year, v[k])
  }
  ro(v.V1!, '2025-03-01', { grossFen: 50_000 })
  ro(v.V1!, '2025-09-01', { grossFen: 30_000 })
  for (const day of ['2025-01-10', '2025-07-10', '2026-01-10', '2026-07-10']) ro(v.V2!, day, { grossFen: 20_000 })
  ro(v.V3!, '2024-06-01', { grossFen: 10_000 })
  ro(v.V3!, '2026-10-01', { state: 'cancelled', grossFen: 99_000 })
  for (const m of ['01', '02', '03', '04', '05', '06']) ro(v.V4!, `2026-${m}-20`, { type: 'repair', grossFen: 5_000 })
  ro(v.V5!, '2024-01-01', { type: 'internal' })
})
afterAll(() => t.close())

describe('lost customers', () => {
  it('lists the vehicles without a visit for 12 months, most valuable first, with their last visit', async () => {
    const lost = await t.ok('service_manager', 'care.lost', {})
    expect(lost.months).toBe(12)
    expect(lost.cutoff).toBe('2025-11-27T10:00:00+08:00')
    expect(lost.rows.map((r) => [r.plate, r.lastVisitAt.slice(0, 10), r.visits, r.valueFen])).toEqual([
      ['粤A9901X', '2025-09-01', 2, 80_000],
      ['粤A9903X', '2024-06-01', 1, 10_000],
    ])
    expect(lost.rows[0]).toMatchObject({ customerName: '客户V1', modelYear: 2022, lastRoNumber: 'RO2099000002' })
  })

  it('takes the number of months from the caller or the setting', async () => {
    const six = await t.ok('service_manager', 'care.lost', { months: 6 })
    expect(six.rows.map((r) => r.plate)).toEqual(['粤A9901X', '粤A9903X'])
    const three = await t.ok('service_manager', 'care.lost', { months: 3 })
    // V1 and V2 both came to ¥800: the one gone longer first.
    expect(three.rows.map((r) => r.plate)).toEqual(['粤A9901X', '粤A9902X', '粤A9904X', '粤A9903X'])
    t.app.store.sqlite.prepare(`INSERT INTO settings (key, value) VALUES ('care.lostMonths', '24')`).run()
    expect((await t.ok('service_manager', 'care.lost', {})).rows.map((r) => r.plate)).toEqual(['粤A9903X'])
  })
})

describe('the retention funnel', () => {
  it('counts, per model year, the vehicles that came a 1st, 2nd … 5th-or-more time', async () => {
    const funnel = await t.ok('front_desk_supervisor', 'care.retention', {})
    expect(funnel).toEqual({
      depth: 5,
      total: [4, 3, 2, 2, 1],
      years: [
        { modelYear: 2023, reached: [2, 1, 1, 1, 1] },
        { modelYear: 2022, reached: [2, 2, 1, 1, 0] },
      ],
    })
  })
})
