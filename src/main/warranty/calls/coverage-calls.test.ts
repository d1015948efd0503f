import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../../test-support/test-app'
import { relogin } from '../../rules/test-helpers'
import { testVin } from '../../test-support/fixtures'

// Coverage-expiry calls (保修到期提醒) through the real dispatcher, on cars with known warranty
// starts (default terms: wear parts 6 months / 5,000 km, basic 3 years, powertrain 5 years):
//   A: first registered 31 Aug 2025 → 6 months end on 28 Feb 2026 (clamped), call due 29 Jan
//   B: first registered 29 Jan 2025 → the 1-year check-up ends on 29 Jan 2026, due 30 Dec 2025
//   C, D, E: first registered 30 Aug 2025, due the same day, for the outcomes; F: no start known, never called

let t: TestApp
let serial = 930_000
const ids: Record<string, number> = {}

async function car(key: string, firstRegisteredOn: string | null, odometerKm = 1_000) {
  serial += 1
  const v = await t.ok('service_advisor', 'vehicles.register', {
    vin: testVin(serial),
    plate: `沪A${serial % 100_000}`.padEnd(7, '0'),
    make: '大众',
    model: '朗逸 1.5L',
    odometerKm,
    ...(firstRegisteredOn === null ? {} : { firstRegisteredOn }),
    newOwner: { name: `保修客户${key}`, mobile: `1390000${String(serial).slice(-4)}` },
  })
  ids[key] = v.id
}

async function at(iso: string) {
  t.clock.set(iso)
  await relogin(t)
}

const list = () => t.ok('warranty_clerk', 'warranty.calls.list', {})
const callOf = async (key: string) => {
  const row = (await list()).find((r) => r.vehicleId === ids[key])
  if (!row) throw new Error(`no call for ${key}`)
  return row
}
const call = (r: { id: number; version: number }, extra: Record<string, unknown> = {}) => ({
  id: r.id,
  version: r.version,
  startedAt: '2026-01-29T09:10:00+08:00',
  endedAt: '2026-01-29T09:12:00+08:00',
  outcome: 'reached' as const,
  ...extra,
})

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'warranty_clerk', 'service_manager', 'administrator'] })
  await at('2026-01-20T09:00:00+08:00')
  await car('A', '2025-08-31')
  await car('B', '2025-01-29')
  for (const key of ['C', 'D', 'E']) await car(key, '2025-08-30')
  await car('F', null)
})
afterAll(() => t.close())

describe('the coverage-expiry call list', () => {
  it('lists a call from its due date across a month end, with the coverage that ends and why', async () => {
    await at('2026-01-28T09:00:00+08:00')
    expect((await list()).map((r) => r.vehicleId)).not.toContain(ids.A)
    await at('2026-01-29T09:30:00+08:00')
    const rows = await list()
    const a = rows.find((r) => r.vehicleId === ids.A)!
    expect(a).toMatchObject({ months: 6, startsOn: '2025-08-31', endsOn: '2026-02-28', dueDate: '2026-01-29', coverages: ['wear'], attempts: 0, nextTryAt: null, state: 'open' })
    expect(a.reason).toBe('Warranty ending: Wear parts coverage ends on 2026-02-28 (6 months from 2025-08-31); please book a check-up')
    // B's 1-year check-up is the manual's milestone without a coverage of its own; it ends today, so it comes first.
    expect(rows[0]).toMatchObject({ vehicleId: ids.B, months: 12, endsOn: '2026-01-29', coverages: [] })
    expect(rows.map((r) => r.vehicleId)).not.toContain(ids.F)
    const zh = await t.call('warranty_clerk', 'warranty.calls.get', { id: a.id }, { locale: 'zh-CN' })
    expect(zh.ok && zh.data.reason).toBe('保修到期提醒：易损件保修将于 2026-02-28 到期（自 2025-08-31 起满 6 个月），请预约回厂检查')
  })

  it('takes the offset from the rule’s parameter', async () => {
    await at('2026-01-28T09:00:00+08:00')
    const rule = (await t.ok('service_manager', 'rules.list', {})).find((r) => r.kind === 'warranty_coverage_calls')!
    expect(rule.params).toEqual({ days: 30, warnDays: 7 })
    const moved = await t.ok('service_manager', 'rules.update', { kind: 'warranty_coverage_calls', params: { days: 31, warnDays: 7 }, enabled: true, version: rule.version, severity: 'warning', inboxRole: 'warranty_clerk' })
    expect((await list()).find((r) => r.vehicleId === ids.A)).toMatchObject({ dueDate: '2026-01-28' })
    await t.ok('service_manager', 'rules.update', { kind: 'warranty_coverage_calls', params: { days: 30, warnDays: 7 }, enabled: true, version: moved.rule.version, severity: 'warning', inboxRole: 'warranty_clerk' })
    await at('2026-01-29T09:30:00+08:00')
  })
})

