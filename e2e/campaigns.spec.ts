import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { hostAndBrowser } from './support/fixture'
import { shotSettled } from './support/browser'
import { signIn } from './support/desk'
import { apiCall } from './support/api'
import { zh } from './support/i18n'

const PASSWORD = 'demo-e2e-pass'
const NAME = '冬季关爱检测月'

// The month's service campaign on the demo dealership: the manager plans it for service-due cars
// (the live count agrees with the host), builds the invitation list and logs an invitation call on
// the care call log; the invited car comes in, its RO takes the suggested campaign code on the RO
// header, and the campaign's analysis counts the arrival and the RO, each figure opening its rows.
describe('a monthly service campaign on the demo dealership', () => {
  // The demo is generated at start; a busy machine needs longer than the default minute.
  const env = hostAndBrowser({ demoPassword: PASSWORD, timeoutMs: 110_000 })
  let page: Page
  let token = ''
  let campaignId = 0
  let invite = { id: 0, vehicleId: 0, plate: '' as string | null }
  let roId = 0
  const shot = (name: string) => shotSettled(page, name)

  beforeAll(async () => {
    ;({ page, token } = await signIn(env, 'manager', PASSWORD))
  })

  it('plans a campaign for the cars whose service falls due, with the live count', async () => {
    await page.goto('/#/department?tab=campaigns')
    await page.getByRole('button', { name: zh('campaign.new') }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel(zh('campaign.name')).fill(NAME)
    await dialog.getByLabel(zh('campaign.labourDiscount')).fill('20')
    await dialog.getByLabel(zh('campaign.package')).fill('冬季养护套餐')
    await dialog.getByLabel(zh('campaign.packagePrice')).fill('299')
    await dialog.getByLabel(zh('campaign.freeCheck')).fill('电瓶与轮胎检测')
    const list0 = await apiCall(env.host.url, token, 'campaigns.list', {})
    expect(list0.some((c) => c.name === NAME)).toBe(false)
    await expect
      .poll(async () => {
        const text = (await dialog.locator('.ant-tag').first().textContent()) ?? ''
        return /\d/.test(text)
      })
      .toBe(true)
    await shot('campaign-editor')
    await dialog.getByRole('button', { name: zh('common.save') }).click()
    await dialog.waitFor({ state: 'hidden' })
    const list = await apiCall(env.host.url, token, 'campaigns.list', {})
    const k = list.find((c) => c.name === NAME)!
    campaignId = k.id
    const count = await apiCall(env.host.url, token, 'campaigns.targetCount', { target: k.target, startsOn: k.startsOn, endsOn: k.endsOn })
    expect(count.count).toBeGreaterThan(0)
    expect(k).toMatchObject({ labourDiscountBp: 2000, packagePriceFen: 29_900, target: { source: 'service_due' } })
    await page.getByRole('row').filter({ hasText: k.code }).click()
    await page.getByRole('button', { name: zh('campaign.buildList') }).click()
    await page.getByText(zh('campaign.listBuilt', { added: count.count, invited: count.count })).waitFor()
  })

  it('logs an invitation call on the care call log with the dial header', async () => {
    const invites = await apiCall(env.host.url, token, 'campaigns.invites', { id: campaignId })
    // An invited car without an open RO, so that it can come in for the campaign.
    let first = invites[0]!
    for (const i of invites.slice(0, 20)) {
      const hits = await apiCall(env.host.url, token, 'reception.search', { q: i.plate ?? '', limit: 5 })
      if (i.plate && hits.some((h) => h.vehicleId === i.vehicleId && !h.openRoId)) {
        first = i
        break
      }
    }
    invite = { id: first.id, vehicleId: first.vehicleId, plate: first.plate }
    await page.getByRole('button', { name: `${zh('campaign.call')} ${first.plate ?? ''}` }).first().click()
    const dialog = page.getByRole('dialog')
    await dialog.getByRole('button', { name: zh('care.call.start') }).click()
    await dialog.getByRole('button', { name: zh('care.call.end') }).click()
    await dialog.getByLabel(zh('care.call.remark')).fill('周末带车来做检测')
    await shot('campaign-invite-call')
    await dialog.getByRole('button', { name: zh('care.call.save') }).click()
    await dialog.waitFor({ state: 'hidden' })
    const after = await apiCall(env.host.url, token, 'campaigns.invite.get', { id: invite.id })
    expect(after).toMatchObject({ state: 'booked', reached: true, attempts: 1 })
    expect(after.calls).toHaveLength(1)
  })

  it('puts the suggested campaign code on the invited car’s RO', async () => {
    const vehicle = await apiCall(env.host.url, token, 'vehicles.get', { id: invite.vehicleId })
    const ro = await apiCall(env.host.url, token, 'ro.checkIn', { vehicleId: invite.vehicleId, type: 'maintenance', odometerKm: vehicle.vehicle.odometerKm + 1500, fuelEighths: 4, concerns: '冬季检测活动' })
    roId = ro.id
    await page.goto(`/#/ro/${ro.id}`)
    const code = (await apiCall(env.host.url, token, 'campaigns.get', { id: campaignId })).code
    await page.getByText(zh('campaign.suggested', { code })).waitFor()
    await shot('campaign-ro-suggested')
    await page.getByRole('button', { name: zh('campaign.useSuggested') }).click()
    await expect.poll(async () => (await apiCall(env.host.url, token, 'campaigns.ro.get', { roId })).current?.code).toBe(code)
    await page.getByText(zh('campaign.suggested', { code })).waitFor({ state: 'hidden' })
    await shot('campaign-ro-code')
  })

  it('counts the arrival and the RO in the analysis, each figure with its rows, and prints the report', async () => {
    await page.goto('/#/department?tab=campaigns')
    const code = (await apiCall(env.host.url, token, 'campaigns.get', { id: campaignId })).code
    await page.getByRole('row').filter({ hasText: code }).click()
    const a = await apiCall(env.host.url, token, 'campaigns.analysis', { id: campaignId })
    const value = (f: string) => a.figures.find((x) => x.figure === f)!.value
    expect(value('ros')).toBe(1)
    // Other invited cars of the demo came in this month too; this one is among the arrivals.
    const arrived = await apiCall(env.host.url, token, 'campaigns.drill', { id: campaignId, figure: 'arrived' })
    expect(arrived.rows.map((r) => r.vehicleId)).toContain(invite.vehicleId)
    expect(value('arrived')).toBe(arrived.rows.length)
    expect(value('booked')).toBe(1)
    await page.getByRole('button', { name: zh('campaign.drillOf', { figure: zh('campaignFigure.ros') }) }).click()
    const dialog = page.getByRole('dialog')
    const number = (await apiCall(env.host.url, token, 'ro.get', { id: roId })).number
    await dialog.getByText(number).waitFor()
    const drill = await apiCall(env.host.url, token, 'campaigns.drill', { id: campaignId, figure: 'ros' })
    expect(drill.rows.map((r) => r.roId)).toEqual([roId])
    await shot('campaign-analysis-drill')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    await page.getByLabel(zh('campaign.cost')).fill('1500')
    await page.getByLabel(zh('campaign.summary')).fill('流失客户邀约接通率高，冬季套餐受欢迎')
    await page.getByRole('button', { name: zh('common.save') }).click()
    await expect.poll(async () => (await apiCall(env.host.url, token, 'campaigns.get', { id: campaignId })).costFen).toBe(150_000)
    await shot('campaign-analysis')
    await page.getByRole('button', { name: zh('dept.print') }).click()
    await page.getByText(zh('campaign.reportTitle')).first().waitFor()
    await shot('campaign-report')
  })
})
