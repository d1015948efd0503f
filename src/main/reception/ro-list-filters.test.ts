import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, registerVehicle, type TestApp } from '../test-support/test-app'

// The RO list a clerk works from: search, filters and the late marks. The clock starts at
// 2026-11-27 10:30 in Shanghai.
let t: TestApp
const ids: Record<string, number> = {}

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'front_desk_supervisor'] })
  const specs = [
    { key: 'promisedPast', serial: 300001, plate: '粤A30001', name: '陈一', mobile: '13800030001', type: 'repair', promisedAt: '2026-11-27T09:00:00+08:00' },
    { key: 'promisedLater', serial: 300002, plate: '粤A30002', name: '陈二', mobile: '13800030002', type: 'repair', promisedAt: '2026-11-27T17:00:00+08:00' },
    { key: 'maintenanceLate', serial: 300003, plate: '粤A30003', name: '李三', mobile: '13800030003', type: 'maintenance' },
    { key: 'insuranceOnTime', serial: 300004, plate: '粤B30004', name: '李四', mobile: '13800030004', type: 'insurance' },
  ] as const
  for (const s of specs) {
    const vehicle = await registerVehicle(t, { serial: s.serial, plate: s.plate, name: s.name, mobile: s.mobile })
    const ro = await t.ok('service_advisor', 'ro.checkIn', {
      vehicleId: vehicle.id,
      type: s.type,
      odometerKm: 20_000,
      fuelEighths: 4,
      concerns: '检查',
      ...('promisedAt' in s ? { promisedAt: s.promisedAt } : {}),
    })
    ids[s.key] = ro.id
  }
  // Completed orders waiting for the cashier (set directly: only the list's reading is tested here).
  const complete = t.app.store.sqlite.prepare(`UPDATE repair_orders SET state = 'ready', completed_at = ? WHERE id = ?`)
  complete.run('2026-11-23T16:00:00+08:00', ids.maintenanceLate)
  complete.run('2026-11-20T16:00:00+08:00', ids.insuranceOnTime)
})
afterAll(() => t.close())

const list = (input: Record<string, unknown>) => t.ok('service_advisor', 'ro.list', { limit: 50, ...input })

describe('the repair-order list', () => {
  it('marks a passed promise time and a passed maintenance settlement deadline, nothing else', async () => {
    const { rows } = await list({})
    const late = Object.fromEntries(rows.map((r) => [r.id, r.late]))
    expect(late[ids.promisedPast!]).toEqual(['promised'])
    expect(late[ids.promisedLater!]).toEqual([])
    expect(late[ids.maintenanceLate!]).toEqual(['settlement'])
    // Insurance settles within the month it completed in: still November.
    expect(late[ids.insuranceOnTime!]).toEqual([])
  })

  it('filters to late orders with the same rule, including insurance completed last month', async () => {
    expect((await list({ late: true })).rows.map((r) => r.id).sort()).toEqual([ids.promisedPast, ids.maintenanceLate].sort())
    const move = t.app.store.sqlite.prepare('UPDATE repair_orders SET completed_at = ? WHERE id = ?')
    move.run('2026-10-31T23:59:00+08:00', ids.insuranceOnTime)
    try {
      const { rows, total } = await list({ late: true })
      expect(rows.find((r) => r.id === ids.insuranceOnTime)?.late).toEqual(['settlement'])
      expect(total).toBe(3)
    } finally {
      move.run('2026-11-20T16:00:00+08:00', ids.insuranceOnTime)
    }
  })

  it('finds orders by any part of the plate, number, name or mobile, with the total of matches', async () => {
    expect((await list({ q: '30003' })).rows.map((r) => r.id)).toEqual([ids.maintenanceLate])
    expect((await list({ q: '粤b' })).rows.map((r) => r.id)).toEqual([ids.insuranceOnTime])
    expect((await list({ q: '陈' })).total).toBe(2)
    const number = (await list({})).rows.find((r) => r.id === ids.promisedLater)!.number
    expect((await list({ q: number })).rows.map((r) => r.id)).toEqual([ids.promisedLater])
    expect((await list({ q: '%' })).total).toBe(0)
  })

  it('filters by type, state and the opening date range', async () => {
    expect((await list({ type: 'maintenance' })).rows.map((r) => r.id)).toEqual([ids.maintenanceLate])
    expect((await list({ state: 'ready' })).total).toBe(2)
    expect((await list({ from: '2026-11-27', to: '2026-11-27' })).total).toBe(4)
    expect((await list({ from: '2026-11-28' })).total).toBe(0)
    expect((await list({ to: '2026-11-26' })).total).toBe(0)
  })
})
