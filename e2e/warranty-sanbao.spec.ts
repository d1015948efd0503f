import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { hostAndBrowser } from './support/fixture'
import { screenshot, settle } from './support/browser'
import { apiCall, apiLogin, checkInFreeVehicle } from './support/api'
import { logIn } from './support/desk'
import { zh } from './support/i18n'

const PASSWORD = 'demo-e2e-pass'

// 三包 on the demo dealership: a car in the workshop with warranty work; the manager lowers the
// repair-days threshold of the `sanbao_threshold` rule to 1 (and widens its km) so the one day it has been in counts
// as reached. The warranty clerk finds the car on the desk's vehicle view and reads its coverage
// and counters; the advisor opening its RO sees the 三包 banner.
describe('三包 counters on the demo dealership', () => {
  // A loaded machine can take minutes to generate the demo dealership.
  const env = hostAndBrowser({ demoPassword: PASSWORD, timeoutMs: 480_000 })
  let page: Page
  const tokens: Record<string, string> = {}
  let ro = { id: 0, number: '' }
  let plate = ''
  const shot = async (name: string) => {
    await settle(page, { toastsGone: true })
    await screenshot(page, name, true)
  }

  beforeAll(async () => {
    for (const u of ['advisor1', 'warranty', 'admin']) tokens[u] = await apiLogin(env.host.url, u, PASSWORD)
    const { vehicle, ro: checkedIn } = await checkInFreeVehicle(env.host.url, tokens.advisor1!, { kmDriven: 300, fuelEighths: 4, concerns: '仪表盘发动机故障灯常亮' })
    plate = vehicle.plate
    await apiCall(env.host.url, tokens.warranty!, 'warranty.setStart', { vehicleId: vehicle.vehicleId, startsOn: '2025-09-01' })
    const settings = await apiCall(env.host.url, tokens.advisor1!, 'settings.get', {})
    const detail = await apiCall(env.host.url, tokens.advisor1!, 'ro.saveLines', {
      id: checkedIn.id,
      version: checkedIn.version,
      lines: [{ kind: 'labour', description: '检查发动机故障灯', quantityMilli: 1000, unitPriceFen: settings.labourRateFen, payer: 'warranty' }],
    })
    ro = { id: detail.id, number: detail.number }
    const rule = (await apiCall(env.host.url, tokens.admin!, 'rules.list', {})).find((r) => r.kind === 'sanbao_threshold')!
    await apiCall(env.host.url, tokens.admin!, 'rules.update', {
      kind: rule.kind,
      // Demo cars may be past 50,000 km; the validity's km is widened so this one counts.
      params: { ...rule.params, repairDays: 1, validityKm: 500_000 },
      enabled: true,
      version: rule.version,
      severity: rule.severity,
      inboxRole: rule.inboxRole,
    })
    page = env.session.page
  })

  it('shows the vehicle’s coverage and 三包 counters on the warranty desk', async () => {
    await logIn(page, 'warranty', PASSWORD)
    await page.getByRole('heading', { name: zh('wty.title'), exact: true }).waitFor()
    await page.getByRole('tab', { name: zh('sanbao.tab') }).click()
    const search = page.getByRole('textbox', { name: zh('sanbao.search') })
    await search.fill(plate)
    await page.locator('.wty-vehicle-hits').getByText(plate).waitFor()
    await search.press('Enter')
    const counters = page.getByRole('list').filter({ has: page.getByRole('listitem', { name: zh('sanbao.counter.repairDays') }) })
    const days = counters.getByRole('listitem', { name: zh('sanbao.counter.repairDays') })
    await days.waitFor()
    expect(await days.textContent()).toContain(zh('sanbao.figure', { value: 1, limit: 1 }))
    expect(await days.textContent()).toContain(zh('sanbao.level.reached'))
    expect(await counters.getByRole('listitem').count()).toBe(5)
    await page.getByRole('list', { name: zh('sanbao.coverage') }).getByText(zh('warranty.coverage.basic')).waitFor()
    const repairs = page.getByRole('table', { name: zh('sanbao.repairs') })
    await repairs.getByRole('row').filter({ hasText: ro.number }).getByText(zh('sanbao.running')).waitFor()
    await shot('warranty-sanbao-vehicle')
  })

  it('warns on the RO screen when the vehicle is at a threshold', async () => {
    await page.getByRole('banner').getByRole('button', { name: zh('shell.logout') }).click()
    await logIn(page, 'advisor1', PASSWORD)
    await page.goto(`/#/ro/${ro.id}`)
    const banner = page.locator('.ro-sanbao')
    await banner.getByText(zh('sanbao.banner.reached')).waitFor()
    expect(await banner.textContent()).toContain(zh('sanbao.banner.line', { counter: zh('sanbao.counter.repairDays'), value: 1, limit: 1 }))
    await shot('warranty-sanbao-ro-banner')
  })
})
