import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, registerVehicle, type TestApp } from '../test-support/test-app'
import { relogin } from '../rules/test-helpers'
import { deliveredAt, followUpOf, FULL_SURVEY } from './test-helpers'

// The rules engine's care alerts: complaints past their deadline (escalated to the service
// manager's inbox) and follow-ups not called in time, each raised by the sweep with its numbers and
// cleared by the sweep once nothing is late.

let t: TestApp

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'cashier', 'front_desk_supervisor', 'service_manager'] })
})
afterAll(() => t.close())

const alertsOf = async (kind: 'complaint_overdue' | 'followup_overdue', locale: 'zh-CN' | 'en' = 'en') => {
  const r = await t.call('service_manager', 'alerts.list', { box: 'all', ruleKind: kind, state: 'active' }, { locale })
  if (!r.ok) throw new Error(r.message)
  return r.data
}

describe('complaints past their deadline', () => {
  it('raise one alert in the service manager’s inbox with the count and the oldest case, and clear when resolved', async () => {
    t.clock.set('2026-11-30T09:00:00+08:00')
    await relogin(t)
    const vehicle = await registerVehicle(t, { serial: 910_001, name: '钱女士' })
    const words = { customerId: vehicle.ownerId, category: 'quality' as const, words: '保养后发动机异响' }
    let severe = await t.ok('service_advisor', 'care.complaints.open', { ...words, source: 'hotline', severity: 'high' })
    await t.ok('service_advisor', 'care.complaints.open', { ...words, source: 'desk', severity: 'low' })
    await t.ok('administrator', 'rules.sweep', {})
    expect(await alertsOf('complaint_overdue')).toEqual([])

    t.clock.set('2026-12-01T12:00:00+08:00')
    await relogin(t)
    await t.ok('administrator', 'rules.sweep', {})
    const [alert, ...rest] = await alertsOf('complaint_overdue')
    expect(rest).toEqual([])
    expect(alert).toMatchObject({ inboxRole: 'service_manager', subjectType: 'department', severity: 'critical' })
    expect(alert!.message).toBe(`1 complaint is past the deadline; the longest, ${severe.number}, is 3 h late`)
    expect((await alertsOf('complaint_overdue', 'zh-CN'))[0]!.message).toBe(`1 件投诉超过处理期限未解决，最久的 ${severe.number} 已超期 3 小时`)

    severe = await t.ok('front_desk_supervisor', 'care.complaints.assign', { id: severe.id, version: severe.version, ownerId: t.userIds.service_advisor, department: '车间' })
    severe = await t.ok('service_advisor', 'care.complaints.act', { id: severe.id, version: severe.version, note: '复检异响，紧固隔热罩' })
    await t.ok('service_advisor', 'care.complaints.resolve', { id: severe.id, version: severe.version, accepted: true, rootCause: '隔热罩螺栓未拧紧' })
    await t.ok('administrator', 'rules.sweep', {})
    expect(await alertsOf('complaint_overdue')).toEqual([])
  })
})

describe('follow-ups not called in time', () => {
  it('raise an alert for the front-desk supervisor after the due day, and clear once the call is done', async () => {
    const ro = await deliveredAt(t, '2026-12-01T15:00:00+08:00', '2026-12-05T08:00:00+08:00')
    await t.ok('administrator', 'rules.sweep', {})
    const [alert] = await alertsOf('followup_overdue')
    expect(alert).toMatchObject({ inboxRole: 'front_desk_supervisor' })
    expect(alert!.message).toBe(`1 follow-up is overdue; the earliest, RO ${ro.number}, is 8 h late`)
    const f = await followUpOf(t, ro.id)
    await t.ok('service_advisor', 'care.followups.logCall', {
      id: f.id,
      version: f.version,
      startedAt: '2026-12-05T07:50:00+08:00',
      endedAt: '2026-12-05T07:55:00+08:00',
      outcome: 'reached',
      answers: FULL_SURVEY(10),
      done: true,
    })
    await t.ok('administrator', 'rules.sweep', {})
    expect(await alertsOf('followup_overdue')).toEqual([])
  })
})
