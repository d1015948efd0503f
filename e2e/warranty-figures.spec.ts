import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { Page } from 'playwright-core'
import { hostAndBrowser } from './support/fixture'
import { screenshot, settle } from './support/browser'
import { apiCall, apiLogin } from './support/api'
import { logIn } from './support/desk'
import { zh } from './support/i18n'
import type { MessageKey } from '../src/shared/i18n'
import { percentFromBp } from '../src/shared/format/numbers'

const PASSWORD = 'demo-e2e-pass'
// The demo dealership is generated when the host starts: give a loaded machine time for it.
vi.setConfig({ hookTimeout: 300_000, testTimeout: 300_000 })

// The warranty clerk reads the desk's figures on the demo dealership: the first-submission pass
// rate against 98 %, the maker's reasons and the receivable by age, each band opening the claims
// it counts (their sum is the band's).
describe('the warranty desk’s figures on the demo dealership', () => {
  const env = hostAndBrowser({ demoPassword: PASSWORD, timeoutMs: 280_000 })
  let page: Page
  let clerk = ''
  const shot = async (name: string) => {
    await settle(page, { toastsGone: true })
    await screenshot(page, name, true)
  }

  beforeAll(async () => {
    clerk = await apiLogin(env.host.url, 'warranty', PASSWORD)
    page = env.session.page
    await logIn(page, 'warranty', PASSWORD)
  })

  it('shows the figures on the today view and opens the claims behind an ageing band', async () => {
    const figures = await apiCall(env.host.url, clerk, 'warranty.figures', { months: 6 })
    expect(figures.pass.some((p) => p.decided > 0)).toBe(true)
    for (const band of figures.ageing) {
      const drill = await apiCall(env.host.url, clerk, 'warranty.figures.drill', { figure: 'ageing', bucket: band.bucket })
      expect(drill.claims.reduce((s, c) => s + c.amountFen, 0)).toBe(band.amountFen)
    }
    await page.goto('/#/warranty?tab=today')
    const region = page.getByRole('region', { name: zh('wtyFig.ageing') })
    await region.waitFor()
    await page.getByRole('region', { name: zh('wtyFig.firstPass') }).waitFor()
    await shot('warranty-figures-zh')

    // The latest month with decisions: its bar opens the first-submission decisions behind it.
    const point = [...figures.pass].reverse().find((p) => p.decided > 0)!
    const first = await apiCall(env.host.url, clerk, 'warranty.figures.drill', { figure: 'first_pass', month: point.month })
    expect(first.claims.filter((c) => c.decision === 'approved').length).toBe(point.passed)
    expect(first.claims).toHaveLength(point.decided)
    const label = zh('wtyFig.firstPassPoint', { month: point.month, decided: point.decided, passed: point.passed, value: percentFromBp(point.valueBp) })
    await page.getByRole('button', { name: label }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText(zh('wtyFig.drill.firstPass', { month: point.month })).waitFor()
    await expect.poll(() => dialog.locator('tbody tr.wty-figures-row').count()).toBe(point.decided)
    await screenshot(page, 'warranty-figures-first-pass-drill-zh', false)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })

    // An ageing band opens its claims too (none on the demo: every approved claim is paid).
    const band = figures.ageing[0]!
    await region.locator('tbody tr', { hasText: zh(`wtyFig.bucket.${band.bucket}` as MessageKey) }).click()
    await dialog.getByText(zh('wtyFig.drill.ageingBucket', { bucket: zh(`wtyFig.bucket.${band.bucket}` as MessageKey) })).waitFor()
    await expect.poll(() => dialog.locator('tbody tr.wty-figures-row').count()).toBe(band.claims)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
  })
})
