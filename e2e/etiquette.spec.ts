import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { localDate } from '../src/shared/domain/calendar'
import { hostAndBrowser } from './support/fixture'
import { shotSettled } from './support/browser'
import { apiCall } from './support/api'
import { signIn } from './support/desk'
import { zh } from './support/i18n'

const PASSWORD = 'demo-e2e-pass'

// The service manager on the demo dealership records an etiquette check of an advisor (two items
// failed, with a note) and sees it as the month's etiquette score on the advisor's scorecard; sets
// the advisors' RO target for the month and sees target against actual there, with the formula.
describe('etiquette checks and KPI targets on the demo dealership', () => {
  const env = hostAndBrowser({ demoPassword: PASSWORD })
  let page: Page
  let token = ''
  const month = localDate(new Date(), 'Asia/Shanghai').slice(0, 7)
  const shot = (name: string) => shotSettled(page, name)

  beforeAll(async () => {
    ;({ page, token } = await signIn(env, 'manager', PASSWORD))
  })

  it('records an etiquette check and shows it on the advisor’s scorecard', async () => {
    const advisor = (await apiCall(env.host.url, token, 'department.staff', {})).find((s) => s.role === 'service_advisor')!
    const items = await apiCall(env.host.url, token, 'department.etiquette.checklist', {})
    await page.keyboard.press('Alt+M')
    await page.waitForURL(/#\/department/)
    await page.getByRole('tab', { name: zh('dept.tab.etiquette') }).click()
    await page.getByRole('button', { name: zh('etiquette.record') }).click()
    const dialog = page.getByRole('dialog', { name: zh('etiquette.record') })
    const box = dialog.getByRole('combobox', { name: zh('etiquette.person') })
    await box.click()
    await box.fill(advisor.name)
    await page.locator('.ant-select-item-option').filter({ hasText: advisor.name }).first().click()
    await dialog.getByLabel(zh('etiquette.passedOf', { n: 3, label: items[2]!.label })).uncheck()
    await dialog.getByLabel(zh('etiquette.noteOf', { n: 3 })).fill('未与客户一起环车')
    await dialog.getByLabel(zh('etiquette.passedOf', { n: 4, label: items[3]!.label })).uncheck()
    await dialog.getByText(zh('etiquette.total', { p: items.length - 2, n: items.length })).waitFor()
    await shot('etiquette-check')
    await dialog.getByRole('button', { name: zh('dept.save') }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByRole('table', { name: zh('etiquette.monthChecks') }).getByText('未与客户一起环车').waitFor()
    await shot('etiquette-tab')

    const card = await apiCall(env.host.url, token, 'department.scorecard', { month, userId: advisor.userId })
    const mine = card.etiquette.checks.at(-1)!
    expect(mine).toMatchObject({ passed: items.length - 2, items: items.length })
    expect(card.etiquette.scoreBp).toBe(Math.round(card.etiquette.checks.reduce((s, c) => s + c.scoreBp, 0) / card.etiquette.checks.length))
    await page.getByRole('tab', { name: zh('dept.tab.scorecards') }).click()
    await page.getByRole('table', { name: zh('dept.scorecards') }).getByRole('button', { name: advisor.name }).click()
    await page.getByText(zh('dept.scorecardOf', { name: advisor.name, month })).waitFor()
    const score = page.locator('.dept-card th', { hasText: zh('etiquette.monthScore', { n: card.etiquette.checks.length }) }).locator('xpath=following-sibling::td[1]')
    await expect.poll(() => score.textContent()).toMatch(/%$/)
    await page.getByRole('table', { name: zh('etiquette.monthChecks') }).getByText('未与客户一起环车').waitFor()
    await page.getByRole('button', { name: zh('dept.backToList') }).click()
    expect(env.session.problems).toEqual([])
  })

  it('sets the advisors’ RO target for the month and shows target against actual on the scorecard', async () => {
    const advisor = (await apiCall(env.host.url, token, 'department.staff', {})).find((s) => s.role === 'service_advisor')!
    await page.getByRole('tab', { name: zh('dept.tab.targets') }).click()
    const table = page.getByRole('table', { name: zh('kpi.title') })
    const label = zh('kpi.targetOf', { kpi: zh('kpi.ros') })
    await table.getByRole('textbox', { name: label, exact: true }).fill('25')
    await table.getByRole('button', { name: `${zh('kpi.save')} ${label}` }).click()
    await expect.poll(async () => (await apiCall(env.host.url, token, 'department.kpi.targets', { month })).rows.find((r) => r.kpi === 'ros')?.target).toBe(25)
    await table.getByText(zh('kpi.formula.fill_rate')).waitFor()
    await shot('kpi-targets')

    const card = await apiCall(env.host.url, token, 'department.scorecard', { month, userId: advisor.userId })
    const ros = card.kpis.find((k) => k.kpi === 'ros')!
    expect(ros).toEqual({ kpi: 'ros', target: 25, actual: card.advisor!.ros, met: card.advisor!.ros >= 25 })
    await page.getByRole('tab', { name: zh('dept.tab.scorecards') }).click()
    await page.getByRole('table', { name: zh('dept.scorecards') }).getByRole('button', { name: advisor.name }).click()
    const kpis = page.getByRole('table', { name: zh('kpi.onScorecard') })
    const row = kpis.getByRole('row').filter({ hasText: zh('kpi.formula.ros') })
    await row.getByRole('cell', { name: '25', exact: true }).waitFor()
    const actualButton = row.getByRole('button', { name: zh('kpi.drillOf', { kpi: zh('kpi.ros') }) })
    await expect.poll(() => actualButton.textContent()).toBe(String(card.advisor!.ros))
    await shot('kpi-scorecard')
    // The actual drills down to its ROs: the same rows the department's drill-down counts.
    await actualButton.click()
    const drill = page.getByRole('dialog')
    await drill.getByText(zh('dept.formula.ros')).waitFor()
    await expect.poll(() => drill.locator('strong').first().textContent()).toBe(String(card.advisor!.ros))
    const rows = await apiCall(env.host.url, token, 'department.drill', { month, measure: 'ros', userId: advisor.userId, limit: 500 })
    expect(rows.rows.length).toBe(ros.actual)
    await drill.getByRole('table').waitFor()
    await shot('kpi-scorecard-drill')
    await page.keyboard.press('Escape')
    await drill.waitFor({ state: 'hidden' })
    expect(env.session.problems).toEqual([])
  })
})
