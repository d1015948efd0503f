import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { readyRo, relogin } from '../rules/test-helpers'

// A campaign planned on a hand-made customer base: two cars last seen in January 2025 (lost by
// June 2026 with care's 12 months), one seen in May 2026. The campaign runs 1–30 June 2026.

let t: TestApp
const cars: Record<'A' | 'B' | 'C', { roId: number; vehicleId: number }> = {} as never

async function visitOn(day: string) {
  t.clock.set(`${day}T09:00:00+08:00`)
  await relogin(t)
  const ro = await readyRo(t, { type: 'maintenance', lines: [{ payer: 'customer', amountFen: 30_000 }] })
  const { vehicle_id } = t.app.store.sqlite.prepare('SELECT vehicle_id FROM repair_orders WHERE id = ?').get(ro.id) as { vehicle_id: number }
  return { roId: ro.id, vehicleId: vehicle_id }
}

const draft = (extra: Record<string, unknown> = {}) => ({
  name: '六月空调季',
  startsOn: '2026-06-01',
  endsOn: '2026-06-30',
  labourDiscountBp: 2000,
  packageName: '空调清洗套餐',
  packagePriceFen: 19_900,
  freeCheck: '空调系统检测',
  target: { source: 'lost' as const },
  ...extra,
})

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'cashier', 'front_desk_supervisor', 'service_manager', 'technician'] })
  cars.A = await visitOn('2025-01-10')
  cars.B = await visitOn('2025-01-20')
  cars.C = await visitOn('2026-05-15')
  t.clock.set('2026-06-05T10:00:00+08:00')
  await relogin(t)
})
afterAll(() => t.close())

const call = (id: number, version: number, extra: Record<string, unknown> = {}) => ({
  id,
  version,
  startedAt: '2026-06-05T09:10:00+08:00',
  endedAt: '2026-06-05T09:12:00+08:00',
  outcome: 'reached' as const,
  ...extra,
})

