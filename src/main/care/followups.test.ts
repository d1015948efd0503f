import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, TEST_PASSWORD, type TestApp } from '../test-support/test-app'
import { relogin } from '../rules/test-helpers'
import { deliveredAt, deliveredRo, followUpOf, FULL_SURVEY } from './test-helpers'

// Follow-up calls after delivery (回访) through the real dispatcher: the task a delivery creates,
// the call log, "done" only with a reached call and a complete survey, and who may call whom.

let t: TestApp
const DELIVERY = '2026-11-28T09:00:00+08:00'
const AFTER = '2026-11-28T10:40:00+08:00'

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'cashier', 'front_desk_supervisor', 'service_manager', 'technician'] })
  await t.ok('administrator', 'users.create', { username: 'advisor-2', displayName: '李娜', role: 'service_advisor', password: TEST_PASSWORD })
})
afterAll(() => t.close())

const call = (followUp: { id: number; version: number }, extra: Record<string, unknown> = {}) => ({
  id: followUp.id,
  version: followUp.version,
  startedAt: '2026-11-27T10:31:00+08:00',
  endedAt: '2026-11-27T10:34:00+08:00',
  outcome: 'reached' as const,
  ...extra,
})

describe('a delivery', () => {
  it('creates a follow-up for the RO’s advisor, due at the end of the third day after delivery (into the next month)', async () => {
    const ro = await deliveredAt(t, DELIVERY, AFTER)
    const f = await followUpOf(t, ro.id)
    expect(f).toMatchObject({
      state: 'open',
      roNumber: ro.number,
      assigneeId: t.userIds.service_advisor,
      deliveredAt: '2026-11-28T09:00:00+08:00',
      dueDate: '2026-12-01',
      dueAt: '2026-12-02T00:00:00+08:00',
      overdue: false,
      attempts: 0,
    })
    const mine = await t.ok('service_advisor', 'care.followups.list', {})
    expect(mine.map((r) => r.id)).toContain(f.id)
    const audit = t.app.store.sqlite.prepare(`SELECT action FROM audit_log WHERE entity = 'care_followup' AND entity_id = ?`).all(String(f.id)) as { action: string }[]
    expect(audit.map((a) => a.action)).toEqual(['care.followup.create'])
  })

  it('counts the days across a month end and a year end, with the number of days a setting', async () => {
    t.clock.set('2026-12-30T15:00:00+08:00')
    await relogin(t)
    const ro = await deliveredRo(t)
    expect(await followUpOf(t, ro.id)).toMatchObject({ dueDate: '2027-01-02', dueAt: '2027-01-03T00:00:00+08:00' })
    t.app.store.sqlite.prepare(`INSERT INTO settings (key, value) VALUES ('care.followUpDays', '5')`).run()
    t.clock.set('2027-02-26T09:00:00+08:00')
    await relogin(t)
    const later = await deliveredRo(t)
    expect(await followUpOf(t, later.id)).toMatchObject({ dueDate: '2027-03-03', dueAt: '2027-03-04T00:00:00+08:00' })
    t.app.store.sqlite.prepare(`DELETE FROM settings WHERE key = 'care.followUpDays'`).run()
    // Past its due time it shows as overdue on the list, sorted by due time (earliest first).
    t.clock.set('2027-03-05T09:00:00+08:00')
    await relogin(t)
    const list = await t.ok('front_desk_supervisor', 'care.followups.list', {})
    expect(list.find((r) => r.roId === later.id)?.overdue).toBe(true)
    expect(list.map((r) => r.dueAt)).toEqual([...list.map((r) => r.dueAt)].sort())
  })
})

