import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromium } from 'playwright-core'
import { startHttpHost } from '../src/main/host/http'
import { translate } from '../src/shared/i18n'
import type { BenchArea } from './lib/area'
import { BENCH_PASSWORD } from './lib/dataset'
import { latencyMetric, type Metric } from './lib/metric'
import { sampleQueries } from './reception-inputs'

// The desk as the advisor feels it (issue: a typed search result visible ≤ 50 ms after the
// keystroke): the built renderer in Chromium against the HTTP host on the generated dealership.
// Each sample starts at the input event of the keystroke that completes the query and ends at
// the first frame painted after the first result row appears — the debounce, the call, React's
// render and the paint included. Needs the built renderer (`npx electron-vite build`) and
// /usr/bin/chromium; without them the area says so and measures nothing.

const RENDERER = resolve('out/renderer')
const CHROMIUM = '/usr/bin/chromium'
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const SAMPLES = 150
const WARMUP = 20

// Runs in the page (plain JavaScript: the bench is compiled without the DOM's types). Resolves
// with the milliseconds from the keystroke's input event to the frame after the query's own rows.
const PROBE = `({ q, label, searching }) => new Promise((done, fail) => {
  const input = document.querySelector('input[aria-label="' + label + '"]')
  if (!input) return fail(new Error('no search box'))
  // React listens for input events; set the value the way a keystroke does.
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set
  const type = (text) => { setValue.call(input, text); input.dispatchEvent(new Event('input', { bubbles: true })) }
  const hits = () => document.querySelectorAll('#desk-results [role="option"]').length
  // While the new answer loads the list keeps the previous one (no flicker) and the status line
  // says so: the result is there when rows show and the status no longer says searching.
  const status = () => document.querySelector('.search-status')?.textContent ?? ''
  const answered = () => hits() > 0 && !status().includes(searching)
  const start = () => {
    const t0 = performance.now()
    const give = setTimeout(() => fail(new Error('no result for ' + q)), 10000)
    // The moment the first row is in the DOM; the next frame is when it is on the screen.
    const watch = new MutationObserver(() => {
      if (!answered()) return
      watch.disconnect()
      requestAnimationFrame(() => { clearTimeout(give); done(performance.now() - t0) })
    })
    watch.observe(document.body, { childList: true, subtree: true, characterData: true })
    type(q)
  }
  // Start from an empty list, as after Esc.
  type('')
  const waitEmpty = () => (hits() === 0 ? start() : requestAnimationFrame(waitEmpty))
  waitEmpty()
})`

export const deskBench: BenchArea = {
  name: 'desk',
  async run(ctx): Promise<Metric[]> {
    if (!existsSync(resolve(RENDERER, 'index.html')) || !existsSync(CHROMIUM)) {
      ctx.log(`desk: skipped — needs the built renderer in ${RENDERER} (npx electron-vite build) and ${CHROMIUM}`)
      return []
    }
    const queries = sampleQueries(ctx.app.store.sqlite, ctx.rng, Math.ceil((SAMPLES + WARMUP) / 5))
    const host = await startHttpHost(ctx.app, { port: 0, staticDir: RENDERER, log: () => {} })
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true })
    try {
      const page = await browser.newPage({ baseURL: host.url, viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
      page.setDefaultTimeout(15_000)
      await page.goto('/')
      const zh = (key: Parameters<typeof translate>[1]) => translate('zh-CN', key)
      const form = page.getByRole('form', { name: zh('login.title') })
      await form.getByLabel(zh('field.username')).fill('advisor1')
      await form.getByLabel(zh('field.password')).fill(BENCH_PASSWORD)
      await form.getByRole('button', { name: zh('login.submit') }).click()
      await page.getByRole('combobox', { name: zh('desk.searchLabel') }).waitFor()
      ctx.log('desk: typing searches in Chromium …')
      const samples: number[] = []
      for (let i = 0; i < WARMUP + SAMPLES; i++) {
        const q = queries[i % queries.length]!.q
        const ms = Number(await page.evaluate(`(${PROBE})(${JSON.stringify({ q, label: zh('desk.searchLabel'), searching: zh('desk.searching') })})`))
        if (i >= WARMUP) samples.push(ms)
      }
      return [latencyMetric('desk.search.visible_after_keystroke', samples, { field: 'p95_ms', max: 50 })]
    } finally {
      await browser.close()
      await host.close()
    }
  },
}
