import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../../test-support/test-app'
import { relogin } from '../../rules/test-helpers'
import { testVin } from '../../test-support/fixtures'
import { warrantyRo } from '../test-warranty'

// First service (首保) through the real dispatcher. Default terms 6 months / 5,000 km; 丰田 3 months /
// 3,000 km (a row of its own). Lead days 30. Warranty starts are the first registrations:
//   A 2025-06-15 → closes 2025-12-15; maintenance RO 2025-11-20: done (December)
//   B 2025-06-20 → closes 2025-12-20; never comes: missed (December)
//   C 2025-07-10 → closes 2026-01-10; first-service claim on a warranty RO 2026-01-05: done (January)
//   D 2025-07-20 → closes 2026-01-20; maintenance RO 2026-01-25: late (January, missed; off the list)
//   E 丰田 2025-10-05 → closes 2026-01-05 by its make's 3 months: missed (January)
//   K 2025-09-01, 100 km on 2025-10-06, 3,460 km on 2025-10-27 (a repair RO): 160 km a day, so the
//     5,000 km are projected for 2025-11-06 — closed by km (November, missed)

let t: TestApp
let serial = 960_000
const ids: Record<string, number> = {}

async function car(key: string, firstRegisteredOn: string, make = '大众', odometerKm = 100) {
  serial += 1
  const v = await t.ok('service_advisor', 'vehicles.register', {
    vin: testVin(serial),
    plate: `沪F${serial % 100_000}`.padEnd(7, '0'),
    make,
    model: make === '丰田' ? '卡罗拉' : '朗逸 1.5L',
    odometerKm,
    firstRegisteredOn,
    newOwner: { name: `首保客户${key}`, mobile: `1380000${String(serial).slice(-4)}` },
  })
  ids[key] = v.id
}

async function at(iso: string) {
  t.clock.set(iso)
  await relogin(t)
}

const checkIn = (key: string, type: 'maintenance' | 'repair', odometerKm: number) =>
  t.ok('service_advisor', 'ro.checkIn', { vehicleId: ids[key]!, type, odometerKm, fuelEighths: 4, concerns: type === 'maintenance' ? '首次保养' : '仪表灯亮' })

const list = (input: { status?: 'due' | 'overdue'; toCall?: boolean } = {}) => t.ok('warranty_clerk', 'warranty.firstService.list', input)
const keysOf = (rows: { vehicleId: number }[]) => rows.map((r) => Object.keys(ids).find((k) => ids[k] === r.vehicleId))

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'warranty_clerk', 'service_manager', 'administrator', 'parts_clerk', 'workshop_supervisor'] })
  t.app.store.prepare(`INSERT INTO warranty_first_service_terms (make, months, km) VALUES ('丰田', 3, 3000)`).run()
  await at('2025-10-06T09:00:00+08:00')
  await car('A', '2025-06-15')
  await car('B', '2025-06-20')
  await car('C', '2025-07-10')
  await car('D', '2025-07-20')
  await car('E', '2025-10-05', '丰田')
  await car('K', '2025-09-01')
  await at('2025-10-27T09:00:00+08:00')
  await checkIn('K', 'repair', 3_460)
  await at('2025-11-20T09:00:00+08:00')
  await checkIn('A', 'maintenance', 4_000)
})
afterAll(() => t.close())

describe('the first-service list', () => {
  it('lists the cars due and overdue, the window closing soonest first, with why and by what it closes', async () => {
    await at('2025-12-01T09:00:00+08:00')
    const rows = await list()
    // A was served; C, D and E are not due yet (their calls fall due 30 days before they close).
    expect(keysOf(rows)).toEqual(['K', 'B'])
    expect(rows[0]).toMatchObject({ kind: 'first_service', status: 'overdue', closesBy: 'km', endsOn: '2025-11-06', daysLeft: -25, months: 6, km: 5_000, odometerKm: 3_460, state: 'open' })
    expect(rows[1]).toMatchObject({ status: 'due', closesBy: 'months', startsOn: '2025-06-20', endsOn: '2025-12-20', dueDate: '2025-11-20', daysLeft: 19 })
    expect(rows[1]!.reason).toBe('First service: due by 2025-12-20 (6 months from 2025-06-20); please book the first service')
    expect(keysOf(await list({ status: 'due' }))).toEqual(['B'])
    expect(keysOf(await list({ status: 'overdue' }))).toEqual(['K'])
    const zh = await t.call('warranty_clerk', 'warranty.calls.get', { id: rows[1]!.id }, { locale: 'zh-CN' })
    expect(zh.ok && zh.data.reason).toBe('首保提醒：首保应于 2025-12-20 前完成（自 2025-06-20 起 6 个月内），请预约首次保养')
    // The coverage-expiry list does not carry first-service calls.
    expect((await t.ok('warranty_clerk', 'warranty.calls.list', {})).every((r) => r.kind === 'coverage_expiry')).toBe(true)
  })

  it('logs the reminder through the warranty call machinery: no answer tries again tomorrow, a reached call books with the reason', async () => {
    const [k, b] = await list()
    const call = { startedAt: '2025-12-01T08:40:00+08:00', endedAt: '2025-12-01T08:42:00+08:00' }
    const tried = await t.ok('warranty_clerk', 'warranty.calls.logCall', { id: b!.id, version: b!.version, ...call, outcome: 'no_answer' })
    expect(tried).toMatchObject({ state: 'open', attempts: 1, nextTryAt: '2025-12-02T00:00:00+08:00' })
    expect(keysOf(await list({ toCall: true }))).toEqual(['K'])
    const booked = await t.ok('warranty_clerk', 'warranty.calls.logCall', {
      id: k!.id,
      version: k!.version,
      ...call,
      outcome: 'reached',
      book: { advisorId: t.userIds.service_advisor, startsAt: '2025-12-03T10:00:00+08:00', outsideHours: true },
    })
    expect(booked).toMatchObject({ state: 'booked', appointment: { concern: k!.reason, status: 'booked' } })
    const day = await t.ok('service_advisor', 'appointments.day', { date: '2025-12-03' })
    expect(day.map((a) => a.concern)).toContain(k!.reason)
    // Booked cars stay on the list until they come in; they are no longer to call.
    expect((await list()).find((r) => r.vehicleId === ids.K)).toMatchObject({ state: 'booked' })
    expect(keysOf(await list({ toCall: true }))).toEqual([])
    await at('2025-12-02T08:30:00+08:00')
    expect(keysOf(await list({ toCall: true }))).toEqual(['B'])
  })

  it('is the same "first service due" as a campaign’s target group', async () => {
    await at('2025-12-01T09:00:00+08:00')
    const target = { source: 'first_service' as const, model: null, ageMin: null, ageMax: null }
    // December: B, and C, D, E whose calls fall due in it; K's window closed before the campaign; A was served.
    expect(await t.ok('service_manager', 'campaigns.targetCount', { target, startsOn: '2025-12-01', endsOn: '2025-12-31' })).toEqual({ count: 4 })
    expect(await t.ok('service_manager', 'campaigns.targetCount', { target, startsOn: '2025-11-01', endsOn: '2025-11-30' })).toEqual({ count: 2 })
  })
})

