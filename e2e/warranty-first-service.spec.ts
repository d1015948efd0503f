import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { Page } from 'playwright-core'
import { hostAndBrowser } from './support/fixture'
import { screenshot, settle, shotSettled } from './support/browser'
import { apiCall } from './support/api'
import { openCallByPlate, signIn } from './support/desk'
import { zh } from './support/i18n'

const PASSWORD = 'demo-e2e-pass'
// The demo dealership is generated when the host starts: give a loaded machine time for it.
vi.setConfig({ hookTimeout: 300_000, testTimeout: 300_000 })

// The warranty clerk works the first-service list (首保提醒) on the demo dealership: the cars to
// call today, one customer does not answer (off today's list until tomorrow), the next is reached
// and books the first service with the call's reason; the return rate's card opens the cars behind
// a month.
describe('the warranty clerk’s first-service list on the demo dealership', () => {
  const env = hostAndBrowser({ demoPassword: PASSWORD, timeoutMs: 280_000 })
  let page: Page
  let clerk = ''
  const shot = (name: string) => shotSettled(page, name, false)
  const open = (plate: string) => openCallByPlate(page, plate, zh('wty.fs.callTitle', { plate }))

  beforeAll(async () => {
    ;({ page, token: clerk } = await signIn(env, 'warranty', PASSWORD))
  })

  it('logs an unanswered call and books the first service from a reached one', async () => {
    const due = (await apiCall(env.host.url, clerk, 'warranty.firstService.list', { toCall: true })).filter((r) => r.plate !== null && r.mobile !== null && r.status === 'due')
    expect(due.length).toBeGreaterThanOrEqual(2)
    await page.goto('/#/warranty?tab=firstService')
    const table = page.getByRole('table', { name: zh('wty.tab.firstService') })
    await table.locator('tbody tr.clickable').first().waitFor()
    await shot('warranty-first-service-zh')

    const [first, second] = due as [(typeof due)[number], (typeof due)[number]]
    let dialog = await open(first.plate!)
    await dialog.locator('label.ant-radio-button-wrapper', { hasText: zh('callOutcome.no_answer') }).click()
    await dialog.getByRole('button', { name: zh('care.call.save') }).click()
    await dialog.getByRole('list', { name: zh('care.call.history') }).getByText(zh('callOutcome.no_answer'), { exact: false }).waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(await apiCall(env.host.url, clerk, 'warranty.calls.get', { id: first.id })).toMatchObject({ kind: 'first_service', state: 'open', attempts: 1 })
    await expect.poll(async () => (await apiCall(env.host.url, clerk, 'warranty.firstService.list', { toCall: true })).some((r) => r.id === first.id)).toBe(false)

    dialog = await open(second.plate!)
    // A weekday morning a few days ahead, inside the reception's hours.
    const day = new Date(Date.now() + 3 * 86_400_000)
    while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1)
    const date = day.toISOString().slice(0, 10)
    await dialog.getByLabel(zh('care.reminder.startsAt')).fill(`${date}T10:00`)
    await expect.poll(async () => dialog.getByLabel(zh('care.reminder.concern')).inputValue()).toBe(second.reason)
    await settle(dialog)
    await screenshot(page, 'warranty-first-service-call-zh', false)
    await dialog.getByRole('button', { name: zh('wty.calls.saveBook') }).click()
    await dialog.waitFor({ state: 'detached' })
    const booked = await apiCall(env.host.url, clerk, 'warranty.calls.get', { id: second.id })
    expect(booked).toMatchObject({ state: 'booked', appointment: { startsAt: `${date}T10:00:00+08:00`, concern: second.reason, status: 'booked' } })
    await page.getByLabel(zh('care.filter')).fill('')
    await page.locator('.ant-segmented-item', { hasText: new RegExp(`^${zh('wty.fs.filter.all')}$`) }).click()
    await table.getByRole('row', { name: new RegExp(second.plate!) }).getByText(zh('wty.fs.booked')).waitFor()
    await shot('warranty-first-service-all-zh')
  })

  it('shows the return rate on the desk with the cars behind a month', async () => {
    const rates = await apiCall(env.host.url, clerk, 'warranty.firstService.rates', { months: 6 })
    const month = [...rates.points].reverse().find((p) => p.closed > 0)!
    await page.goto('/#/warranty?tab=today')
    const card = page.getByRole('region', { name: zh('wtyFig.firstService'), exact: true })
    await card.waitFor()
    await card.getByRole('button', { name: new RegExp(month.month) }).click()
    const drill = page.getByRole('dialog')
    const rows = drill.getByRole('table', { name: zh('wtyFig.drill.firstService', { month: month.month }) }).locator('tbody tr.ant-table-row')
    await expect.poll(async () => rows.count()).toBe(month.closed)
    await drill.getByText(zh('wtyFig.drill.fsSum', { closed: month.closed, done: month.done, missed: month.closed - month.done })).waitFor()
    await shot('warranty-first-service-rate-zh')
  })

  it('shows the list and the rate in English on request', async () => {
    await apiCall(env.host.url, clerk, 'auth.setLocale', { locale: 'en' })
    await page.goto('/#/warranty?tab=firstService')
    await page.reload()
    await page.locator('.ant-segmented-item', { hasText: /^All$/ }).click()
    await page.getByRole('table', { name: 'First service' }).getByText('First service booked').waitFor()
    await shot('warranty-first-service-en')
    await page.goto('/#/warranty?tab=today')
    await page.getByRole('region', { name: 'First-service return rate', exact: true }).waitFor()
    await page.getByRole('region', { name: 'First-service return rate', exact: true }).scrollIntoViewIfNeeded()
    await shot('warranty-first-service-rate-en')
    expect(env.session.problems).toEqual([])
  })
})
