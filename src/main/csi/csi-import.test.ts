import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { relogin } from '../rules/test-helpers'

// The maker's CSI file through the real dispatcher: the dry run writes nothing and names every bad
// line; applying writes every result in one go (or none of them); the same file again changes
// nothing; and the dashboard's CSI figure equals the sum of its drill-down rows.

let t: TestApp

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'front_desk_supervisor', 'service_manager'] })
  t.clock.set('2026-11-27T10:00:00+08:00')
  await relogin(t)
})
afterAll(() => t.close())

type Cell = string | number
async function xlsx(rows: Cell[][], sheetName = '满意度成绩'): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(sheetName)
  for (const r of rows) sheet.addRow(r)
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64')
}
/** The dry run's results as the screen sends them back. */
const asInput = (results: { line: number; month: string; survey: 'mystery_shopper' | 'phone_survey'; scoreTenths: number; note: string; items: { line: number; code: string; label: string; scoreTenths: number; maxTenths: number }[] }[]) =>
  results.map(({ line, month, survey, scoreTenths, note, items }) => ({ line, month, survey, scoreTenths, note, items }))
const csv = (rows: Cell[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\r\n'), 'utf8').toString('base64')

const HEAD = ['月份', '调查', '总分', '项目代码', '项目', '得分', '满分', '备注']
const GOOD: Cell[][] = [
  ['某品牌 经销商满意度报告 2026年10-11月'],
  HEAD,
  ['2026-10', '神秘客户', 961, 'A1', '接待礼仪', 190, 200, ''],
  ['2026-10', '神秘客户', 961, 'A2', '环车检查', 120, 150, ''],
  ['2026-10', '神秘客户', 961, 'A3', '交车说明', 145, 150, ''],
  ['2026年11月', '神秘客户', 939.5, 'A1', '接待礼仪', 185, 200, '环车检查失分'],
  ['2026年11月', '神秘客户', '', 'A2', '环车检查', 110.5, 150, ''],
  [],
  ['2026-11', '电话回访', 955, '', '', '', '', ''],
]

const csiRows = () => t.app.store.sqlite.prepare(`SELECT month, survey, score_tenths, version FROM csi_results ORDER BY month, survey`).all()
const auditCount = () => (t.app.store.sqlite.prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'csi_result'`).get() as { n: number }).n

describe('importing the maker’s CSI file', () => {
  it('previews the results the file holds and writes nothing', async () => {
    const preview = await t.ok('front_desk_supervisor', 'csi.import.preview', { fileName: 'csi.xlsx', contentBase64: await xlsx(GOOD) })
    expect(preview).toMatchObject({ format: 'xlsx', sheet: '满意度成绩', headerRow: 2, totalLines: 6, errors: [] })
    expect(preview.results.map((r) => [r.line, r.month, r.survey, r.scoreTenths, r.items.length, r.action])).toEqual([
      [3, '2026-10', 'mystery_shopper', 9610, 3, 'enter'],
      [6, '2026-11', 'mystery_shopper', 9395, 2, 'enter'],
      [9, '2026-11', 'phone_survey', 9550, 0, 'enter'],
    ])
    expect(preview.results[1]).toMatchObject({ note: '环车检查失分', items: [expect.objectContaining({ code: 'A1', scoreTenths: 1850 }), expect.objectContaining({ line: 7, code: 'A2', scoreTenths: 1105, maxTenths: 1500 })] })
    expect(csiRows()).toEqual([])
    expect(auditCount()).toBe(0)
  })

  it('names every bad line with its number and reason, in the user’s language', async () => {
    const bad: Cell[][] = [
      HEAD,
      ['2026-10', '神秘客户', 961, 'A1', '接待礼仪', 190, 200, ''],
      ['2026-10', '神秘客户', 960, 'A2', '环车检查', 120, 150, ''],
      ['2026-13', '神秘客户', 961, 'A3', '交车说明', 145, 150, ''],
      ['2026-09', '暗访', 950, 'A1', '接待礼仪', 210, 200, ''],
      ['2026-09', '神秘客户', 950, 'A1', '接待礼仪', '九十', 200, ''],
      ['2026-12', '电话回访', 955, '', '', '', '', ''],
      ['2026-08', '问卷', 955, '', '', '', '', ''],
      ['2026-10', '神秘客户', 961, 'A1', '接待礼仪', 180, 200, ''],
    ]
    const zh = await t.call('front_desk_supervisor', 'csi.import.preview', { fileName: 'bad.csv', contentBase64: csv(bad) }, { locale: 'zh-CN' })
    if (!zh.ok) throw new Error(zh.message)
    const preview = zh.data
    expect(preview.format).toBe('csv')
    expect(preview.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'total'],
      [4, 'month'],
      [5, 'score'],
      [6, 'score'],
      [7, 'month'],
      [8, 'survey'],
      [9, 'code'],
    ])
    expect(preview.errors[0]?.message).toBe('总分与第 2 行不一致')
    expect(preview.errors[4]?.message).toBe('2026-12 还没到，不能导入成绩')
    const en = await t.ok('front_desk_supervisor', 'csi.import.preview', { fileName: 'bad.csv', contentBase64: csv(bad) })
    expect(en.errors[2]?.message).toBe('Item A1 scores above its maximum')
    const none = await t.ok('front_desk_supervisor', 'csi.import.preview', { fileName: 'x.csv', contentBase64: csv([['工单号', '金额'], ['RO1', '1']]) })
    expect(none.errors).toEqual([expect.objectContaining({ line: 0 })])
    const noSurvey = await t.ok('front_desk_supervisor', 'csi.import.preview', { fileName: 'x.csv', contentBase64: csv([['月份', '总分'], ['2026-11', '955']]) })
    expect(noSurvey.errors).toEqual([expect.objectContaining({ line: 2, field: 'survey' })])
    const chosen = await t.ok('front_desk_supervisor', 'csi.import.preview', { fileName: 'x.csv', contentBase64: csv([['月份', '总分'], ['2026-11', '955']]), survey: 'phone_survey' })
    expect(chosen.results).toEqual([expect.objectContaining({ survey: 'phone_survey', scoreTenths: 9550 })])
    expect(await t.call('service_advisor', 'csi.import.preview', { fileName: 'csi.xlsx', contentBase64: await xlsx(GOOD) })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('applies every result in one go, and the same file again changes nothing', async () => {
    const preview = await t.ok('front_desk_supervisor', 'csi.import.preview', { fileName: 'csi.xlsx', contentBase64: await xlsx(GOOD) })
    const applied = await t.ok('front_desk_supervisor', 'csi.import.apply', { fileName: 'csi.xlsx', results: asInput(preview.results), expect: { enter: 3, replace: 0 } })
    expect(applied).toEqual({ entered: 3, replaced: 0, unchanged: 0 })
    expect(csiRows()).toEqual([
      { month: '2026-10', survey: 'mystery_shopper', score_tenths: 9610, version: 1 },
      { month: '2026-11', survey: 'mystery_shopper', score_tenths: 9395, version: 1 },
      { month: '2026-11', survey: 'phone_survey', score_tenths: 9550, version: 1 },
    ])
    const [nov] = (await t.ok('service_manager', 'csi.list', { toMonth: '2026-11', months: 1 })).results
    expect(nov).toMatchObject({ survey: 'mystery_shopper', changeTenths: -215, note: '环车检查失分' })
    expect(auditCount()).toBe(3)

    const again = await t.ok('front_desk_supervisor', 'csi.import.preview', { fileName: 'csi.xlsx', contentBase64: await xlsx(GOOD) })
    expect(again.results.map((r) => r.action)).toEqual(['same', 'same', 'same'])
    expect(await t.ok('front_desk_supervisor', 'csi.import.apply', { fileName: 'csi.xlsx', results: asInput(again.results), expect: { enter: 0, replace: 0 } })).toEqual({ entered: 0, replaced: 0, unchanged: 3 })
    expect(csiRows().map((r) => (r as { version: number }).version)).toEqual([1, 1, 1])
    expect(auditCount()).toBe(3)
  })

  it('replaces a changed month, and refuses the whole file on a bad line or a stale preview', async () => {
    const changed = GOOD.map((r) => (r[0] === '2026-11' && r[1] === '电话回访' ? ['2026-11', '电话回访', 948, '', '', '', '', ''] : r))
    const preview = await t.ok('front_desk_supervisor', 'csi.import.preview', { fileName: 'csi2.xlsx', contentBase64: await xlsx(changed) })
    expect(preview.results.map((r) => [r.action, r.beforeTenths])).toEqual([
      ['same', 9610],
      ['same', 9395],
      ['replace', 9550],
    ])
    const stale = await t.call('front_desk_supervisor', 'csi.import.apply', { fileName: 'csi2.xlsx', results: asInput(preview.results), expect: { enter: 0, replace: 0 } })
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' })

    // A bad result after a good one: nothing of the file is written.
    const withBad = [
      { ...asInput(preview.results)[2]!, items: [] },
      { line: 20, month: '2026-12', survey: 'mystery_shopper' as const, scoreTenths: 9000, note: '', items: [] },
    ]
    const refused = await t.callRaw('front_desk_supervisor', 'csi.import.apply', { fileName: 'csi2.xlsx', results: withBad, expect: { enter: 1, replace: 1 } }, { locale: 'en' })
    expect(refused).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(JSON.stringify(refused)).toContain('Line 20')
    expect(csiRows().find((r) => (r as { survey: string }).survey === 'phone_survey')).toMatchObject({ score_tenths: 9550, version: 1 })

    expect(await t.ok('service_manager', 'csi.import.apply', { fileName: 'csi2.xlsx', results: asInput(preview.results), expect: { enter: 0, replace: 1 } })).toEqual({ entered: 0, replaced: 1, unchanged: 2 })
    expect(csiRows().find((r) => (r as { survey: string }).survey === 'phone_survey')).toMatchObject({ score_tenths: 9480, version: 2 })
    const actions = t.app.store.sqlite.prepare(`SELECT action FROM audit_log WHERE entity = 'csi_result' ORDER BY id`).all() as { action: string }[]
    expect(actions.map((a) => a.action)).toEqual(['csi.enter', 'csi.enter', 'csi.enter', 'csi.replace'])
  })
})

describe('CSI on the dashboard', () => {
  it('shows each month against its target and the items pulling the score down; each figure is the sum of its drill-down', async () => {
    const trend = await t.ok('service_manager', 'csi.trend', { toMonth: '2026-11', months: 3 })
    expect(trend).toMatchObject({ fromMonth: '2026-09', toMonth: '2026-11' })
    const mystery = trend.surveys.find((s) => s.survey === 'mystery_shopper')!
    expect(mystery.targetTenths).toBe(9500)
    expect(mystery.points.map((p) => [p.month, p.scoreTenths, p.lostTenths, p.items])).toEqual([
      ['2026-09', null, 0, 0],
      ['2026-10', 9610, 450, 3],
      ['2026-11', 9395, 545, 2],
    ])
    expect(mystery.pulling).toEqual([
      { code: 'A2', label: '环车检查', lostTenths: 695, months: 2 },
      { code: 'A1', label: '接待礼仪', lostTenths: 250, months: 2 },
      { code: 'A3', label: '交车说明', lostTenths: 50, months: 1 },
    ])
    const pulled = new Map<string, number>()
    for (const survey of trend.surveys) {
      for (const point of survey.points) {
        const drill = await t.ok('service_manager', 'csi.drill', { month: point.month, survey: survey.survey })
        expect(drill.scoreTenths).toBe(point.scoreTenths)
        expect(drill.items).toHaveLength(point.items)
        expect(drill.items.reduce((s, i) => s + i.lostTenths, 0)).toBe(point.lostTenths)
        expect(drill.lostTenths).toBe(point.lostTenths)
        if (survey.survey === 'mystery_shopper') for (const i of drill.items) pulled.set(i.code, (pulled.get(i.code) ?? 0) + i.lostTenths)
      }
    }
    for (const p of mystery.pulling) expect(pulled.get(p.code)).toBe(p.lostTenths)
    const drill = await t.ok('front_desk_supervisor', 'csi.drill', { month: '2026-11', survey: 'mystery_shopper' })
    expect(drill.items.map((i) => [i.code, i.lostTenths, i.shareBp])).toEqual([
      ['A2', 395, 7367],
      ['A1', 150, 9250],
    ])
    expect(await t.call('service_advisor', 'csi.trend', { months: 3 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