describe('a warranty reminder call', () => {
  it('goes into customer care’s one call log; no answer tries again the next day', async () => {
    const c = await callOf('C')
    const after = await t.ok('warranty_clerk', 'warranty.calls.logCall', call(c, { outcome: 'no_answer' }))
    expect(after).toMatchObject({ state: 'open', attempts: 1, nextTryAt: '2026-01-30T00:00:00+08:00' })
    const logged = t.app.store.sqlite.prepare('SELECT followup_id, reminder_id, warranty_call_id, outcome FROM care_calls WHERE id = ?').get(after.calls[0]!.id)
    expect(logged).toEqual({ followup_id: null, reminder_id: null, warranty_call_id: c.id, outcome: 'no_answer' })
    expect((await list()).map((r) => r.vehicleId)).not.toContain(ids.C)
    await at('2026-01-30T08:30:00+08:00')
    expect(await callOf('C')).toMatchObject({ attempts: 1 })
    await at('2026-01-29T09:30:00+08:00')
  })

  it('“call back” waits for the time asked for; a wrong number closes the call', async () => {
    const d = await callOf('D')
    const back = await t.ok('warranty_clerk', 'warranty.calls.logCall', call(d, { outcome: 'call_back', callbackAt: '2026-02-02T10:00:00+08:00' }))
    expect(back).toMatchObject({ state: 'open', nextTryAt: '2026-02-02T10:00:00+08:00' })
    expect((await list()).map((r) => r.vehicleId)).not.toContain(ids.D)
    const e = await callOf('E')
    const wrong = await t.ok('warranty_clerk', 'warranty.calls.logCall', call(e, { outcome: 'wrong_number', remark: '空号' }))
    expect(wrong).toMatchObject({ state: 'wrong_number', closeNote: '空号', nextTryAt: null })
    expect(await t.call('warranty_clerk', 'warranty.calls.logCall', call(wrong))).toMatchObject({ ok: false, code: 'INVALID_STATE' })
  })

  it('a reached call books the check-up with the call’s reason as the concern', async () => {
    const a = await callOf('A')
    const booked = await t.ok(
      'warranty_clerk',
      'warranty.calls.logCall',
      call(a, { remark: '客户周六上午来', book: { advisorId: t.userIds.service_advisor, startsAt: '2026-01-31T10:00:00+08:00', outsideHours: true } }),
    )
    expect(booked).toMatchObject({ state: 'booked', attempts: 1, closeNote: '客户周六上午来' })
    expect(booked.appointment).toMatchObject({ startsAt: '2026-01-31T10:00:00+08:00', concern: a.reason, status: 'booked' })
    const day = await t.ok('service_advisor', 'appointments.day', { date: '2026-01-31' })
    expect(day.map((x) => x.concern)).toContain(a.reason)
    expect((await list()).map((r) => r.vehicleId)).not.toContain(ids.A)
    const audit = t.app.store.sqlite.prepare(`SELECT action FROM audit_log WHERE entity = 'warranty_call' AND entity_id = ?`).all(String(a.id))
    expect(audit).toEqual([{ action: 'warranty.calls.logCall' }])
  })

  it('refuses a booking from an unanswered call, both booking and declining, and a stale version; declines a reached one', async () => {
    const b = await callOf('B')
    expect(await t.call('warranty_clerk', 'warranty.calls.logCall', call(b, { outcome: 'no_answer', decline: true }))).toMatchObject({ ok: false, code: 'VALIDATION' })
    const both = { decline: true, book: { advisorId: t.userIds.service_advisor, startsAt: '2026-01-31T11:00:00+08:00', outsideHours: true } }
    expect(await t.call('warranty_clerk', 'warranty.calls.logCall', call(b, both))).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await t.call('warranty_clerk', 'warranty.calls.logCall', call({ ...b, version: b.version + 1 }, { outcome: 'no_answer' }))).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await t.call('service_advisor', 'warranty.calls.logCall', call(b, { outcome: 'no_answer' }))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const declined = await t.ok('warranty_clerk', 'warranty.calls.logCall', call(b, { decline: true }))
    expect(declined).toMatchObject({ state: 'declined', appointment: null })
  })
})

describe('the coverage-call alert', () => {
  it('names how many calls are still open near their coverage end, and the one ending soonest', async () => {
    await at('2026-02-22T09:00:00+08:00')
    await t.ok('administrator', 'rules.sweep', {})
    const r = await t.call('warranty_clerk', 'alerts.list', { box: 'mine', ruleKind: 'warranty_coverage_calls', state: 'active' }, { locale: 'en' })
    if (!r.ok) throw new Error(r.message)
    // C and D (still open, coverage ending 28 Feb 2026) are within 7 days; A, B and E are closed.
    expect(r.data.map((x) => x.message)).toEqual([expect.stringMatching(/^2 warranty reminder calls are still open; the earliest, .+, has coverage ending on 2026-02-28$/)])
  })
})