describe('planning a campaign', () => {
  it('counts the target group live: lost customers, every customer, narrowed by model', async () => {
    const lost = await t.ok('service_manager', 'campaigns.targetCount', { target: { source: 'lost' }, startsOn: '2026-06-01', endsOn: '2026-06-30' })
    expect(lost.count).toBe(2)
    const everyone = await t.ok('service_manager', 'campaigns.targetCount', { target: { source: 'all' }, startsOn: '2026-06-01', endsOn: '2026-06-30' })
    expect(everyone.count).toBe(3)
    const { model } = t.app.store.sqlite.prepare('SELECT model FROM vehicles WHERE id = ?').get(cars.A.vehicleId) as { model: string }
    const byModel = await t.ok('service_manager', 'campaigns.targetCount', { target: { source: 'lost', model: `${model}X` }, startsOn: '2026-06-01', endsOn: '2026-06-30' })
    expect(byModel.count).toBe(0)
  })

  it('gives the campaign a code for its month and refuses an end before the start', async () => {
    const k = await t.ok('service_manager', 'campaigns.save', { draft: draft() })
    expect(k).toMatchObject({ code: 'HD202606-1', month: '2026-06', labourDiscountBp: 2000, packagePriceFen: 19_900, invited: 0, target: { source: 'lost', model: null } })
    const bad = await t.call('service_manager', 'campaigns.save', { draft: draft({ endsOn: '2026-05-30' }) })
    expect(bad).toMatchObject({ ok: false, code: 'VALIDATION' })
    const moved = await t.call('service_manager', 'campaigns.save', { id: k.id, version: k.version, draft: draft({ startsOn: '2026-07-01', endsOn: '2026-07-30' }) })
    expect(moved).toMatchObject({ ok: false, code: 'VALIDATION' })
    const stale = await t.ok('service_manager', 'campaigns.save', { id: k.id, version: k.version, draft: draft({ name: '六月空调季（加长）' }) })
    expect(stale.version).toBe(k.version + 1)
    expect(await t.call('service_manager', 'campaigns.save', { id: k.id, version: k.version, draft: draft() })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('is the service manager’s: an advisor cannot plan one', async () => {
    expect(await t.call('service_advisor', 'campaigns.save', { draft: draft() })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('the invitation list and its calls', () => {
  it('invites the target group once, and logs the calls in the one call log', async () => {
    const [k] = await t.ok('service_manager', 'campaigns.list', {})
    const built = await t.ok('service_manager', 'campaigns.invite', { id: k!.id })
    expect(built).toEqual({ added: 2, invited: 2 })
    expect(await t.ok('service_manager', 'campaigns.invite', { id: k!.id })).toEqual({ added: 0, invited: 2 })
    const list = await t.ok('front_desk_supervisor', 'campaigns.invites', { id: k!.id })
    expect(list.map((i) => i.vehicleId).sort()).toEqual([cars.A.vehicleId, cars.B.vehicleId].sort())

    const a = list.find((i) => i.vehicleId === cars.A.vehicleId)!
    const first = await t.ok('front_desk_supervisor', 'campaigns.invite.logCall', call(a.id, a.version, { outcome: 'no_answer' }))
    expect(first).toMatchObject({ attempts: 1, reached: false, state: 'open', lastOutcome: 'no_answer' })
    const booked = await t.ok('front_desk_supervisor', 'campaigns.invite.logCall', call(a.id, first.version, { result: 'booked', remark: '周六来' }))
    expect(booked).toMatchObject({ attempts: 2, reached: true, state: 'booked', lastOutcome: 'reached' })
    expect(booked.calls.map((c) => c.outcome)).toEqual(['no_answer', 'reached'])
    const logged = t.app.store.sqlite.prepare('SELECT COUNT(*) AS n FROM care_calls WHERE invite_id = ?').get(a.id) as { n: number }
    expect(logged.n).toBe(2)
    const again = await t.call('front_desk_supervisor', 'campaigns.invite.logCall', call(a.id, booked.version))
    expect(again).toMatchObject({ ok: false, code: 'INVALID_STATE' })
  })

  it('refuses a result from a call that did not reach the customer', async () => {
    const [k] = await t.ok('service_manager', 'campaigns.list', {})
    const b = (await t.ok('front_desk_supervisor', 'campaigns.invites', { id: k!.id, state: 'open' }))[0]!
    const res = await t.call('front_desk_supervisor', 'campaigns.invite.logCall', call(b.id, b.version, { outcome: 'no_answer', result: 'declined' }))
    expect(res).toMatchObject({ ok: false, code: 'VALIDATION' })
  })
})

describe('the campaign code on the RO', () => {
  it('is suggested for an invited vehicle, set by the advisor, and only a campaign running on the RO’s day', async () => {
    const [k] = await t.ok('service_manager', 'campaigns.list', {})
    const ro = await t.ok('service_advisor', 'ro.checkIn', { vehicleId: cars.A.vehicleId, type: 'maintenance', odometerKm: 20_000, fuelEighths: 4, concerns: '活动保养' })
    const offer = await t.ok('service_advisor', 'campaigns.ro.get', { roId: ro.id })
    expect(offer).toMatchObject({ current: null, suggestedId: k!.id, editable: true, offers: [{ code: 'HD202606-1', invited: true }] })
    const set = await t.ok('service_advisor', 'campaigns.ro.set', { roId: ro.id, campaignId: k!.id })
    expect(set).toMatchObject({ current: { code: 'HD202606-1' }, suggestedId: null })

    const other = await t.ok('service_advisor', 'ro.checkIn', { vehicleId: cars.C.vehicleId, type: 'repair', odometerKm: 20_000, fuelEighths: 4, concerns: '异响' })
    expect(await t.ok('service_advisor', 'campaigns.ro.get', { roId: other.id })).toMatchObject({ suggestedId: null, offers: [{ invited: false }] })

    // An RO opened before the campaign cannot carry it.
    expect(await t.call('service_advisor', 'campaigns.ro.set', { roId: cars.C.roId, campaignId: k!.id })).toMatchObject({ ok: false, code: 'VALIDATION' })
    const audit = t.app.store.sqlite.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'campaigns.ro.set' AND entity_id = ?`).get(String(ro.id)) as { n: number }
    expect(audit.n).toBe(1)
  })
})

describe('the analysis', () => {
  it('counts invited, reached, booked, arrived, ROs, revenue net of VAT and discount, each equal to its rows', async () => {
    const [k] = await t.ok('service_manager', 'campaigns.list', {})
    // A walk-in during the campaign carries the code and is settled.
    const ro = await readyRo(t, { type: 'maintenance', lines: [{ payer: 'customer', amountFen: 56_500 }] })
    await t.ok('service_advisor', 'campaigns.ro.set', { roId: ro.id, campaignId: k!.id })
    await t.ok('cashier', 'settlement.settle', { roId: ro.id, version: ro.version })
    const { net } = t.app.store.sqlite.prepare(`SELECT SUM(net_fen) AS net FROM invoices WHERE ro_id = ? AND kind = 'invoice'`).get(ro.id) as { net: number }

    const a = await t.ok('service_manager', 'campaigns.analysis', { id: k!.id })
    const value = (f: string) => a.figures.find((x) => x.figure === f)!.value
    expect({ invited: value('invited'), reached: value('reached'), booked: value('booked'), arrived: value('arrived'), ros: value('ros'), revenue: value('revenue'), discount: value('discount') }).toEqual({
      invited: 2,
      reached: 1,
      booked: 1,
      arrived: 1,
      ros: 2,
      revenue: net,
      discount: 0,
    })
    expect(net).toBe(56_500) // line prices are net of VAT
    for (const f of a.figures) {
      const drill = await t.ok('service_manager', 'campaigns.drill', { id: k!.id, figure: f.figure })
      const sum = f.figure === 'revenue' || f.figure === 'discount' ? drill.rows.reduce((s, r) => s + (r.amountFen ?? 0), 0) : drill.rows.length
      expect(sum, f.figure).toBe(f.value)
    }
    expect(a.returnOnCostBp).toBeNull()
  })

  it('takes the manager’s cost and summary and gives the return on cost', async () => {
    const [k] = await t.ok('service_manager', 'campaigns.list', {})
    const reviewed = await t.ok('service_manager', 'campaigns.review', { id: k!.id, version: k!.version, costFen: 20_000, summary: '到店率高于预期' })
    expect(reviewed).toMatchObject({ costFen: 20_000, summary: '到店率高于预期' })
    const a = await t.ok('service_manager', 'campaigns.analysis', { id: k!.id })
    expect(a.returnOnCostBp).toBe(18_250) // (565 − 200) ÷ 200
    expect(await t.call('service_advisor', 'campaigns.review', { id: k!.id, version: reviewed.version, costFen: 0, summary: '' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
