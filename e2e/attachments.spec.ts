import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { hostAndBrowser } from './support/fixture'
import { screenshot, settle } from './support/browser'
import { apiCall, apiLogin } from './support/api'
import { logIn } from './support/desk'
import { zh } from './support/i18n'

const PASSWORD = 'demo-e2e-pass'
// A 1×1 PNG: a real image for the browser to decode into a thumbnail.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64')

// The warranty clerk attaches a photo to a demo draft claim in the claim editor, sees its
// thumbnail, and saves the claim package as XLSX for the maker's portal.
describe('attachments and the claim package on the demo dealership', () => {
  const env = hostAndBrowser({ demoPassword: PASSWORD, timeoutMs: 240_000 })
  let page: Page
  let claim = { id: 0, number: '' }

  beforeAll(async () => {
    const token = await apiLogin(env.host.url, 'warranty', PASSWORD)
    const drafts = await apiCall(env.host.url, token, 'warranty.claim.list', { state: 'draft', limit: 5 })
    if (!drafts[0]) throw new Error('no demo draft claim')
    claim = { id: drafts[0].id, number: drafts[0].number }
    page = env.session.page
  })

  it('attaches a photo, shows its thumbnail, and exports the package', async () => {
    await logIn(page, 'warranty', PASSWORD)
    await page.getByRole('heading', { name: zh('wty.title'), exact: true }).waitFor()
    await page.evaluate(`window.location.hash = '#/warranty/claim/${claim.id}'`)
    await page.getByRole('heading', { name: claim.number }).waitFor()
    await page.locator('.att-card input[type=file]').setInputFiles({ name: '故障部位.png', mimeType: 'image/png', buffer: PNG })
    const thumb = page.getByRole('img', { name: zh('attachments.thumbnail', { name: '故障部位.png' }) })
    await thumb.waitFor()
    await settle(page, { toastsGone: true })
    await screenshot(page, 'attachments-claim-editor')
    await screenshot(page, 'attachments-card', false)

    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: zh('wty.package.xlsx') }).click()
    const file = await download
    expect(file.suggestedFilename()).toBe(`warranty-claim-${claim.number}.xlsx`)
  })
})
