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

// The warranty clerk works today's call list on the demo dealership: the coverage-expiry calls are
// on the desk's today view and its "calls due" tab; one customer does not answer (tried again
// tomorrow, off today's list), the next is reached and books a check-up whose concern is the
// call's reason.
describe('the warranty clerk’s call list on the demo dealership', () => {
  const env = hostAndBrowser({ demoPassword: PASSWORD, timeoutMs: 280_000 })
  let page: Page
  let clerk = ''
  const shot = (name: string) => shotSettled(page, name, false)
  const open = (plate: string) => openCallByPlate(page, plate, zh('wty.calls.title', { plate }))

  beforeAll(async () => {
    ;({ page, token: clerk } = await signIn(env, 'warranty', PASSWORD))
  })

  it('shows today’s calls on the desk’s today view and works them on the calls tab', async () => {
    const due = (await apiCall(env.host.url, clerk, 'warranty.calls.list', {})).filter((r) => r.plate !== null && r.mobile !== null)
    expect(due.length).toBeGreaterThanOrEqual(2)
    await page.goto('/#/warranty?tab=today')
    await page.getByRole('table', { name: zh('wty.today.calls') }).locator('tbody tr.clickable').first().waitFor()
    await shot('warranty-today-calls-zh')

    await page.goto('/#/warranty?tab=calls')
    const table = page.getByRole('table', { name: zh('wty.tab.calls') })
    await table.locator('tbody tr.clickable').first().waitFor()
    await shot('warranty-calls-zh')

    const [first, second] = due as [(typeof due)[number], (typeof due)[number]]
    let dialog = await open(first.plate!)
    await dialog.locator('label.ant-radio-button-wrapper', { hasText: zh('callOutcome.no_answer') }).click()
    await dialog.getByRole('button', { name: zh('care.call.save') }).click()
    await dialog.getByRole('list', { name: zh('care.call.history') }).getByText(zh('callOutcome.no_answer'), { exact: false }).waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    const tried = await apiCall(env.host.url, clerk, 'warranty.calls.get', { id: first.id })
    expect(tried).toMatchObject({ state: 'open', attempts: 1 })
    expect(tried.nextTryAt).not.toBeNull()
    await expect.poll(async () => (await apiCall(env.host.url, clerk, 'warranty.calls.list', {})).some((r) => r.id === first.id)).toBe(false)

    dialog = await open(second.plate!)
    // A weekday morning a few days ahead, inside the reception's hours.
    const day = new Date(Date.now() + 3 * 86_400_000)
    while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1)
    const date = day.toISOString().slice(0, 10)
    await dialog.getByLabel(zh('care.reminder.startsAt')).fill(`${date}T10:00`)
    await expect.poll(async () => dialog.getByLabel(zh('care.reminder.concern')).inputValue()).toBe(second.reason)
    await settle(dialog)
    await screenshot(page, 'warranty-call-dialog-zh', false)
    await dialog.getByRole('button', { name: zh('wty.calls.saveBook') }).click()
    await dialog.waitFor({ state: 'detached' })
    const booked = await apiCall(env.host.url, clerk, 'warranty.calls.get', { id: second.id })
    expect(booked).toMatchObject({ state: 'booked', appointment: { startsAt: `${date}T10:00:00+08:00`, concern: second.reason, status: 'booked' } })
    const day2 = await apiCall(env.host.url, clerk, 'appointments.day', { date })
    expect(day2.find((a) => a.id === booked.appointment!.id)).toMatchObject({ vehicleId: second.vehicleId, concern: second.reason })
    await expect.poll(async () => (await table.locator('tbody tr.clickable').count()) < due.length + 1).toBe(true)
    await shot('warranty-calls-after-zh')
  })
})
