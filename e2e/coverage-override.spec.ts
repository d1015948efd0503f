import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { withValidCheckDigit } from '../src/shared/domain/vin'
import { hostAndBrowser } from './support/fixture'
import { shotSettled } from './support/browser'
import { apiCall, apiLogin } from './support/api'
import { logIn, pickFromSelect } from './support/desk'
import { zh } from './support/i18n'

const PASSWORD = 'demo-e2e-pass'

// A warranty RO on a car whose basic warranty has ended: saving the estimate is refused with the
// coverage and its end in a dialog, and the front-desk supervisor lets the line through with a
// reason, which the host records.
describe('a warranty line outside the vehicle’s coverage on the RO screen', () => {
  const env = hostAndBrowser({ demoPassword: PASSWORD })
  let page: Page
  let token = ''
  let roId = 0
  let plate = ''
  const shot = (name: string) => shotSettled(page, name)

  beforeAll(async () => {
    page = env.session.page
    token = await apiLogin(env.host.url, 'frontdesk', PASSWORD)
    const suffix = String(Date.now()).slice(-5)
    const vehicle = await apiCall(env.host.url, token, 'vehicles.register', {
      vin: withValidCheckDigit(`LGXC16DF0N${suffix}ZZ`.slice(0, 17)),
      plate: `粤B${suffix}`,
      make: '比亚迪',
      model: '秦PLUS',
      odometerKm: 88_000,
      firstRegisteredOn: '2020-03-01',
      newOwner: { name: '保修过期车主', mobile: `1380${suffix}66`.slice(0, 11) },
    })
    plate = vehicle.plate ?? ''
    const ro = await apiCall(env.host.url, token, 'ro.checkIn', { vehicleId: vehicle.id, type: 'warranty', odometerKm: 88_100, fuelEighths: 4, concerns: '车窗升降异响' })
    roId = ro.id
    await logIn(page, 'frontdesk', PASSWORD)
  })

  it('shows at the desk what the car is still covered for, one line per coverage', async () => {
    const coverage = await apiCall(env.host.url, token, 'warranty.coverage', { vehicleId: (await apiCall(env.host.url, token, 'ro.get', { id: roId })).vehicle.id })
    await page.goto('/#/reception')
    const search = page.getByRole('combobox', { name: zh('desk.searchLabel') })
    await search.fill(plate)
    await page.getByRole('option').filter({ hasText: plate }).first().waitFor()
    await search.press('Enter')
    const card = page.getByLabel(zh('coverage.title'))
    await card.getByText(zh('warranty.coverage.basic')).waitFor()
    expect(await card.locator('li').count()).toBe(coverage.lines.length)
    expect(await card.locator('li.ended').count()).toBe(coverage.lines.filter((l) => !l.covered).length)
    await shot('coverage-at-desk')
  })

  it('refuses the save with the coverage that ended, and records the supervisor’s reason', async () => {
    await page.goto(`/#/ro/${roId}`)
    const [op] = await apiCall(env.host.url, token, 'catalog.labour.search', { q: 'BY0', limit: 1 })
    if (!op) throw new Error('the demo catalogue has no labour operation')
    await pickFromSelect(page, zh('estimate.addLabour'), op.code, op.code)
    await page.keyboard.press('Control+S')
    const dialog = page.getByRole('dialog', { name: zh('lineCheck.title') })
    await dialog.waitFor()
    await dialog.getByText(zh('lineCheck.endedBy.date')).first().waitFor()
    expect(await dialog.getByRole('button', { name: zh('lineCheck.override') }).isDisabled()).toBe(true)
    await dialog.getByLabel(zh('lineCheck.reason')).fill('厂家区域经理同意按保修处理')
    await shot('coverage-override')
    await dialog.getByRole('button', { name: zh('lineCheck.override') }).click()
    await page.getByText(zh('estimate.saved')).waitFor()
    await expect.poll(() => dialog.count()).toBe(0)

    const ro = await apiCall(env.host.url, token, 'ro.get', { id: roId })
    expect(ro.lines.map((l) => l.payer)).toEqual(['warranty'])
    const trail = await apiCall(env.host.url, token, 'audit.document', { kind: 'ro', id: roId })
    expect(trail.map((e) => e.action)).toContain('warranty.lineOverride')
  })
})
