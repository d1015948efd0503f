import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, registerVehicle, type TestApp } from '../test-support/test-app'
import { relogin } from '../rules/test-helpers'
import { dbFingerprint } from '../test-support/fixtures'
import { complaintNext, COMPLAINT_STATES, COMPLAINT_STEPS } from '../../shared/domain/care'

// Complaints (抱怨/投诉) through the real dispatcher: the deadline by severity, every step of a
// case (legal and refused), closure only by the front-desk supervisor or the manager and only
// once the customer accepted the resolution, each step audited.

let t: TestApp
let customerId: number

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'front_desk_supervisor', 'service_manager', 'technician'] })
  const vehicle = await registerVehicle(t, { serial: 900_001, name: '周先生' })
  customerId = vehicle.ownerId
})
afterAll(() => t.close())

const open = (severity: 'low' | 'medium' | 'high' = 'high') =>
  t.ok('service_advisor', 'care.complaints.open', { source: 'desk', customerId, category: 'attitude', severity, words: '前台接待态度冷淡，等了半小时没人理' })

describe('the complaint flow as a table', () => {
  it('allows exactly the steps the flow names from each state', () => {
    const table = Object.fromEntries(COMPLAINT_STATES.map((s) => [s, Object.fromEntries(COMPLAINT_STEPS.map((step) => [step, complaintNext(s, step)]))]))
    expect(table).toEqual({
      open: { assign: 'assigned', action: null, resolve: null, reopen: null, close: null },
      assigned: { assign: 'assigned', action: 'assigned', resolve: 'resolved', reopen: null, close: null },
      resolved: { assign: null, action: null, resolve: null, reopen: 'assigned', close: 'closed' },
      closed: { assign: null, action: null, resolve: null, reopen: null, close: null },
    })
  })
})