describe('logging calls', () => {
  it('refuses "done" without a reached call, keeps the attempts, and needs a call-back time for "call back"', async () => {
    const ro = await deliveredAt(t, DELIVERY, AFTER)
    let f = await followUpOf(t, ro.id)
    const times = { startedAt: '2026-11-28T10:31:00+08:00', endedAt: '2026-11-28T10:32:00+08:00' }
    const notReached = await t.call('service_advisor', 'care.followups.logCall', call(f, { ...times, outcome: 'no_answer', done: true }), { locale: 'en' })
    expect(notReached).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(notReached.ok === false && notReached.message).toMatch(/cannot be done without a call that reached the customer/)
    const zh = await t.call('service_advisor', 'care.followups.logCall', call(f, { ...times, outcome: 'no_answer', done: true }))
    expect(zh.ok === false && zh.message).toContain('不能标记完成')

    const noAnswer = await t.ok('service_advisor', 'care.followups.logCall', call(f, { ...times, outcome: 'no_answer' }))
    expect(noAnswer).toMatchObject({ state: 'open', attempts: 1 })
    expect(await t.call('service_advisor', 'care.followups.logCall', call(noAnswer, { ...times, outcome: 'call_back' }))).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await t.call('service_advisor', 'care.followups.logCall', call(noAnswer, { ...times, answers: FULL_SURVEY(9), outcome: 'no_answer' }))).toMatchObject({
      ok: false,
      code: 'VALIDATION',
    })
    const back = await t.ok('service_advisor', 'care.followups.logCall', call(noAnswer, { ...times, outcome: 'call_back', callbackAt: '2026-11-28T16:00:00+08:00' }))
    expect(back).toMatchObject({ state: 'open', attempts: 2, callbackAt: '2026-11-28T16:00:00+08:00' })
    // A reached call with part of the survey is logged, but cannot close the follow-up.
    const partial = await t.call('service_advisor', 'care.followups.logCall', call(back, { ...times, answers: FULL_SURVEY(9).slice(0, 3), done: true }), { locale: 'en' })
    expect(partial.ok === false && partial.message).toMatch(/every survey question needs a score/)
    f = await followUpOf(t, ro.id)
    expect(f).toMatchObject({ state: 'open', attempts: 2 })
  })

  it('marks the follow-up done with a reached call and every answer, and then takes no more calls', async () => {
    const ro = await deliveredAt(t, DELIVERY, AFTER)
    const f = await followUpOf(t, ro.id)
    const done = await t.ok('service_advisor', 'care.followups.logCall', call(f, { startedAt: '2026-11-28T10:35:00+08:00', endedAt: '2026-11-28T10:39:00+08:00', answers: FULL_SURVEY(9), remark: '满意', done: true }))
    expect(done).toMatchObject({ state: 'done', attempts: 1, closedAt: '2026-11-28T10:40:00+08:00' })
    expect(done.doneCallId).toBe(done.calls[0]!.id)
    expect(done.calls[0]).toMatchObject({ outcome: 'reached', remark: '满意', answers: FULL_SURVEY(9) })
    expect(await t.call('service_advisor', 'care.followups.logCall', call(done, { startedAt: '2026-11-28T10:35:00+08:00', endedAt: '2026-11-28T10:39:00+08:00' }))).toMatchObject({
      ok: false,
      code: 'INVALID_STATE',
    })
    expect((await t.ok('service_advisor', 'care.followups.list', {})).map((r) => r.id)).not.toContain(f.id)
    expect((await t.ok('service_advisor', 'care.followups.list', { state: 'closed' })).map((r) => r.id)).toContain(f.id)
  })

  it('refuses calls that end before they start, lie in the future or precede the delivery, and stale copies', async () => {
    const ro = await deliveredAt(t, DELIVERY, AFTER)
    const f = await followUpOf(t, ro.id)
    const bad = [
      { startedAt: '2026-11-28T10:35:00+08:00', endedAt: '2026-11-28T10:30:00+08:00' },
      { startedAt: '2026-11-28T10:35:00+08:00', endedAt: '2026-11-28T11:30:00+08:00' },
      { startedAt: '2026-11-28T08:00:00+08:00', endedAt: '2026-11-28T08:10:00+08:00' },
    ]
    for (const times of bad) expect(await t.call('service_advisor', 'care.followups.logCall', call(f, times))).toMatchObject({ ok: false, code: 'VALIDATION' })
    const times = { startedAt: '2026-11-28T10:35:00+08:00', endedAt: '2026-11-28T10:36:00+08:00' }
    await t.ok('service_advisor', 'care.followups.logCall', call(f, { ...times, outcome: 'no_answer' }))
    expect(await t.call('service_advisor', 'care.followups.logCall', call(f, { ...times, outcome: 'no_answer' }))).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('closes as unreachable only after three calls that did not reach the customer', async () => {
    const ro = await deliveredAt(t, DELIVERY, AFTER)
    let f = await followUpOf(t, ro.id)
    const times = { startedAt: '2026-11-28T10:35:00+08:00', endedAt: '2026-11-28T10:36:00+08:00' }
    for (let i = 0; i < 2; i += 1) f = await t.ok('service_advisor', 'care.followups.logCall', call(f, { ...times, outcome: i === 0 ? 'no_answer' : 'wrong_number' }))
    expect(await t.call('service_advisor', 'care.followups.giveUp', { id: f.id, version: f.version, note: '号码空号' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    f = await t.ok('service_advisor', 'care.followups.logCall', call(f, { ...times, outcome: 'no_answer' }))
    const closed = await t.ok('service_advisor', 'care.followups.giveUp', { id: f.id, version: f.version, note: '三次无人接听' })
    expect(closed).toMatchObject({ state: 'unreachable', closeNote: '三次无人接听', attempts: 3 })
    expect(await t.call('service_advisor', 'care.followups.logCall', call(closed, times))).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(await t.call('service_advisor', 'care.followups.giveUp', { id: f.id, version: closed.version, note: '再次' })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
  })
})

describe('who calls', () => {
  it('lets an advisor see and call only their own follow-ups, the supervisor every one', async () => {
    const ro = await deliveredAt(t, DELIVERY, AFTER)
    const f = await followUpOf(t, ro.id)
    const otherAdvisor = (await t.ok(null, 'auth.login', { username: 'advisor-2', password: TEST_PASSWORD })).token
    const others = await t.ok({ token: otherAdvisor }, 'care.followups.list', { state: 'all' })
    expect(others.map((r) => r.id)).not.toContain(f.id)
    expect(await t.call({ token: otherAdvisor }, 'care.followups.get', { id: f.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await t.call('technician', 'care.followups.list', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const view = await t.ok('front_desk_supervisor', 'care.followups.get', { id: f.id })
    expect(view).toMatchObject({ id: f.id, survey: { version: 1, questions: ['overall', 'advisor', 'quality', 'on_time', 'price_explained'].map((code) => ({ code, text: null })), min: 1, max: 10, lowScore: 6 } })
    const logged = await t.ok('front_desk_supervisor', 'care.followups.logCall', call(f, { startedAt: '2026-11-28T10:35:00+08:00', endedAt: '2026-11-28T10:36:00+08:00', answers: FULL_SURVEY(10), done: true }))
    expect(logged.calls[0]?.userName).toBe('测试front_desk_supervisor')
  })
})

describe('a low score in the call', () => {
  it('opens a complaint in the same step, linked to the RO and the follow-up', async () => {
    const ro = await deliveredAt(t, DELIVERY, AFTER)
    const f = await followUpOf(t, ro.id)
    const answers = FULL_SURVEY(9).map((a) => (a.question === 'on_time' ? { ...a, score: 3 } : a))
    const view = await t.ok(
      'service_advisor',
      'care.followups.logCall',
      call(f, { startedAt: '2026-11-28T10:35:00+08:00', endedAt: '2026-11-28T10:38:00+08:00', answers, done: true, complaint: { category: 'time', severity: 'medium', words: '说好下午三点交车，拖到六点' } }),
    )
    expect(view.state).toBe('done')
    expect(view.complaints).toHaveLength(1)
    const complaint = await t.ok('front_desk_supervisor', 'care.complaints.get', { id: view.complaints[0]!.id })
    expect(complaint).toMatchObject({ source: 'followup', roId: ro.id, roNumber: ro.number, followUpId: f.id, state: 'open', category: 'time', words: '说好下午三点交车，拖到六点' })
    // medium: 72 hours from the call.
    expect(complaint.dueAt).toBe('2026-12-01T10:40:00+08:00')
  })

  it('refuses a complaint from a call that did not reach the customer, logging nothing', async () => {
    const ro = await deliveredAt(t, DELIVERY, AFTER)
    const f = await followUpOf(t, ro.id)
    const result = await t.call('service_advisor', 'care.followups.logCall', call(f, { startedAt: '2026-11-28T10:35:00+08:00', endedAt: '2026-11-28T10:36:00+08:00', outcome: 'no_answer', complaint: { category: 'time', severity: 'low', words: '无' + '人接' } }))
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect((await followUpOf(t, ro.id)).attempts).toBe(0)
  })
})
