import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { hostAndBrowser } from './support/fixture'
import { screenshot, settle } from './support/browser'
import { apiCall } from './support/api'
import { signIn } from './support/desk'
import { zh } from './support/i18n'

const PASSWORD = 'demo-e2e-pass'
const SCRATCH = join(import.meta.dirname, '../.scratch')

// The front-desk supervisor's care desk on the demo dealership: the retention funnel and the lost
// customers; the follow-up survey reworded and a question added as a new version, which the next
// follow-up call asks while a past call keeps the questions it was asked.
describe('the care desk’s retention tab and survey template', () => {
  const env = hostAndBrowser({ demoPassword: PASSWORD, timeoutMs: 280_000 })
  let page: Page
  let token = ''
  const shot = async (name: string) => {
    await settle(page, { toastsGone: true })
    const path = await screenshot(page, name, false)
    mkdirSync(SCRATCH, { recursive: true })
    copyFileSync(path, join(SCRATCH, `${name}.png`))
  }

  beforeAll(async () => {
    ;({ page, token } = await signIn(env, 'frontdesk', PASSWORD))
  })

  it('shows the retention funnel per model year and the lost customers', async () => {
    await page.keyboard.press('Alt+KeyK')
    await page.getByRole('tab', { name: zh('care.tab.retention'), exact: true }).click()
    const funnel = page.getByRole('table', { name: zh('care.retention.title') })
    await funnel.locator('tbody tr').first().waitFor()
    const lost = await apiCall(env.host.url, token, 'care.lost', {})
    const lostTable = page.getByRole('table', { name: zh('care.lost.title', { months: lost.months }) })
    if (lost.rows.length > 0) await lostTable.getByText(lost.rows[0]!.customerName).first().waitFor()
    await shot('care-retention')
  })

  it('rewords a question and adds one as a new version; the next call asks them, a past call keeps its own', async () => {
    const past = (await apiCall(env.host.url, token, 'care.followups.list', { state: 'closed', limit: 50 })).find((f) => f.state === 'done')
    await page.getByRole('tab', { name: zh('care.tab.survey'), exact: true }).click()
    const editor = page.getByRole('region', { name: zh('care.tab.survey') })
    await editor.getByText(zh('care.survey.title', { version: 1 })).waitFor()
    await editor.getByLabel(`${zh('care.survey.question')} 1`).fill('您对这次来店的总体满意度打几分？')
    await editor.getByRole('button', { name: zh('care.survey.add') }).click()
    await editor.getByLabel(`${zh('care.survey.question')} 6`).fill('车辆是否洗得干净？')
    await editor.getByRole('button', { name: `${zh('care.survey.up')} 6` }).click()
    await shot('care-survey-editor')
    await editor.getByRole('button', { name: zh('care.survey.save') }).click()
    await editor.getByText(zh('care.survey.title', { version: 2 })).waitFor()
    const saved = await apiCall(env.host.url, token, 'care.survey.get', {})
    expect(saved.questions.map((q) => q.text)).toEqual(['您对这次来店的总体满意度打几分？', null, null, null, '车辆是否洗得干净？', null])

    await page.getByRole('tab', { name: zh('care.tab.followups'), exact: true }).click()
    await page.getByRole('table', { name: zh('care.tab.followups') }).locator('tbody tr').first().click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText('车辆是否洗得干净？').waitFor()
    await dialog.getByText('您对这次来店的总体满意度打几分？').waitFor()
    await shot('care-call-new-survey')
    await page.keyboard.press('Escape')
    if (past) {
      const view = await apiCall(env.host.url, token, 'care.followups.get', { id: past.id })
      const asked = view.calls.find((c) => c.answers.length > 0)
      expect(asked?.answers.map((a) => [a.question, a.text])).toEqual(['overall', 'advisor', 'quality', 'on_time', 'price_explained'].map((q) => [q, null]))
    }
  })
})
