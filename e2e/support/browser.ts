import { copyFileSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Locator, type Page } from 'playwright-core'
import { expect } from 'vitest'

// Debian's Chromium, never a downloaded one (see COMMON.md for why these flags).
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export const SCREENSHOTS = resolve(import.meta.dirname, '../../test-results/screenshots')

export interface Session {
  browser: Browser
  page: Page
  /** Console errors and uncaught page errors seen so far: a healthy screen has none. */
  problems: string[]
  /** antd deprecation and React warnings, reported so they get fixed. */
  warnings: string[]
  close(): Promise<void>
}

/** `executablePath` lets a spec run Chromium through a wrapper (e.g. inside a network namespace). */
export async function openBrowser(baseUrl: string, executablePath = '/usr/bin/chromium'): Promise<Session> {
  const browser = await chromium.launch({ executablePath, args: FLAGS, headless: true })
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  const problems: string[] = []
  const warnings: string[] = []
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    const text = message.text()
    if (message.type() === 'error') {
      // A refused call is answered with a 4xx status on purpose; the screen shows its message.
      if (/Failed to load resource: the server responded with a status of 4\d\d/.test(text)) return
      problems.push(`console: ${text}`)
    } else if (message.type() === 'warning') warnings.push(text)
  })
  return { browser, page, problems, warnings, close: () => browser.close() }
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true })
  const path = join(SCREENSHOTS, `${name}.png`)
  await page.screenshot({ path, fullPage })
  return path
}

/** `.scratch/` at the repository's root: the screenshots a spec keeps for a look beside test-results. */
const SCRATCH = resolve(import.meta.dirname, '../../.scratch')

/** The screen once it has settled and its toasts are gone, kept in test-results and in `.scratch/`. */
export async function shotSettled(page: Page, name: string, fullPage = true): Promise<string> {
  await settle(page, { toastsGone: true })
  const path = await screenshot(page, name, fullPage)
  mkdirSync(SCRATCH, { recursive: true })
  copyFileSync(path, join(SCRATCH, `${name}.png`))
  return path
}

export interface SettleOptions {
  /** On a page: the parts of it to watch (a CSS selector). Default: the whole page. */
  within?: string
  /** On a page: first wait until the toasts (antd messages) have gone. */
  toastsGone?: boolean
  timeout?: number
}

/**
 * The one "settle": waits until nothing moves any more, so a screenshot is sharp and a click lands
 * where it aims. Given a dialog, drawer or panel, it waits for it to show and parks the pointer in
 * a corner first, so a hover transition does not keep running; given a page, it watches the page
 * (or the parts `within` names) as it is.
 *
 * Ignored, because they never settle in headless Chromium: endless animations (a spinner), antd's
 * click wave and the leave motion of a button's spinner after loading ends (a loading button keeps
 * its class).
 */
export async function settle(target: Locator | Page, options: SettleOptions = {}): Promise<void> {
  const isPage = 'goto' in target
  const page = isPage ? target : target.page()
  if (isPage) {
    if (options.toastsGone) await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 5_000 })
  } else {
    await target.waitFor()
    await page.mouse.move(1, 1)
  }
  const root = isPage ? page.locator('html') : target
  const within = isPage ? (options.within ?? 'body') : null
  await expect
    .poll(
      () =>
        root.evaluate(
          (el, selector) =>
            (selector ? [...el.ownerDocument.querySelectorAll(selector)] : [el])
              .flatMap((r) => r.getAnimations({ subtree: true }))
              .filter((a: { playState: string; effect: unknown }) => {
                const effect = a.effect as { target?: { closest?: (s: string) => unknown }; getTiming?: () => { iterations?: number } } | null
                const target = effect?.target
                const endless = !Number.isFinite(effect?.getTiming?.().iterations ?? 1)
                const spent = Boolean(target?.closest?.('.ant-btn')) && !target?.closest?.('.ant-btn-loading')
                return a.playState === 'running' && !endless && !target?.closest?.('.ant-wave') && !spent
              }).length,
          within,
        ),
      { timeout: options.timeout ?? 5000 },
    )
    .toBe(0)
}
