import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { translate } from '../../shared/i18n'
import type { MessageKey } from '../../shared/i18n'
import { DEMO_PASSWORD, makeTestApp, testClock, type TestApp } from '../test-support/test-app'

// The monthly department report on the demo dealership: the workbook read back with exceljs shows
// the figures the department's own channels answer; the hand-in is on time up to day N of the next
// month and late after it, across a year end; only the front-desk supervisor and the manager hand in.

let t: TestApp
const token: Record<'manager' | 'frontdesk' | 'advisor1', string> = { manager: '', frontdesk: '', advisor1: '' }
const as = (who: keyof typeof token) => ({ token: token[who] })

async function relogin() {
  for (const username of Object.keys(token) as (keyof typeof token)[]) {
    token[username] = (await t.ok(null, 'auth.login', { username, password: DEMO_PASSWORD })).token
  }
}

beforeAll(async () => {
  t = await makeTestApp({ dealership: 'demo', clock: testClock('2026-11-27T10:00:00+08:00'), prefix: 'dept-report-' })
  await relogin()
})
afterAll(() => t.close())

const tr = (key: MessageKey) => translate('en', key)

/** The rows of the table titled `title` on a sheet: the header row after the title, then rows up to a blank one. */
function tableRows(sheet: ExcelJS.Worksheet, title: string): { header: string[]; rows: unknown[][] } {
  const values: unknown[][] = []
  sheet.eachRow({ includeEmpty: true }, (row, n) => (values[n - 1] = (row.values as unknown[]).slice(1)))
  const at = values.findIndex((v) => v?.[0] === title)
  expect(at, title).toBeGreaterThanOrEqual(0)
  const header = values[at + 1] as string[]
  const rows: unknown[][] = []
  for (let i = at + 2; i < values.length && values[i] && values[i]!.length > 0; i++) rows.push(values[i]!)
  return { header, rows: rows.length === 1 && rows[0]![0] === tr('deptReport.none') ? [] : rows }
}

async function workbookOf(month: string) {
  const file = await t.ok(as('manager'), 'department.report.xlsx', { month })
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
  return { file, wb }
}

const yuan = (fen: number | null) => (fen === null ? null : fen / 100)

