import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { hostAndBrowser } from './support/fixture'
import { screenshot, settle } from './support/browser'
import { apiCall, apiLogin } from './support/api'
import { logIn } from './support/desk'
import { zh } from './support/i18n'

const PASSWORD = 'demo-e2e-pass'
const SCRATCH = join(import.meta.dirname, '../.scratch')

/** Picks a button-style radio by its exact label (the input itself is hidden under its label). */
async function choose(scope: Locator, label: string): Promise<void> {
  await scope.locator('.ant-radio-button-wrapper').filter({ hasText: new RegExp(`^${label}$`) }).click()
}

// The front-desk supervisor registers a complaint at the reception desk from the keyboard: Alt+T
// opens the form, the desk's search finds the car, Enter picks it and then saves; the case shows
// on the complaints register with the deadline its severity gives.
describe('registering a complaint at the reception desk', () => {
  const env = hostAndBrowser({ demoPassword: PASSWORD, timeoutMs: 280_000 })
  let page: Page
  let token = ''
  let car = { plate: '', roNumber: '', customerName: '' }
  const shot = async (name: string) => {
    await settle(page, { toastsGone: true })
    const path = await screenshot(page, name, false)
    mkdirSync(SCRATCH, { recursive: true })
    copyFileSync(path, join(SCRATCH, `${name}.png`))
  }

  beforeAll(async () => {
    token = await apiLogin(env.host.url, 'frontdesk', PASSWORD)
    // A delivered demo RO (it has a follow-up) on a car with a plate.
    const followUps = await apiCall(env.host.url, token, 'care.followups.list', { state: 'all', limit: 100 })
    const f = followUps.find((row) => row.plate !== null)
    if (!f) throw new Error('no delivered demo RO with a plate')
    car = { plate: f.plate!, roNumber: f.roNumber, customerName: f.customerName }
    page = env.session.page
    await logIn(page, 'frontdesk', PASSWORD)
  })

  it('opens the form with Alt+T, finds the car by the desk search and refuses to save without a category', async () => {
    await page.keyboard.press('Alt+Digit1')
    await page.getByLabel(zh('desk.searchLabel')).waitFor()
    await page.keyboard.press('Alt+KeyT')
    const dialog = page.getByRole('dialog', { name: zh('careDesk.registerTitle') })
    const find = dialog.getByRole('combobox', { name: zh('careDesk.find') })
    await find.waitFor()
    await find.fill(car.plate)
    await dialog.getByRole('option').first().waitFor()
    await shot('care-complaint-search')
    await page.keyboard.press('Enter')
    await dialog.getByText(car.customerName).waitFor()
    // The words have the focus once the car is picked; Enter there saves.
    await page.keyboard.type('上次保养后仪表盘一直报警，来了两次都没修好')
    await page.keyboard.press('Enter')
    await dialog.getByText(zh('careDesk.pickCategory')).waitFor()
    await shot('care-complaint-refused')
  })

  it('saves with Enter and the case shows on the register with its deadline', async () => {
    const dialog = page.getByRole('dialog', { name: zh('careDesk.registerTitle') })
    await dialog.getByRole('combobox', { name: zh('careDesk.ro') }).click()
    await page.locator('.ant-select-item-option').filter({ hasText: car.roNumber }).first().click()
    await choose(dialog, zh('complaintSource.phone'))
    await choose(dialog, zh('complaintCategory.quality'))
    await choose(dialog, zh('complaintSeverity.high'))
    await shot('care-complaint-form')
    await dialog.getByLabel(zh('care.complaint.words')).focus()
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'detached' })

    const active = await apiCall(env.host.url, token, 'care.complaints.list', { state: 'active' })
    const c = active.find((row) => row.words === '上次保养后仪表盘一直报警，来了两次都没修好')
    expect(c).toMatchObject({ source: 'phone', category: 'quality', severity: 'high', roNumber: car.roNumber, customerName: car.customerName, state: 'open' })
    // Severe: 24 hours to resolve.
    expect(Date.parse(c!.dueAt) - Date.parse(c!.openedAt)).toBe(24 * 3600_000)

    await page.keyboard.press('Alt+KeyK')
    await page.getByRole('tab', { name: zh('care.tab.complaints'), exact: true }).click()
    const table = page.getByRole('table', { name: zh('care.tab.complaints') })
    const row = table.getByRole('row', { name: c!.number })
    await row.waitFor()
    const due = c!.dueAt.replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}).*$/, '$1 $2')
    await row.getByText(due).waitFor()
    await shot('care-complaint-register')
  })

  it('registers a phone complaint from the register itself', async () => {
    await page.getByRole('button', { name: zh('careDesk.register') }).click()
    const dialog = page.getByRole('dialog', { name: zh('careDesk.registerTitle') })
    await dialog.getByRole('combobox', { name: zh('careDesk.find') }).fill(car.plate)
    await dialog.getByRole('option').first().waitFor()
    await page.keyboard.press('Enter')
    await choose(dialog, zh('complaintCategory.price'))
    await dialog.getByLabel(zh('care.complaint.words')).fill('结算价格比报价高了三百块')
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'detached' })
    await page.getByRole('table', { name: zh('care.tab.complaints') }).getByText('结算价格比报价高了三百块').waitFor()
    const active = await apiCall(env.host.url, token, 'care.complaints.list', { state: 'active' })
    expect(active.find((row) => row.words === '结算价格比报价高了三百块')).toMatchObject({ source: 'phone', severity: 'medium' })
  })

  it('prints the complaints register and the follow-up list through the print frame', async () => {
    const active = await apiCall(env.host.url, token, 'care.complaints.list', { state: 'active' })
    await page.getByRole('button', { name: zh('careDesk.print') }).click()
    const sheet = page.getByRole('article', { name: zh('careDesk.sheet.complaints') })
    await sheet.waitFor()
    for (const c of active) await sheet.getByText(c.number).waitFor()
    await shot('care-complaint-print')
    await page.keyboard.press('Escape')
    await page.getByRole('table', { name: zh('care.tab.complaints') }).waitFor()

    await page.getByRole('tab', { name: zh('care.tab.followups'), exact: true }).click()
    await page.getByRole('table', { name: zh('care.tab.followups') }).locator('tbody tr').first().waitFor()
    await page.keyboard.press('Control+KeyP')
    const list = page.getByRole('article', { name: zh('careDesk.sheet.followups') })
    await list.waitFor()
    const open = await apiCall(env.host.url, token, 'care.followups.list', { state: 'open', limit: 500 })
    expect(await list.locator('tbody tr').count()).toBe(open.length)
    await shot('care-followups-print')
    await page.getByRole('button', { name: zh('careDesk.back') }).click()
    await page.getByRole('table', { name: zh('care.tab.followups') }).waitFor()
  })
})