describe('registering a complaint', () => {
  it('numbers it, sets the deadline by severity across a month end, and lists it by deadline', async () => {
    t.clock.set('2026-11-30T20:00:00+08:00')
    await relogin(t)
    const high = await open('high')
    const low = await open('low')
    expect(high).toMatchObject({ number: 'TS2026000001', state: 'open', source: 'desk', customerName: '周先生', openedAt: '2026-11-30T20:00:00+08:00', dueAt: '2026-12-01T20:00:00+08:00', overdue: false })
    expect(low.dueAt).toBe('2026-12-07T20:00:00+08:00')
    expect(high.steps.map((s) => s.kind)).toEqual(['open'])
    const list = await t.ok('front_desk_supervisor', 'care.complaints.list', {})
    expect(list.map((c) => c.id).slice(0, 2)).toEqual([high.id, low.id])
    t.clock.set('2026-12-01T20:00:00+08:00')
    await relogin(t)
    expect((await t.ok('front_desk_supervisor', 'care.complaints.get', { id: high.id })).overdue).toBe(true)
  })

  it('refuses an unknown customer and a role that does not work on complaints', async () => {
    expect(await t.call('service_advisor', 'care.complaints.open', { source: 'phone', customerId: 99_999, category: 'price', severity: 'low', words: '太贵了' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await t.call('technician', 'care.complaints.open', { source: 'phone', customerId, category: 'price', severity: 'low', words: '太贵了' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('working a case', () => {
  it('goes assign → action → resolve → close, each step with time, who and an audit row', async () => {
    let c = await open('medium')
    c = await t.ok('front_desk_supervisor', 'care.complaints.assign', { id: c.id, version: c.version, ownerId: t.userIds.service_advisor, department: '前台', note: '请当天回电致歉' })
    expect(c).toMatchObject({ state: 'assigned', ownerId: t.userIds.service_advisor, department: '前台' })
    c = await t.ok('service_advisor', 'care.complaints.act', { id: c.id, version: c.version, note: '已电话致歉，赠送一次免费洗车' })
    c = await t.ok('service_advisor', 'care.complaints.resolve', { id: c.id, version: c.version, accepted: true, acceptanceNote: '客户表示理解', rootCause: '高峰时段前台只有一人' })
    expect(c).toMatchObject({ state: 'resolved', accepted: true, rootCause: '高峰时段前台只有一人' })
    expect(await t.call('service_advisor', 'care.complaints.close', { id: c.id, version: c.version })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    c = await t.ok('front_desk_supervisor', 'care.complaints.close', { id: c.id, version: c.version, note: '' })
    expect(c).toMatchObject({ state: 'closed', closedBy: '测试front_desk_supervisor' })
    expect(c.steps.map((s) => [s.kind, s.userName])).toEqual([
      ['open', '测试service_advisor'],
      ['assign', '测试front_desk_supervisor'],
      ['action', '测试service_advisor'],
      ['resolve', '测试service_advisor'],
      ['close', '测试front_desk_supervisor'],
    ])
    const audit = t.app.store.sqlite.prepare(`SELECT action FROM audit_log WHERE entity = 'care_complaint' AND entity_id = ? ORDER BY id`).all(String(c.id)) as { action: string }[]
    expect(audit.map((a) => a.action)).toEqual(['care.complaints.open', 'care.complaints.assign', 'care.complaints.act', 'care.complaints.resolve', 'care.complaints.close'])
    expect((await t.ok('front_desk_supervisor', 'care.complaints.list', { state: 'closed' })).map((r) => r.id)).toContain(c.id)
  })

  it('refuses steps out of order, changing nothing', async () => {
    let c = await open('low')
    const before = dbFingerprint(t.app.store)
    for (const [channel, input] of [
      ['care.complaints.act', { note: '处理' }],
      ['care.complaints.resolve', { accepted: true, acceptanceNote: '', rootCause: '原因' }],
      ['care.complaints.reopen', { note: '重新' }],
      ['care.complaints.close', { note: '' }],
    ] as const) {
      expect(await t.callRaw('front_desk_supervisor', channel, { id: c.id, version: c.version, ...input })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    }
    expect(dbFingerprint(t.app.store)).toEqual(before)
    c = await t.ok('front_desk_supervisor', 'care.complaints.assign', { id: c.id, version: c.version, ownerId: t.userIds.service_manager, department: '售后', note: '' })
    const noAction = await t.call('front_desk_supervisor', 'care.complaints.resolve', { id: c.id, version: c.version, accepted: true, rootCause: '原因' }, { locale: 'en' })
    expect(noAction.ok === false && noAction.message).toMatch(/no action recorded/)
    expect(await t.call('front_desk_supervisor', 'care.complaints.assign', { id: c.id, version: c.version, ownerId: t.userIds.technician, department: '车间' })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await t.call('front_desk_supervisor', 'care.complaints.act', { id: c.id, version: c.version - 1, note: '过期副本' })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('does not close a resolution the customer did not accept: it is reopened and resolved again', async () => {
    let c = await open('high')
    c = await t.ok('front_desk_supervisor', 'care.complaints.assign', { id: c.id, version: c.version, ownerId: t.userIds.front_desk_supervisor, department: '前台' })
    c = await t.ok('front_desk_supervisor', 'care.complaints.act', { id: c.id, version: c.version, note: '致歉' })
    c = await t.ok('front_desk_supervisor', 'care.complaints.resolve', { id: c.id, version: c.version, accepted: false, acceptanceNote: '要求退还工时费', rootCause: '沟通不足' })
    const refused = await t.call('service_manager', 'care.complaints.close', { id: c.id, version: c.version }, { locale: 'en' })
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(refused.ok === false && refused.message).toMatch(/has not accepted/)
    c = await t.ok('front_desk_supervisor', 'care.complaints.reopen', { id: c.id, version: c.version, note: '经理批准退还工时费' })
    expect(c).toMatchObject({ state: 'assigned', accepted: null })
    c = await t.ok('front_desk_supervisor', 'care.complaints.act', { id: c.id, version: c.version, note: '已退还工时费' })
    c = await t.ok('front_desk_supervisor', 'care.complaints.resolve', { id: c.id, version: c.version, accepted: true, rootCause: '沟通不足' })
    c = await t.ok('service_manager', 'care.complaints.close', { id: c.id, version: c.version })
    expect(c.state).toBe('closed')
    for (const channel of ['care.complaints.assign', 'care.complaints.act', 'care.complaints.reopen', 'care.complaints.close'] as const) {
      expect(await t.callRaw('service_manager', channel, { id: c.id, version: c.version, ownerId: t.userIds.service_manager, department: '售后', note: '再次' })).toMatchObject({ ok: false })
    }
  })
})
