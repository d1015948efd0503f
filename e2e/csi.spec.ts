import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { localDate } from '../src/shared/domain/calendar'
import { hostAndBrowser } from './support/fixture'
import { shotSettled } from './support/browser'
import { signIn } from './support/desk'
import { apiCall } from './support/api'
import { zh } from './support/i18n'

const PASSWORD = 'demo-e2e-pass'
const SCRATCH = join(import.meta.dirname, '../.scratch')

// The front-desk supervisor's CSI results on the demo dealership: Alt+S opens the last twelve
// months with last month's mystery shopper below target and the item that lost most; a result for
// this month is entered with its items and shows at once, the same figures the host keeps; the
// maker's XLSX is imported (dry run, then all of it); the dashboard shows CSI against its target and
// a month's items on a click.
describe('the maker’s CSI scores on the demo dealership', () => {
  const env = hostAndBrowser({ demoPassword: PASSWORD, timeoutMs: 280_000 })
  let page: Page
  let token = ''
  const month = localDate(new Date(), 'Asia/Shanghai').slice(0, 7)
  const shot = (name: string) => shotSettled(page, name)

  beforeAll(async () => {
    ;({ page, token } = await signIn(env, 'frontdesk', PASSWORD))
  })

  it('opens with Alt+S on the last twelve months, last month’s mystery shopper below target', async () => {
    const list = await apiCall(env.host.url, token, 'csi.list', { months: 12 })
    const latest = list.results.find((r) => r.survey === 'mystery_shopper')!
    expect(latest.scoreTenths).toBeLessThan(latest.targetTenths)
    await page.keyboard.press('Alt+S')
    await page.waitForURL(/#\/csi/)
    const card = page.getByLabel(zh('csiSurvey.mystery_shopper'), { exact: true })
    await card.getByText(zh('csi.belowTarget')).waitFor()
    await card.getByText(latest.weakest[0]!.label).first().waitFor()
    const rows = page.getByRole('table', { name: zh('csi.trend') }).locator('tbody tr')
    expect(await rows.count()).toBe(list.results.length)
    await shot('csi-screen')
  })

  it('enters this month’s phone survey with its items, and the list shows it', async () => {
    await page.getByRole('button', { name: zh('csi.enter') }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel(zh('csi.survey')).click()
    await page.locator('.ant-select-item-option').filter({ hasText: zh('csiSurvey.phone_survey') }).click()
    await dialog.getByLabel(zh('csi.score'), { exact: true }).fill('962.5')
    for (const [code, label, score, max] of [
      ['PS01', '服务顾问', '245', '250'],
      ['PS02', '维修质量', '281.5', '300'],
    ]) {
      await dialog.getByRole('button', { name: zh('csi.addItem') }).click()
      await dialog.getByLabel(zh('csi.itemCode')).last().fill(code!)
      await dialog.getByLabel(zh('csi.itemLabel')).last().fill(label!)
      await dialog.getByLabel(zh('csi.itemScore')).last().fill(score!)
      await dialog.getByLabel(zh('csi.itemMax')).last().fill(max!)
    }
    await shot('csi-entry')
    await dialog.getByRole('button', { name: zh('csi.save') }).click()
    await dialog.waitFor({ state: 'hidden' })
    const saved = (await apiCall(env.host.url, token, 'csi.list', { months: 1 })).results.find((r) => r.survey === 'phone_survey' && r.month === month)!
    expect(saved).toMatchObject({ scoreTenths: 9625, items: [{ code: 'PS01', scoreTenths: 2450 }, { code: 'PS02', scoreTenths: 2815 }] })
    expect(saved.weakest[0]).toMatchObject({ code: 'PS02' })
    const card = page.getByLabel(zh('csiSurvey.phone_survey'), { exact: true })
    await card.getByText('962.5').waitFor()
    await card.getByText(zh('csi.onTarget')).waitFor()
    await shot('csi-saved')
  })

  it('imports the maker’s XLSX: the dry run shows the months, then the import enters them', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('CSI')
    sheet.addRow(['月份', '调查', '总分', '项目代码', '项目', '得分', '满分', '备注'])
    sheet.addRow([month, '神秘客户', 951.5, 'MS01', '接待礼仪', 190, 200, '厂家暗访'])
    sheet.addRow([month, '神秘客户', 951.5, 'MS02', '环车检查', 131.5, 150, ''])
    const file = join(SCRATCH, 'csi-import.xlsx')
    mkdirSync(SCRATCH, { recursive: true })
    await workbook.xlsx.writeFile(file)
    await page.getByRole('button', { name: zh('csiImport.open') }).click()
    const drawer = page.getByRole('dialog')
    await drawer.locator('input[type=file]').setInputFiles(file)
    await drawer.getByText(zh('csiImport.action.enter'), { exact: true }).waitFor()
    await shot('csi-import-preview')
    await drawer.getByRole('button', { name: zh('csiImport.apply', { count: 1 }) }).click()
    await drawer.getByText(zh('csiImport.done', { entered: 1, replaced: 0, unchanged: 0 })).waitFor()
    const saved = (await apiCall(env.host.url, token, 'csi.list', { months: 1 })).results.find((r) => r.survey === 'mystery_shopper' && r.month === month)!
    expect(saved).toMatchObject({ scoreTenths: 9515, note: '厂家暗访', items: [{ code: 'MS01' }, { code: 'MS02', scoreTenths: 1315 }] })
    await drawer.locator('.ant-result').getByRole('button', { name: zh('csiImport.close') }).click()
    await page.getByLabel(zh('csiSurvey.mystery_shopper'), { exact: true }).getByText('951.5', { exact: true }).waitFor()
  })

  it('shows CSI on the dashboard against its target, and a month’s items on a click', async () => {
    await page.keyboard.press('Alt+9')
    await page.waitForURL(/#\/dashboard/)
    const panel = page.getByRole('region', { name: zh('dash.csi.title') })
    const card = panel.getByRole('region', { name: zh('csiSurvey.mystery_shopper') })
    await card.getByText('951.5', { exact: true }).waitFor()
    await card.getByText(zh('dash.csi.pulling')).waitFor()
    await panel.scrollIntoViewIfNeeded()
    await shot('dashboard-csi')
    const trend = await apiCall(env.host.url, token, 'csi.trend', { months: 12 })
    const point = trend.surveys.find((x) => x.survey === 'mystery_shopper')!.points.at(-1)!
    await card.getByRole('button', { name: zh('dash.csi.point', { month: point.month, survey: zh('csiSurvey.mystery_shopper'), score: '951.5', lost: String(point.lostTenths / 10) }) }).click()
    const modal = page.getByRole('dialog')
    await modal.getByText('环车检查').waitFor()
    expect(await modal.locator('tbody tr').count()).toBe(point.items)
    await shot('dashboard-csi-drill')
  })
})