describe('the monthly first-service return rate', () => {
  beforeAll(async () => {
    await at('2026-01-05T09:00:00+08:00')
    const c = await warrantyRo(t, { vehicleId: ids.C!, odometerKm: 4_200 })
    await t.ok('warranty_clerk', 'warranty.claim.fromRo', { roId: c.roId, claimType: 'first_service' })
    await at('2026-01-25T09:00:00+08:00')
    await checkIn('D', 'maintenance', 4_800)
    await at('2026-02-10T09:00:00+08:00')
  })

  it('counts done ÷ closed per month across the year end, and each figure is its drill-down’s rows', async () => {
    const rates = await t.ok('warranty_clerk', 'warranty.firstService.rates', { months: 4 })
    expect(rates.targetBp).toBe(9_500)
    expect(rates.points).toEqual([
      { month: '2025-11', done: 0, closed: 1, valueBp: 0 },
      { month: '2025-12', done: 1, closed: 2, valueBp: 5_000 },
      { month: '2026-01', done: 1, closed: 3, valueBp: 3_333 },
      { month: '2026-02', done: 0, closed: 0, valueBp: null },
    ])
    for (const p of rates.points) {
      const drill = await t.ok('warranty_clerk', 'warranty.firstService.drill', { month: p.month })
      expect(drill.vehicles.length).toBe(p.closed)
      expect(drill.vehicles.filter((v) => v.done).length).toBe(p.done)
      const done = await t.ok('warranty_clerk', 'warranty.firstService.drill', { month: p.month, done: true })
      const missed = await t.ok('warranty_clerk', 'warranty.firstService.drill', { month: p.month, done: false })
      expect(done.vehicles.length + missed.vehicles.length).toBe(p.closed)
      expect(done.vehicles.length).toBe(p.done)
    }
    const jan = await t.ok('warranty_clerk', 'warranty.firstService.drill', { month: '2026-01' })
    expect(jan.vehicles.map((v) => [keysOf([v])[0], v.closesOn, v.done])).toEqual([
      ['E', '2026-01-05', false],
      ['C', '2026-01-10', true],
      ['D', '2026-01-20', false],
    ])
    expect(jan.vehicles[1]).toMatchObject({ roOpenedAt: expect.stringMatching(/^2026-01-05T/), roNumber: expect.any(String) })
    const nov = await t.ok('warranty_clerk', 'warranty.firstService.drill', { month: '2025-11' })
    expect(nov.vehicles).toEqual([expect.objectContaining({ vehicleId: ids.K, closesOn: '2025-11-06', closesBy: 'km', done: false, roId: null })])
  })

  it('keeps a car overdue 90 days after its window closed; a late first service takes it off', async () => {
    expect(keysOf(await list())).toEqual(['B', 'E'])
  })

  it('raises the rule with the numbers when last month is under target and clears it when it is not', async () => {
    const active = async () => {
      const r = await t.call('warranty_clerk', 'alerts.list', { box: 'mine', ruleKind: 'first_service_rate', state: 'active' }, { locale: 'en' })
      if (!r.ok) throw new Error(r.message)
      return r.data.map((a) => a.message)
    }
    await t.ok('administrator', 'rules.sweep', {})
    expect(await active()).toEqual(['First-service return rate 33.33% in 2026-01, below the 95% target: 3 windows closed, 1 served, 2 did not come in'])
    const rule = (await t.ok('service_manager', 'rules.list', {})).find((r) => r.kind === 'first_service_rate')!
    expect(rule.params).toEqual({ targetBp: 9_500, leadDays: 30 })
    await t.ok('service_manager', 'rules.update', { kind: 'first_service_rate', params: { targetBp: 3_000, leadDays: 30 }, enabled: true, version: rule.version, severity: rule.severity, inboxRole: rule.inboxRole })
    await t.ok('administrator', 'rules.sweep', {})
    expect(await active()).toEqual([])
  })
})
