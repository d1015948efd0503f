import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { hostAndBrowser } from './support/fixture'
import { screenshot, settle } from './support/browser'
import { apiCall, apiLogin } from './support/api'
import { logIn } from './support/desk'
import { en } from './support/i18n'

const PASSWORD = 'demo-e2e-pass'

// The care desk, a complaint case, the call dialog and an RO's insurance panel in English, on the
// demo dealership, each kept as a screenshot for a person to look at (clipped, untranslated or
// awkward text), and each checked for its English headings.
describe('customer care and the insurance panel in English', () => {
  const env = hostAndBrowser({ demoPassword: PASSWORD })
  let page: Page
  let frontdesk = ''
  const shot = async (name: string, full = false) => {
    await settle(page, { toastsGone: true })
    await screenshot(page, name, full)
  }

  beforeAll(async () => {
    frontdesk = await apiLogin(env.host.url, 'frontdesk', PASSWORD)
    page = env.session.page
    await logIn(page, 'frontdesk', PASSWORD)
    await apiCall(env.host.url, frontdesk, 'auth.setLocale', { locale: 'en' })
  })

  it('shows the care desk and the call dialog', async () => {
    await page.goto('/#/care')
    await page.reload()
    const list = page.getByRole('table', { name: en('care.tab.followups') })
    await list.waitFor()
    await shot('care-desk-en')
    await list.locator('tbody tr.ant-table-row').first().click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: en('care.call.start') }).click()
    await dialog.getByRole('button', { name: en('care.call.end') }).click()
    for (const q of ['overall', 'advisor', 'quality', 'price_explained']) await dialog.locator(`#survey-${q}`).getByText('8', { exact: true }).click()
    await dialog.locator('#survey-on_time').getByText('3', { exact: true }).click()
    await dialog.getByText(en('care.call.lowScoreHint', { n: 1, low: 6 })).waitFor()
    await settle(dialog)
    await screenshot(page, 'care-call-dialog-en', false)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
  })

  it('shows a complaint case', async () => {
    await page.getByRole('tab', { name: en('care.tab.complaints'), exact: true }).click()
    const table = page.getByRole('table', { name: en('care.tab.complaints') })
    await table.locator('tbody tr.ant-table-row').first().click()
    const drawer = page.getByRole('dialog')
    await drawer.getByRole('button', { name: en('care.complaint.act') }).or(drawer.getByRole('button', { name: en('care.complaint.assign') })).first().waitFor()
    // The drawer has slid in once its right edge is the window's.
    const width = page.viewportSize()?.width ?? 1440
    await expect.poll(async () => Math.round(((await drawer.locator('.ant-drawer-body').boundingBox()) ?? { x: width, width: width }).x + ((await drawer.locator('.ant-drawer-body').boundingBox())?.width ?? width))).toBeLessThanOrEqual(width)
    await settle(drawer)
    await screenshot(page, 'care-complaint-case-en', false)
    await page.keyboard.press('Escape')
  })

  it('shows an insurance RO’s panel with its claim', async () => {
    const open = await apiCall(env.host.url, frontdesk, 'ro.list', { type: 'insurance', limit: 50 })
    let roId = 0
    for (const r of open.rows) {
      const view = await apiCall(env.host.url, frontdesk, 'insurance.get', { roId: r.id })
      if (view.claim && view.supplements.length > 0) {
        roId = r.id
        break
      }
    }
    if (!roId) throw new Error('no demo insurance RO with a supplement')
    await page.evaluate(`window.location.hash = '#/ro/${roId}'`)
    const panel = page.getByRole('region', { name: en('insv.title') })
    await panel.waitFor()
    await panel.scrollIntoViewIfNeeded()
    await shot('ro-insurance-en', true)
    await apiCall(env.host.url, frontdesk, 'auth.setLocale', { locale: 'zh-CN' })
    expect(env.session.problems).toEqual([])
  })
})
