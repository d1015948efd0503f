import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { deliveredAt, followUpOf, FULL_SURVEY } from './test-helpers'

// The follow-up survey's questions as versioned templates through the real dispatcher: the
// supervisor adds, rewords, reorders and retires questions; calls are asked the template of now
// and "done" needs every question of it; past calls keep showing the questions they were asked.

let t: TestApp
const DELIVERY = '2026-11-28T09:00:00+08:00'
const AFTER = '2026-11-28T11:00:00+08:00'

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'cashier', 'front_desk_supervisor', 'service_manager'] })
})
afterAll(() => t.close())

const call = (f: { id: number; version: number }, answers: { question: string; score: number }[], done = true) => ({
  id: f.id,
  version: f.version,
  startedAt: '2026-11-28T10:31:00+08:00',
  endedAt: '2026-11-28T10:34:00+08:00',
  outcome: 'reached' as const,
  answers,
  done,
})

describe('the survey template', () => {
  it('starts as the default five questions, worded by the catalogs', async () => {
    const v1 = await t.ok('service_advisor', 'care.survey.get', {})
    expect(v1).toMatchObject({ version: 1, createdBy: null })
    expect(v1.questions).toEqual(['overall', 'advisor', 'quality', 'on_time', 'price_explained'].map((code) => ({ code, text: null })))
  })

  it('is changed by the supervisor as a new version: added, reworded, reordered, retired — and a past call keeps its questions', async () => {
    const ro = await deliveredAt(t, DELIVERY, AFTER)
    const f = await followUpOf(t, ro.id)
    const asked = await t.ok('service_advisor', 'care.followups.logCall', call(f, FULL_SURVEY(9)))
    expect(asked.state).toBe('done')

    const saved = await t.ok('front_desk_supervisor', 'care.survey.save', {
      version: 1,
      questions: [
        { code: 'advisor', text: null },
        { code: 'overall', text: '您对这次保养的总体满意度打几分？' },
        { code: 'quality', text: null },
        { text: '车辆是否洗得干净？' },
        { code: 'on_time', text: null },
      ],
    })
    expect(saved).toMatchObject({ version: 2, createdBy: expect.any(String) })
    expect(saved.questions.map((q) => q.code)).toEqual(['advisor', 'overall', 'quality', 'q2_4', 'on_time'])
    expect(saved.questions[1]?.text).toBe('您对这次保养的总体满意度打几分？')
    expect((await t.ok('service_advisor', 'care.survey.get', {})).version).toBe(2)
    expect((await t.ok('service_advisor', 'care.survey.get', { version: 1 })).questions).toHaveLength(5)

    // The past call still shows the five it was asked, in their order and wording.
    const past = await t.ok('front_desk_supervisor', 'care.followups.get', { id: f.id })
    expect(past.calls[0]?.answers.map((a) => [a.question, a.text])).toEqual([
      ['overall', null],
      ['advisor', null],
      ['quality', null],
      ['on_time', null],
      ['price_explained', null],
    ])
    // The call list asks the new version.
    expect(past.survey).toMatchObject({ version: 2, questions: saved.questions })

    const audit = t.app.store.sqlite.prepare(`SELECT action, detail FROM audit_log WHERE entity = 'care_survey_template'`).all() as { action: string; detail: string }[]
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ fromVersion: 1, questions: 5, added: 1, retired: 1, reworded: 1 })
  })

  it('asks new calls the current version: "done" needs its questions, a retired one is refused', async () => {
    const ro = await deliveredAt(t, DELIVERY, AFTER)
    let f = await followUpOf(t, ro.id)
    const retired = await t.call('service_advisor', 'care.followups.logCall', call(f, FULL_SURVEY(9)), { locale: 'en' })
    expect(retired).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(retired.ok === false && retired.message).toContain('price_explained')
    const partial = await t.call('service_advisor', 'care.followups.logCall', call(f, ['advisor', 'overall', 'quality', 'on_time'].map((question) => ({ question, score: 8 }))))
    expect(partial).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    f = await followUpOf(t, ro.id)
    const answers = ['advisor', 'overall', 'quality', 'q2_4', 'on_time'].map((question, i) => ({ question, score: 6 + i }))
    const done = await t.ok('service_advisor', 'care.followups.logCall', call(f, answers))
    expect(done.state).toBe('done')
    expect(done.calls.at(-1)?.answers.map((a) => [a.question, a.text, a.score])).toEqual([
      ['advisor', null, 6],
      ['overall', '您对这次保养的总体满意度打几分？', 7],
      ['quality', null, 8],
      ['q2_4', '车辆是否洗得干净？', 9],
      ['on_time', null, 10],
    ])
  })

  it('refuses a stale version, unknown or repeated questions, a new question without words, and the advisor', async () => {
    const stale = await t.call('front_desk_supervisor', 'care.survey.save', { version: 1, questions: [{ code: 'overall', text: null }] })
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await t.call('front_desk_supervisor', 'care.survey.save', { version: 2, questions: [{ code: 'nope', text: '随便' }] })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await t.call('front_desk_supervisor', 'care.survey.save', { version: 2, questions: [{ code: 'overall', text: null }, { code: 'overall', text: null }] })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await t.call('front_desk_supervisor', 'care.survey.save', { version: 2, questions: [{ text: null }] })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await t.call('front_desk_supervisor', 'care.survey.save', { version: 2, questions: [{ text: '同一句' }, { text: '同一句' }] })).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(await t.call('service_advisor', 'care.survey.save', { version: 2, questions: [{ code: 'overall', text: null }] })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // Saving the same questions again writes no new version; a retired question may come back.
    const same = await t.ok('service_manager', 'care.survey.get', {})
    expect((await t.ok('service_manager', 'care.survey.save', { version: 2, questions: same.questions })).version).toBe(2)
    const back = await t.ok('service_manager', 'care.survey.save', { version: 2, questions: [...same.questions, { code: 'price_explained', text: null }] })
    expect(back).toMatchObject({ version: 3 })
    expect(back.questions.at(-1)).toEqual({ code: 'price_explained', text: null })
    expect((await t.ok('service_manager', 'care.survey.get', {})).version).toBe(3)
  })
})
