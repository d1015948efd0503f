import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { readyRo, relogin } from '../rules/test-helpers'

// Service reminders (保养提醒) on a hand-made history: three cars serviced on known days, their
// odometer readings written in by hand, the list read on 20 June 2026 (6 months / 5,000 km, the
// list showing what falls due within 14 days).
//   A: serviced 2 March at 10,000 km, driven ~49 km a day → passes 15,000 km on 12 June (overdue)
//   B: serviced 1 January, hardly driven → due by months on 1 July
//   C: serviced 20 May → due in November, not on the list

let t: TestApp
const ros: Record<'A' | 'B' | 'C', { id: number; number: string; vehicleId: number }> = {} as never

async function servicedOn(day: string) {
  t.clock.set(`${day}T09:00:00+08:00`)
  await relogin(t)
  const ro = await readyRo(t, { type: 'maintenance', lines: [{ payer: 'customer', amountFen: 30_000 }] })
  const { vehicle_id } = t.app.store.sqlite.prepare('SELECT vehicle_id FROM repair_orders WHERE id = ?').get(ro.id) as { vehicle_id: number }
  return { id: ro.id, number: ro.number, vehicleId: vehicle_id }
}

function reading(vehicleId: number, km: number, day: string) {
  t.app.store.sqlite.prepare(`INSERT INTO odometer_readings (vehicle_id, km, at, source) VALUES (?, ?, ?, 'check_in')`).run(vehicleId, km, `${day}T10:00:00+08:00`)
  t.app.store.sqlite.prepare('UPDATE vehicles SET odometer_km = ? WHERE id = ?').run(km, vehicleId)
}

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'cashier', 'front_desk_supervisor', 'service_manager', 'technician'] })
  ros.B = await servicedOn('2026-01-01')
  ros.A = await servicedOn('2026-03-02')
  ros.C = await servicedOn('2026-05-20')
  reading(ros.A.vehicleId, 11_500, '2026-04-01')
  reading(ros.A.vehicleId, 14_500, '2026-06-01')
  reading(ros.B.vehicleId, 10_900, '2026-05-10')
  t.clock.set('2026-06-20T09:30:00+08:00')
  await relogin(t)
})
afterAll(() => t.close())

const call = (r: { id: number; version: number }, extra: Record<string, unknown> = {}) => ({
  id: r.id,
  version: r.version,
  startedAt: '2026-06-20T09:10:00+08:00',
  endedAt: '2026-06-20T09:13:00+08:00',
  outcome: 'reached' as const,
  ...extra,
})

describe('the reminder list', () => {
  it('projects the km date from the car’s own km per day and lists the earliest due first', async () => {
    const list = await t.ok('front_desk_supervisor', 'care.reminders.list', {})
    expect(list.map((r) => r.roNumber)).toEqual([ros.A.number, ros.B.number])
    const [a, b] = list
    // 4,500 km in 91 days (2 March to 1 June) = 49.45 km a day; 500 km to go from 14,500 → 11 days.
    expect(a).toMatchObject({ serviceKm: 10_000, lastKm: 14_500, kmPerDayCenti: 4_945, dueByMonths: '2026-09-02', dueByKm: '2026-06-12', dueDate: '2026-06-12', dueBy: 'km', overdue: true })
    expect(a!.reason).toBe('Scheduled service: 5,000 km since the last one (2026-03-02, 10,000 km) expected by 2026-06-12')
    expect(b).toMatchObject({ dueByMonths: '2026-07-01', dueDate: '2026-07-01', dueBy: 'months', overdue: false, kmPerDayCenti: 698 }) // 900 km in 129 days
    expect(b!.dueByKm! > '2026-07-01').toBe(true)
  })

  it('follows the interval settings', async () => {
    t.app.store.sqlite.prepare(`INSERT INTO settings (key, value) VALUES ('care.reminderMonths', '12')`).run()
    const list = await t.ok('front_desk_supervisor', 'care.reminders.list', {})
    expect(list.map((r) => r.roNumber)).toEqual([ros.A.number])
    t.app.store.sqlite.prepare(`DELETE FROM settings WHERE key = 'care.reminderMonths'`).run()
    expect(await t.ok('front_desk_supervisor', 'care.reminders.list', {})).toHaveLength(2)
  })
})

