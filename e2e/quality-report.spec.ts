import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { localDate } from '../src/shared/domain/calendar'
import { handInState, monthsBack } from '../src/shared/domain/dept-report'
import { hostAndBrowser } from './support/fixture'
import { screenshot, settle } from './support/browser'
import { apiCall, apiLogin } from './support/api'
import { signIn } from './support/desk'
import { en, zh } from './support/i18n'

const PASSWORD = 'demo-e2e-pass'
const SCRATCH = join(import.meta.dirname, '../.scratch')

// The technical supervisor's quality register and the monthly department report on the demo
// dealership: a comeback the system proposes is registered as an incident with its analysis and
// closed; last month's report is saved as XLSX (read back here) with the figures of the
// department's channels, printed on one page, and handed in by the manager and the front-desk
// supervisor, on time or late as the due day says; the screens in Chinese and in English.
describe('quality incidents and the monthly department report on the demo dealership', () => {
  const env = hostAndBrowser({ demoPassword: PASSWORD, timeoutMs: 110_000 })
  let page: Page
  let token = ''
  const today = localDate(new Date(), 'Asia/Shanghai')
  const month = today.slice(0, 7)
  const lastMonth = monthsBack(month, 1)
  const shot = async (p: Page, name: string) => {
    await settle(p, { toastsGone: true })
    const path = await screenshot(p, name)
    mkdirSync(SCRATCH, { recursive: true })
    copyFileSync(path, join(SCRATCH, `${name}.png`))
  }
  const pickMonth = async (p: Page, label: string, m: string) => {
    const input = p.getByRole('textbox', { name: label, exact: true }).filter({ visible: true })
    await input.click()
    await input.fill(m)
    await input.press('Enter')
  }

  beforeAll(async () => {
    ;({ page, token } = await signIn(env, 'manager', PASSWORD))
  })

  it('registers a proposed comeback as a quality incident with its analysis, then closes it', async () => {
    // This month's proposals, or last month's when this month has none left (early in a month).
    let at = month
    let proposals = await apiCall(env.host.url, token, 'quality.comebacks', { month })
    if (proposals.length === 0) {
      at = lastMonth
      proposals = await apiCall(env.host.url, token, 'quality.comebacks', { month: lastMonth })
    }
    expect(proposals.length).toBeGreaterThan(0)
    const p = proposals[0]!
    await page.goto('/#/department?tab=quality')
    if (at !== month) await pickMonth(page, zh('dept.month'), at)
    const register = page.getByRole('button', { name: zh('quality.registerOf', { ro: p.roNumber }), exact: true })
    await register.waitFor()
    await shot(page, 'quality-proposed')
    await register.click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel(zh('quality.analysis')).fill('制动片安装后未复紧，技师漏检')
    await dialog.getByLabel(zh('quality.handling')).fill('免费返修，技师专项培训并纳入当月绩效')
    await dialog.getByLabel(zh('quality.costYuan')).fill('180.00')
    await shot(page, 'quality-register-dialog')
    await dialog.getByRole('button', { name: zh('dept.save') }).click()
    await dialog.waitFor({ state: 'hidden' })
    const find = async () => (await apiCall(env.host.url, token, 'quality.incidents', { month: at })).find((q) => q.sourceKey === p.key)
    await expect.poll(async () => (await find())?.state).toBe('open')
    expect(await find()).toMatchObject({ roNumber: p.roNumber, costFen: 18_000, source: p.source, analysis: '制动片安装后未复紧，技师漏检' })
    const proposed = await apiCall(env.host.url, token, 'quality.comebacks', { month: at })
    expect(proposed.map((x) => x.key)).not.toContain(p.key)
    await page.getByRole('button', { name: zh('quality.closeOf', { ro: p.roNumber }), exact: true }).click()
    await expect.poll(async () => (await find())?.state).toBe('closed')
    await page.getByRole('table', { name: zh('quality.register.title') }).getByRole('row').filter({ hasText: p.roNumber }).getByText(zh('incidentState.closed')).first().waitFor()
    await shot(page, 'quality-register')
    // The comeback window is the supervisor's setting: changed here, audited, named on the screen.
    await page.getByLabel(zh('quality.comebackDays')).fill('45')
    await page.getByRole('button', { name: zh('quality.comebackDaysSave') }).click()
    await page.getByText(zh('quality.comebackWindow', { n: 45, d: 30 })).waitFor()
    expect(await apiCall(env.host.url, token, 'quality.comebackDays', {})).toEqual({ days: 45, defaultDays: 30 })
    await shot(page, 'quality-comeback-window')
    await apiCall(env.host.url, token, 'quality.comebackDays.set', { days: 30 })
  })

  it('saves last month’s report as XLSX with the channels’ figures, prints it and hands it in', async () => {
    // Two etiquette checks of an advisor last month, one item failed in the first.
    const items = await apiCall(env.host.url, token, 'department.etiquette.checklist', {})
    const advisor = (await apiCall(env.host.url, token, 'department.staff', {})).find((s) => s.role === 'service_advisor')!
    for (const [day, miss] of [['05', 0], ['19', -1]] as const) {
      await apiCall(env.host.url, token, 'department.etiquette.record', { userId: advisor.userId, checkedOn: `${lastMonth}-${day}`, results: items.map((i, n) => ({ itemId: i.id, passed: n !== miss, note: '' })) })
    }
    await page.goto('/#/department?tab=report')
    await pickMonth(page, zh('dept.month'), lastMonth)
    await page.getByText(zh('deptReport.title', { month: lastMonth })).first().waitFor()
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: zh('deptReport.download') }).click()
    const file = await download
    expect(file.suggestedFilename()).toBe(`department-report-${lastMonth}.xlsx`)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(await file.path())
    expect(wb.worksheets.map((s) => s.name)).toEqual(['targets', 'scorecards', 'campaigns', 'training', 'fives', 'etiquette', 'quality', 'csi', 'handin'].map((k) => zh(`deptReport.sheet.${k}` as never)))
    // The department's measures: the sheet's ROs and production equal department.progress.
    const progress = await apiCall(env.host.url, token, 'department.progress', { month: lastMonth })
    const rows: unknown[][] = []
    wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
    const ros = rows.find((r) => r[0] === zh('deptMeasure.ros'))!
    const production = rows.find((r) => r[0] === zh('deptMeasure.production'))!
    expect(ros[2]).toBe(progress.measures.find((m) => m.measure === 'ros')!.actual)
    expect(production[2]).toBe(progress.measures.find((m) => m.measure === 'production')!.actual / 100)
    // The month's campaign with its analysis, and the quality incidents of the month.
    const campaigns: unknown[][] = []
    wb.getWorksheet(zh('deptReport.sheet.campaigns'))!.eachRow((row) => campaigns.push((row.values as unknown[]).slice(1)))
    const planned = (await apiCall(env.host.url, token, 'campaigns.list', {})).filter((k) => k.month === lastMonth)
    expect(planned.length).toBeGreaterThan(0)
    const analysis = await apiCall(env.host.url, token, 'campaigns.analysis', { id: planned[0]!.id })
    const row = campaigns.find((r) => r[0] === planned[0]!.code)!
    expect(row[8]).toBe(analysis.figures.find((f) => f.figure === 'ros')!.value)
    const incidents = await apiCall(env.host.url, token, 'quality.incidents', { month: lastMonth })
    const quality: unknown[][] = []
    wb.getWorksheet(zh('deptReport.sheet.quality'))!.eachRow((r) => quality.push((r.values as unknown[]).slice(1)))
    for (const q of incidents) expect(quality.some((r) => r[1] === q.roNumber)).toBe(true)
    const etiquette: unknown[][] = []
    wb.getWorksheet(zh('deptReport.sheet.etiquette'))!.eachRow((r) => etiquette.push((r.values as unknown[]).slice(1)))
    expect(etiquette.find((r) => r[0] === advisor.name)!.slice(1, 2)).toEqual([2])
    expect(etiquette.find((r) => r[0] === items[0]!.label)!.slice(1, 3)).toEqual([1, 2])
    await shot(page, 'dept-report')

    await page.getByRole('button', { name: zh('deptReport.print') }).click()
    const sheet = page.getByRole('article', { name: zh('deptReport.title', { month: lastMonth }) })
    await sheet.getByText(zh('deptReport.table.campaigns')).waitFor()
    await sheet.getByText(zh('deptReport.table.etiquettePeople')).waitFor()
    await sheet.getByText(zh('deptReport.table.etiquetteFailed')).waitFor()
    await shot(page, 'dept-report-print')
    await page.getByRole('button', { name: zh('deptReport.back') }).click()

    await page.getByRole('button', { name: zh('deptReport.handInOf', { month: lastMonth }) }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel(zh('deptReport.handInNote')).fill('月度报表已核对')
    await dialog.getByRole('button', { name: zh('deptReport.handIn') }).click()
    await dialog.waitFor({ state: 'hidden' })
    const due = (await apiCall(env.host.url, token, 'department.report.months', { months: 3 })).months.find((m) => m.month === lastMonth)!.dueOn
    const expected = handInState(due, today, today)
    const front = await apiLogin(env.host.url, 'frontdesk', PASSWORD)
    await apiCall(env.host.url, front, 'department.report.handIn', { month: lastMonth })
    const months = await apiCall(env.host.url, token, 'department.report.months', { months: 3 })
    expect(months.months.find((m) => m.month === lastMonth)!.handIns.map((h) => [h.role, h.state])).toEqual([
      ['front_desk_supervisor', expected],
      ['service_manager', expected],
    ])
    const list = page.getByRole('row').filter({ hasText: lastMonth })
    await expect.poll(() => list.getByText(zh(`handInState.${expected}`)).count()).toBe(2)
    await page.getByRole('button', { name: zh('deptReport.handedIn') }).waitFor()
    await shot(page, 'dept-report-handed-in')
  })

  it('shows the report and the quality register in English', async () => {
    const p = await env.session.browser.newPage({ baseURL: env.host.url, locale: 'en', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } })
    await p.goto('/')
    const form = p.getByRole('form', { name: zh('login.title') })
    await form.getByLabel(zh('field.username')).fill('frontdesk')
    await form.getByLabel(zh('field.password')).fill(PASSWORD)
    await form.getByRole('button', { name: zh('login.submit') }).click()
    await p.getByRole('navigation').waitFor()
    await p.locator('.app-header .ant-segmented-item').filter({ hasText: 'English' }).click()
    await p.getByRole('navigation', { name: 'Main menu' }).waitFor()
    await p.goto('/#/department?tab=report')
    await pickMonth(p, en('dept.month'), lastMonth)
    await p.getByText(en('deptReport.title', { month: lastMonth })).first().waitFor()
    await p.getByRole('row').filter({ hasText: lastMonth }).getByText(en('handInState.late')).or(p.getByRole('row').filter({ hasText: lastMonth }).getByText(en('handInState.on_time'))).first().waitFor()
    await shot(p, 'dept-report-en')
    await p.getByRole('button', { name: en('deptReport.print') }).click()
    await p.getByRole('article', { name: en('deptReport.title', { month: lastMonth }) }).waitFor()
    await shot(p, 'dept-report-print-en')
    await p.goto('/#/department?tab=quality')
    await pickMonth(p, en('dept.month'), lastMonth)
    await p.getByRole('table', { name: en('quality.register.title') }).waitFor()
    await shot(p, 'quality-register-en')
    await p.close()
  })
})
