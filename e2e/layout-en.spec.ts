import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { hostAndBrowser } from './support/fixture'
import { screenshot } from './support/browser'
import { zh } from './support/i18n'

// English runs longer than Chinese: every list a clerk reads must still show its whole column
// headers and menu labels, on the office's 1366×768 screens and on 1920×1080 ones alike.

const PASSWORD = 'demo-e2e-pass'
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const
/** Screens with the tables people work from, as the manager (most menus) and the parts supervisor see them. */
const SCREENS: Record<string, readonly string[]> = {
  manager: ['#/reception', '#/ros', '#/appointments', '#/workshop', '#/workshop?tab=summary', '#/settlement', '#/settlement?tab=receivables', '#/alerts', '#/alerts?tab=rules', '#/dashboard', '#/data'],
  admin: ['#/data'],
  partsup: ['#/parts', '#/parts?tab=catalogue', '#/parts?tab=purchasing', '#/parts?tab=external', '#/parts?tab=oldParts', '#/parts?tab=stocktake', '#/parts?tab=bins', '#/parts?tab=valuation'],
}

async function logInEnglish(page: Page, username: string) {
  await page.goto('/')
  const form = page.getByRole('form', { name: zh('login.title') })
  await form.getByLabel(zh('field.username')).fill(username)
  await form.getByLabel(zh('field.password')).fill(PASSWORD)
  await form.getByRole('button', { name: zh('login.submit') }).click()
  await page.getByRole('navigation').waitFor()
  await page.locator('.app-header .ant-segmented-item').filter({ hasText: 'English' }).click()
  await page.getByRole('navigation', { name: 'Main menu' }).waitFor()
}

/** Header cells whose text is cut off, and menu labels that run under their shortcut; and how many headers were read. */
function clippedText(page: Page) {
  return page.locator('body').evaluate((body) => {
    const problems: string[] = []
    let headers = 0
    for (const th of body.querySelectorAll('.ant-table-thead th')) {
      const text = th.textContent?.trim() ?? ''
      if (!text) continue
      headers += 1
      const inner = th.querySelector('.ant-table-column-title') ?? th
      if (inner.scrollWidth > inner.clientWidth + 1 || th.scrollWidth > th.clientWidth + 1) problems.push(`header "${text}"`)
    }
    for (const link of body.querySelectorAll('.nav-link')) {
      const [label, key] = [...link.children]
      if (!label || !key) continue
      if (label.getBoundingClientRect().right > key.getBoundingClientRect().left || label.scrollWidth > label.clientWidth + 1) problems.push(`menu "${label.textContent}"`)
    }
    return { problems, headers }
  })
}

describe('the English screens at office and full-HD sizes', () => {
  const env = hostAndBrowser({ demoPassword: PASSWORD })

  for (const [user, screens] of Object.entries(SCREENS)) {
    it(`shows ${user}'s lists with whole column headers and menu labels`, async () => {
      const page = await env.session.browser.newPage({ baseURL: env.host.url, locale: 'en', timezoneId: 'Asia/Shanghai' })
      page.setDefaultTimeout(15_000)
      await logInEnglish(page, user)
      const found: string[] = []
      let read = 0
      for (const size of SIZES) {
        await page.setViewportSize(size)
        for (const hash of screens) {
          await page.goto(`/${hash}`)
          await page.getByRole('navigation', { name: 'Main menu' }).waitFor()
          // Lists load after the screen: wait until the spinners are gone.
          await expect.poll(() => page.locator('.ant-spin-spinning, .ant-skeleton').count(), { timeout: 15_000 }).toBe(0)
          const { problems, headers } = await clippedText(page)
          read += headers
          for (const p of problems) found.push(`${size.width}×${size.height} ${hash}: ${p}`)
          if (hash === '#/parts?tab=external' || hash === '#/ros') await screenshot(page, `layout-en-${hash.replace(/\W+/g, '-')}-${size.width}`, false)
        }
      }
      await page.close()
      if (user !== 'admin') expect(read).toBeGreaterThan(40)
      expect([...new Set(found)]).toEqual([])
    })
  }
})