describe('a reminder call', () => {
  it('goes into the same call log; an unanswered call keeps the car on the list', async () => {
    const b = (await t.ok('front_desk_supervisor', 'care.reminders.list', {})).find((r) => r.roId === ros.B.id)!
    const after = await t.ok('front_desk_supervisor', 'care.reminders.logCall', call(b, { outcome: 'no_answer' }))
    expect(after).toMatchObject({ state: 'open', attempts: 1 })
    expect(after.calls).toEqual([expect.objectContaining({ outcome: 'no_answer', answers: [] })])
    const logged = t.app.store.sqlite.prepare('SELECT followup_id, reminder_id FROM care_calls WHERE id = ?').get(after.calls[0]!.id)
    expect(logged).toEqual({ followup_id: null, reminder_id: b.id })
    expect((await t.ok('front_desk_supervisor', 'care.reminders.list', {})).map((r) => r.roId)).toContain(ros.B.id)
  })

  it('books an appointment through the appointments desk with the reason carried over, and leaves the list', async () => {
    const a = (await t.ok('front_desk_supervisor', 'care.reminders.list', {})).find((r) => r.roId === ros.A.id)!
    const booked = await t.ok('front_desk_supervisor', 'care.reminders.logCall', call(a, { book: { advisorId: t.userIds.service_advisor, startsAt: '2026-06-23T10:00:00+08:00' } }))
    expect(booked.state).toBe('booked')
    expect(booked.appointment).toMatchObject({ startsAt: '2026-06-23T10:00:00+08:00', concern: a.reason, status: 'booked' })
    const day = await t.ok('service_advisor', 'appointments.day', { date: '2026-06-23' })
    expect(day.find((p) => p.id === booked.appointment!.id)).toMatchObject({ vehicleId: ros.A.vehicleId, concern: a.reason })
    expect((await t.ok('front_desk_supervisor', 'care.reminders.list', {})).map((r) => r.roId)).toEqual([ros.B.id])
    const audit = t.app.store.sqlite.prepare(`SELECT action FROM audit_log WHERE entity IN ('care_reminder', 'appointment') ORDER BY id`).all() as { action: string }[]
    expect(audit.map((x) => x.action)).toEqual(['care.reminders.logCall', 'appointment.book', 'care.reminders.logCall'])
    // Closed: no more calls on it.
    expect(await t.call('front_desk_supervisor', 'care.reminders.logCall', call(booked))).toMatchObject({ ok: false, code: 'INVALID_STATE' })
  })

  it('refuses to book from a call that did not reach the customer, or outside opening hours unless confirmed', async () => {
    const b = (await t.ok('front_desk_supervisor', 'care.reminders.list', {})).find((r) => r.roId === ros.B.id)!
    expect(await t.call('front_desk_supervisor', 'care.reminders.logCall', call(b, { outcome: 'no_answer', book: { advisorId: t.userIds.service_advisor, startsAt: '2026-06-23T10:00:00+08:00' } }))).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await t.call('front_desk_supervisor', 'care.reminders.logCall', call(b, { book: { advisorId: t.userIds.service_advisor, startsAt: '2026-06-23T03:00:00+08:00' } }))).toMatchObject({ ok: false, code: 'VALIDATION' })
    // Nothing of the refused call stays behind.
    expect((await t.ok('front_desk_supervisor', 'care.reminders.get', { id: b.id })).calls).toHaveLength(1)
  })

  it('closes as declined when the customer does not want the service now', async () => {
    const b = (await t.ok('front_desk_supervisor', 'care.reminders.list', {})).find((r) => r.roId === ros.B.id)!
    const declined = await t.ok('service_advisor', 'care.reminders.logCall', call(b, { decline: true, remark: '客户下月出差回来再联系' }))
    expect(declined).toMatchObject({ state: 'declined', closeNote: '客户下月出差回来再联系', appointment: null })
    expect(await t.ok('front_desk_supervisor', 'care.reminders.list', {})).toEqual([])
  })
})
