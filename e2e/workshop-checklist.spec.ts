import { beforeAll, describe, expect, it } from 'vitest'
import { hostAndBrowser } from './support/fixture'
import { screenshot, settle } from './support/browser'
import { apiCall, apiLogin } from './support/api'
import { logIn } from './support/desk'
import { isMessageKey } from '../src/shared/i18n'
import { zh } from './support/i18n'

const PASSWORD = 'demo-e2e-pass'
const ITEM = '雨刮、喷水功能正常'

describe('final-inspection checklist set-up', () => {
  const env = hostAndBrowser({ demoPassword: PASSWORD })
  let token = ''

  beforeAll(async () => {
    token = await apiLogin(env.host.url, 'techsup', PASSWORD)
  })

  it('lets the technical supervisor add an item to the maintenance checklist, in the order chosen', async () => {
    const { page } = env.session
    const before = await apiCall(env.host.url, token, 'workshop.qc.checklist', { type: 'maintenance' })
    await logIn(page, 'techsup', PASSWORD)
    await page.goto('/#/workshop?tab=settings')

    const list = page.getByLabel(zh('wk.checklist.listOf', { type: zh('roType.maintenance') }))
    const last = before.at(-1)!
    await list.getByText(isMessageKey(last.label) ? zh(last.label) : last.label).waitFor()

    await page.getByLabel(zh('wk.checklist.newItem')).fill(ITEM)
    await page.getByRole('button', { name: zh('wk.checklist.add') }).click()
    await list.getByText(ITEM).waitFor()
    // Put the new item before the last seeded one, so the order sent is checked too.
    await page.getByRole('button', { name: zh('wk.checklist.moveUp', { label: ITEM }) }).click()
    await page.getByRole('button', { name: zh('wk.checklist.save') }).click()
    await page.locator('.ant-message').getByText(zh('wk.checklist.saved', { type: zh('roType.maintenance') })).waitFor()

    const after = await apiCall(env.host.url, token, 'workshop.qc.checklist', { type: 'maintenance' })
    expect(after.map((i) => i.label)).toEqual([...before.slice(0, -1).map((i) => i.label), ITEM, last.label])
    expect(after.at(-1)?.id).toBe(last.id)
    // Saved: no longer marked as unsaved, and the save button waits for the next edit.
    await expect.poll(() => list.getByText(zh('wk.checklist.unsaved')).count()).toBe(0)
    expect(await page.getByRole('button', { name: zh('wk.checklist.save') }).isDisabled()).toBe(true)

    await page.mouse.move(1, 1)
    await page.locator('.ant-message-notice').waitFor({ state: 'detached' })
    await settle(page.locator('.ws-settings'))
    await screenshot(page, 'workshop-checklist', false)
    expect(env.session.problems).toEqual([])
  })

  it('shows the host’s refusal of an empty checklist and keeps the saved one', async () => {
    const { page } = env.session
    const saved = await apiCall(env.host.url, token, 'workshop.qc.checklist', { type: 'internal' })
    await page.getByRole('combobox', { name: zh('wk.checklist.type') }).click()
    await page.locator('.ant-select-item-option').filter({ hasText: zh('roType.internal') }).click()
    const list = page.getByLabel(zh('wk.checklist.listOf', { type: zh('roType.internal') }))
    for (const item of saved) {
      const label = isMessageKey(item.label) ? zh(item.label) : item.label
      await list.getByRole('button', { name: zh('wk.checklist.remove', { label }) }).click()
    }
    await page.getByRole('button', { name: zh('wk.checklist.save') }).click()
    const refusal = page.locator('.ws-checklist-error')
    await refusal.waitFor()
    expect((await refusal.textContent())?.trim()).not.toBe('')
    await settle(refusal)
    await screenshot(page, 'workshop-checklist-refused', false)
    expect(await apiCall(env.host.url, token, 'workshop.qc.checklist', { type: 'internal' })).toEqual(saved)

    await page.getByRole('button', { name: zh('wk.checklist.discard') }).click()
    await expect.poll(() => list.getByRole('row').count()).toBe(saved.length + 1)
    expect(env.session.problems).toEqual([])
  })
})