describe('the monthly department report', () => {
  it('saves a sheet per area whose figures are those of the department channels', async () => {
    const month = '2026-10'
    const { file, wb } = await workbookOf(month)
    expect(file.fileName).toBe('department-report-2026-10.xlsx')
    expect(wb.worksheets.map((s) => s.name)).toEqual(file.sheets)
    expect(file.sheets).toHaveLength(9)

    const progress = await t.ok(as('manager'), 'department.progress', { month })
    const measures = tableRows(wb.worksheets[0]!, tr('deptReport.table.measures')).rows
    expect(measures).toHaveLength(progress.measures.length)
    progress.measures.forEach((m, i) => {
      const money = m.measure !== 'ros'
      const v = (x: number | null) => (money ? yuan(x) : x)
      expect(measures[i]![0]).toBe(tr(`deptMeasure.${m.measure}`))
      expect(measures[i]![1] ?? null).toBe(v(m.monthTarget))
      expect(measures[i]![2]).toBe(v(m.actual))
      expect(measures[i]![6]).toBe(v(m.quarterActual))
    })
    expect(progress.measures.find((m) => m.measure === 'ros')!.actual).toBeGreaterThan(0)
    const people = tableRows(wb.worksheets[0]!, tr('deptReport.table.people')).rows
    expect(people).toHaveLength(progress.people.length * progress.measures.length)
    const firstRos = progress.people[0]!.values.find((v) => v.measure === 'ros')!
    expect(people.find((r) => r[0] === progress.people[0]!.name && r[2] === tr('deptMeasure.ros'))![5]).toBe(firstRos.monthActual)
    // The people's month actuals add up to the department's.
    const rosRows = people.filter((r) => r[2] === tr('deptMeasure.ros'))
    expect(rosRows.reduce((s, r) => s + Number(r[5]), 0)).toBe(progress.measures.find((m) => m.measure === 'ros')!.actual)

    const cards = await t.ok(as('manager'), 'department.scorecards', { month })
    const cardRows = tableRows(wb.getWorksheet(tr('deptReport.sheet.scorecards'))!, tr('deptReport.table.scorecards')).rows
    expect(cardRows.map((r) => r[0])).toEqual(cards.map((c) => c.person.name))

    const training = await t.ok(as('manager'), 'department.training.month', { month })
    const counts = tableRows(wb.getWorksheet(tr('deptReport.sheet.training'))!, tr('deptReport.table.trainingCounts')).rows
    training.counts.forEach((c, i) => expect(counts[i]!.slice(0, 2)).toEqual([tr(`department.${c.department}`), c.sessions]))
    expect(counts.at(-1)!.slice(1, 3)).toEqual([training.repairCases.count, training.repairCases.target])
    expect(tableRows(wb.getWorksheet(tr('deptReport.sheet.training'))!, tr('deptReport.table.trainingSessions')).rows).toHaveLength(training.sessions.length)

    const audits = await t.ok(as('manager'), 'department.fiveS.audits', { month })
    const auditRows = tableRows(wb.getWorksheet(tr('deptReport.sheet.fives'))!, tr('deptReport.table.fivesAudits')).rows
    expect(auditRows.map((r) => [r[1], r[3]])).toEqual(audits.map((a) => [a.auditedOn, a.score]))

    const incidents = await t.ok(as('manager'), 'quality.incidents', { month })
    const incidentRows = tableRows(wb.getWorksheet(tr('deptReport.sheet.quality'))!, tr('deptReport.table.incidents')).rows
    expect(incidentRows.map((r) => [r[1], r[7]])).toEqual(incidents.map((q) => [q.roNumber, yuan(q.costFen)]))
    expect(incidents.length).toBeGreaterThan(0)

    const list = await t.ok(as('manager'), 'campaigns.list', { limit: 200 })
    const ofMonth = list.filter((k) => k.month === month && k.state === 'planned')
    const campaignRows = tableRows(wb.getWorksheet(tr('deptReport.sheet.campaigns'))!, tr('deptReport.table.campaigns')).rows
    expect(campaignRows).toHaveLength(ofMonth.length)
    expect(ofMonth.length).toBeGreaterThan(0)
    for (const [i, k] of ofMonth.entries()) {
      const a = await t.ok(as('manager'), 'campaigns.analysis', { id: k.id })
      const fig = (f: string) => a.figures.find((x) => x.figure === f)!.value
      expect(campaignRows[i]!.slice(0, 2)).toEqual([k.code, k.name])
      expect(campaignRows[i]!.slice(4, 9)).toEqual([fig('invited'), fig('reached'), fig('booked'), fig('arrived'), fig('ros')])
      expect(campaignRows[i]![9]).toBe(yuan(fig('revenue')))
    }
  })

  it('has the month’s etiquette checks: per person with their average score, and the items failed most', async () => {
    const month = '2026-09'
    const items = await t.ok(as('manager'), 'department.etiquette.checklist', {})
    expect(items.length).toBeGreaterThan(2)
    const staff = (await t.ok(as('manager'), 'department.staff', {})).filter((s) => s.role === 'service_advisor').slice(0, 2)
    // The first advisor is checked twice (missing items 0 and 1, then item 0); the second once, all passed.
    const plan: [number, string, number[]][] = [
      [staff[0]!.userId, '2026-09-04', [0, 1]],
      [staff[0]!.userId, '2026-09-18', [0]],
      [staff[1]!.userId, '2026-09-11', []],
    ]
    for (const [userId, checkedOn, misses] of plan) {
      await t.ok(as('manager'), 'department.etiquette.record', { userId, checkedOn, results: items.map((i, n) => ({ itemId: i.id, passed: !misses.includes(n), note: '' })) })
    }
    const view = await t.ok(as('manager'), 'department.report.get', { month })
    const cards = await t.ok(as('manager'), 'department.scorecards', { month })
    const scoreOf = (userId: number) => cards.find((c) => c.person.userId === userId)!.etiquetteBp
    expect(view.etiquette.checks).toBe(3)
    const { wb } = await workbookOf(month)
    const sheet = wb.getWorksheet(tr('deptReport.sheet.etiquette'))!
    const people = tableRows(sheet, tr('deptReport.table.etiquettePeople'))
    expect(people.header).toEqual([tr('deptReport.col.person'), tr('deptReport.col.checks'), tr('deptReport.col.averageScore')])
    const byName = new Map(people.rows.map((r) => [r[0], r]))
    expect(byName.get(staff[0]!.name)!.slice(1)).toEqual([2, scoreOf(staff[0]!.userId)! / 10_000])
    expect(byName.get(staff[1]!.name)!.slice(1)).toEqual([1, 1])
    const n = items.length
    expect(scoreOf(staff[0]!.userId)).toBe(Math.round((Math.round(((n - 2) * 10_000) / n) + Math.round(((n - 1) * 10_000) / n)) / 2))
    // The quality sheet names the comeback window its proposals were read with.
    const window = tableRows(wb.getWorksheet(tr('deptReport.sheet.quality'))!, tr('deptReport.table.comebackWindow')).rows
    expect(window).toEqual([[tr('deptReport.comebackWithin'), view.comebackDays]])
    expect(view.comebackDays).toBe(30)
    const failed = tableRows(sheet, tr('deptReport.table.etiquetteFailed')).rows
    expect(failed.map((r) => r.slice(0, 3))).toEqual([
      [items[0]!.label, 2, 3],
      [items[1]!.label, 1, 3],
    ])
  })

  it('answers the same view as JSON for the print page', async () => {
    const report = await t.ok(as('manager'), 'department.report.get', { month: '2026-10' })
    const progress = await t.ok(as('manager'), 'department.progress', { month: '2026-10' })
    expect(report.progress.measures).toEqual(progress.measures)
    expect(report.handIn.dueOn).toBe('2026-11-05')
  })

  it('is read by those who read the department, and handed in only by the front-desk supervisor and the manager', async () => {
    const denied = await t.call(as('advisor1'), 'department.report.xlsx', { month: '2026-10' })
    expect(denied.ok).toBe(false)
    if (!denied.ok) expect(denied.code).toBe('FORBIDDEN')
    const handIn = await t.call(as('advisor1'), 'department.report.handIn', { month: '2026-10' })
    expect(handIn.ok).toBe(false)
    if (!handIn.ok) expect(handIn.code).toBe('FORBIDDEN')
    const dueDay = await t.call(as('frontdesk'), 'department.report.dueDay.set', { day: 10 })
    expect(dueDay.ok).toBe(false)
    if (!dueDay.ok) expect(dueDay.code).toBe('FORBIDDEN')
  })

  it('refuses a hand-in before the month is over', async () => {
    const open = await t.call(as('manager'), 'department.report.handIn', { month: '2026-11' }, { locale: 'en' })
    expect(open.ok).toBe(false)
    if (!open.ok) {
      expect(open.code).toBe('INVALID_STATE')
      expect(open.message).toContain('2026-11 is not over yet')
    }
  })

  it('is late after day N of the next month and on time up to it, across a year end, and audited', async () => {
    // October's report, 27 November: past the 5th, late; the months list shows it.
    const late = await t.ok(as('frontdesk'), 'department.report.handIn', { month: '2026-10', note: '补交' })
    const fd = late.handIns.find((h) => h.role === 'front_desk_supervisor')!
    expect(fd).toMatchObject({ state: 'late', dueOn: '2026-11-05', userName: '李静', note: '补交' })
    expect(late.handIns.find((h) => h.role === 'service_manager')!.state).toBe('overdue')
    const again = await t.call(as('frontdesk'), 'department.report.handIn', { month: '2026-10' }, { locale: 'en' })
    expect(again.ok).toBe(false)
    if (!again.ok) expect(again.code).toBe('CONFLICT')

    // December's report: due 5 January of the next year.
    t.clock.set('2027-01-04T16:00:00+08:00')
    await relogin()
    const onTime = await t.ok(as('manager'), 'department.report.handIn', { month: '2026-12' })
    expect(onTime.dueOn).toBe('2027-01-05')
    expect(onTime.handIns.find((h) => h.role === 'service_manager')!.state).toBe('on_time')
    expect(onTime.handIns.find((h) => h.role === 'front_desk_supervisor')!.state).toBe('due')

    t.clock.set('2027-01-06T09:00:00+08:00')
    await relogin()
    const months = await t.ok(as('manager'), 'department.report.months', { months: 4 })
    expect(months.dueDay).toBe(5)
    expect(months.months.map((m) => [m.month, m.closed])).toEqual([['2027-01', false], ['2026-12', true], ['2026-11', true], ['2026-10', true]])
    const dec = months.months[1]!.handIns
    expect(dec.map((h) => [h.role, h.state])).toEqual([['front_desk_supervisor', 'overdue'], ['service_manager', 'on_time']])
    const frontLate = await t.ok(as('frontdesk'), 'department.report.handIn', { month: '2026-12' })
    expect(frontLate.handIns.find((h) => h.role === 'front_desk_supervisor')!.state).toBe('late')

    // A later due day applies to months not handed in, never to those already judged.
    await t.ok(as('manager'), 'department.report.dueDay.set', { day: 10 })
    const after = await t.ok(as('manager'), 'department.report.months', { months: 4 })
    expect(after.dueDay).toBe(10)
    expect(after.months[1]!.handIns.map((h) => [h.state, h.dueOn])).toEqual([['late', '2027-01-05'], ['on_time', '2027-01-05']])
    expect(after.months[2]!.handIns.map((h) => [h.state, h.dueOn])).toEqual([['overdue', '2026-12-10'], ['overdue', '2026-12-10']])

    const entries = (await t.ok(as('manager'), 'audit.log', { limit: 50 })).rows
    expect(entries.filter((e) => e.action === 'department.report.handIn')).toHaveLength(3)
    expect(entries.filter((e) => e.action === 'department.report.dueDay.set')).toHaveLength(1)
  })
})
