import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { relogin } from '../rules/test-helpers'

// The maker's monthly CSI results through the real dispatcher: entry, replacement with the version
// read, refusals with their reasons, nothing half-written, the audit trail, and the target rules
// raising and clearing their alert with the numbers.

let t: TestApp

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'front_desk_supervisor', 'service_manager'] })
  t.clock.set('2026-11-27T10:00:00+08:00')
  await relogin(t)
})
afterAll(() => t.close())

const items = [
  { code: 'A1', label: '接待礼仪', scoreTenths: 1900, maxTenths: 2000 },
  { code: 'A2', label: '环车检查', scoreTenths: 1200, maxTenths: 1500 },
  { code: 'A3', label: '交车说明', scoreTenths: 1450, maxTenths: 1500 },
]

const alertsOf = async (kind: 'csi_mystery_shopper' | 'csi_phone_survey', locale: 'zh-CN' | 'en' = 'en') => {
  const r = await t.call('service_manager', 'alerts.list', { box: 'all', ruleKind: kind, state: 'active' }, { locale })
  if (!r.ok) throw new Error(r.message)
  return r.data
}

describe('entering CSI results', () => {
  it('keeps one result per month and survey, with its target, change and weakest items', async () => {
    const oct = await t.ok('front_desk_supervisor', 'csi.save', { month: '2026-10', survey: 'mystery_shopper', scoreTenths: 9610, items, version: 0 })
    expect(oct).toMatchObject({ month: '2026-10', survey: 'mystery_shopper', scoreTenths: 9610, targetTenths: 9500, changeTenths: null, version: 1 })
    expect(oct.weakest.map((i) => i.code)).toEqual(['A2', 'A1', 'A3'])
    expect(oct.items.find((i) => i.code === 'A2')?.shareBp).toBe(8000)

    const nov = await t.ok('front_desk_supervisor', 'csi.save', { month: '2026-11', survey: 'mystery_shopper', scoreTenths: 9385, items, note: '环车检查失分', version: 0 })
    expect(nov.changeTenths).toBe(-225)

    const list = await t.ok('service_advisor', 'csi.list', { months: 12 })
    expect(list).toMatchObject({ fromMonth: '2025-12', toMonth: '2026-11' })
    expect(list.results.map((r) => `${r.month} ${r.survey}`)).toEqual(['2026-11 mystery_shopper', '2026-10 mystery_shopper'])
  })

  it('replaces a result only with the version read, and refuses the stale one', async () => {
    const [nov] = (await t.ok('service_manager', 'csi.list', { toMonth: '2026-11', months: 1 })).results
    const changed = await t.ok('service_manager', 'csi.save', { month: '2026-11', survey: 'mystery_shopper', scoreTenths: 9395, items: items.slice(0, 2), version: nov!.version })
    expect(changed).toMatchObject({ scoreTenths: 9395, version: nov!.version + 1 })
    expect(changed.items).toHaveLength(2)
    const stale = await t.call('front_desk_supervisor', 'csi.save', { month: '2026-11', survey: 'mystery_shopper', scoreTenths: 9000, items, version: nov!.version })
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' })
    const again = await t.call('front_desk_supervisor', 'csi.save', { month: '2026-11', survey: 'mystery_shopper', scoreTenths: 9000, items, version: 0 })
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT' })
    const [kept] = (await t.ok('service_manager', 'csi.list', { toMonth: '2026-11', months: 1 })).results
    expect(kept).toMatchObject({ scoreTenths: 9395, version: changed.version })
  })

  it('refuses bad input with the reason, in the user’s language, and writes nothing', async () => {
    const future = await t.call('front_desk_supervisor', 'csi.save', { month: '2026-12', survey: 'phone_survey', scoreTenths: 9600, items: [], version: 0 }, { locale: 'zh-CN' })
    expect(future).toMatchObject({ ok: false, code: 'VALIDATION', message: '2026-12 还没到，不能录入成绩' })
    const above = await t.callRaw('front_desk_supervisor', 'csi.save', { month: '2026-11', survey: 'phone_survey', scoreTenths: 9600, items: [{ code: 'B1', label: '电话礼貌', scoreTenths: 600, maxTenths: 500 }], version: 0 }, { locale: 'en' })
    expect(above).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(JSON.stringify(above)).toContain("cannot be above its maximum")
    const twice = await t.callRaw('front_desk_supervisor', 'csi.save', { month: '2026-11', survey: 'phone_survey', scoreTenths: 9600, items: [items[0], items[0]], version: 0 })
    expect(twice).toMatchObject({ ok: false, code: 'VALIDATION' })
    const badMonth = await t.callRaw('front_desk_supervisor', 'csi.save', { month: '2026-13', survey: 'phone_survey', scoreTenths: 9600, version: 0 }, { locale: 'en' })
    expect(JSON.stringify(badMonth)).toContain('Month as YYYY-MM')
    const tooHigh = await t.callRaw('front_desk_supervisor', 'csi.save', { month: '2026-11', survey: 'phone_survey', scoreTenths: 10_001, version: 0 })
    expect(tooHigh).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect((await t.ok('service_manager', 'csi.list', { toMonth: '2026-11', months: 1 })).results.some((r) => r.survey === 'phone_survey')).toBe(false)
    expect(await t.call('service_advisor', 'csi.save', { month: '2026-11', survey: 'phone_survey', scoreTenths: 9600, items: [], version: 0 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('writes the audit trail for entry, change and deletion', async () => {
    const saved = await t.ok('front_desk_supervisor', 'csi.save', { month: '2026-09', survey: 'phone_survey', scoreTenths: 9700, items: [], version: 0 })
    await t.ok('front_desk_supervisor', 'csi.delete', { id: saved.id, version: saved.version })
    const rows = t.app.store.sqlite
      .prepare(`SELECT action FROM audit_log WHERE entity = 'csi_result' ORDER BY id`)
      .all() as { action: string }[]
    expect(rows.map((r) => r.action)).toEqual(['csi.enter', 'csi.enter', 'csi.replace', 'csi.enter', 'csi.delete'])
    expect(await t.call('front_desk_supervisor', 'csi.delete', { id: saved.id, version: 1 })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})

describe('the CSI targets as rules', () => {
  it('raise an alert while the latest month is below target, naming the item that lost most, and clear with the next month', async () => {
    await t.ok('administrator', 'rules.sweep', {})
    const [alert] = await alertsOf('csi_mystery_shopper')
    expect(alert?.message).toBe('Mystery shopper 2026-11: 939.5, below the target of 950; most points lost: 环车检查 120/150')
    const [zh] = await alertsOf('csi_mystery_shopper', 'zh-CN')
    expect(zh?.message).toBe('2026-11 神秘客户 939.5 分，低于目标 950 分；失分最多：环车检查 120/150')
    expect(await alertsOf('csi_phone_survey')).toEqual([])

    t.clock.set('2026-12-20T10:00:00+08:00')
    await relogin(t)
    await t.ok('front_desk_supervisor', 'csi.save', { month: '2026-12', survey: 'mystery_shopper', scoreTenths: 9550, items, version: 0 })
    await t.ok('administrator', 'rules.sweep', {})
    expect(await alertsOf('csi_mystery_shopper')).toEqual([])
  })
})
