import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { hostAndBrowser } from './support/fixture'
import { screenshot, settle } from './support/browser'
import { apiCall, apiLogin, checkInFreeVehicle } from './support/api'
import { logIn } from './support/desk'
import { zh } from './support/i18n'

const PASSWORD = 'demo-e2e-pass'

// The warranty desk on the demo dealership: a claim the maker cut, re-charged to the customer, shows
// its new customer invoice on the claim and at the cashier; the settings tab edits a check rule,
// resets it and adds a make's old-part rule; the claim list exports two ticked claims as one package.
describe('warranty money, settings and the multi-claim package', () => {
  const env = hostAndBrowser({ demoPassword: PASSWORD })
  let page: Page
  const tokens: Record<string, string> = {}
  const shot = async (name: string, fullPage = true) => {
    await settle(page, { toastsGone: true })
    await screenshot(page, name, fullPage)
  }

  let loggedIn = false
  const switchTo = async (user: string) => {
    if (loggedIn) await page.getByRole('banner').getByRole('button', { name: zh('shell.logout') }).click()
    await logIn(page, user, PASSWORD)
    loggedIn = true
  }

  /** A warranty repair on a demo car brought to ready, claimed, submitted and settled (its warranty invoice open). */
  async function settledClaim() {
    const url = env.host.url
    const parts = await apiCall(url, tokens.partsup!, 'parts.search', { q: '点火线圈', limit: 50 })
    const part = parts.find((p) => p.active && p.priceFen > 0)
    if (!part) throw new Error('no demo part to claim')
    const { vehicle, ro: checkedIn } = await checkInFreeVehicle(url, tokens.advisor1!, { kmDriven: 600, fuelEighths: 4, concerns: '发动机怠速抖动，故障灯常亮，加速无力' })
    await apiCall(url, tokens.warranty!, 'warranty.setStart', { vehicleId: vehicle.vehicleId, startsOn: '2025-09-01' })
    let detail = await apiCall(url, tokens.advisor1!, 'ro.saveLines', {
      id: checkedIn.id,
      version: checkedIn.version,
      lines: [
        { kind: 'labour', description: '更换点火线圈', quantityMilli: 1000, unitPriceFen: 30_000, payer: 'warranty' },
        { kind: 'part', partId: part.id, description: part.name, quantityMilli: 1000, unitPriceFen: part.priceFen, payer: 'warranty' },
      ],
    })
    detail = await apiCall(url, tokens.advisor1!, 'ro.authorise', { id: detail.id, version: detail.version, method: 'in_person', authorisedBy: detail.customer.name })
    await apiCall(url, tokens.partsup!, 'stock.receive', { partId: part.id, quantityMilli: 1000, reason: '索赔件到货' })
    await apiCall(url, tokens.partsup!, 'parts.issue', { roId: detail.id, lines: [{ partId: part.id, quantityMilli: 1000 }] })
    await apiCall(url, tokens.partsup!, 'oldparts.tag', { roId: detail.id, partId: part.id, description: `旧件 ${part.name}`, quantityMilli: 1000, warranty: true, note: '' })
    const users = await apiCall(url, tokens.admin!, 'users.list', {})
    const tech = users.find((u) => u.username === 'tech1')!
    let shop = await apiCall(url, tokens.workshop!, 'workshop.ro', { roId: detail.id })
    for (const job of shop.jobs.filter((j) => j.lineId !== null)) {
      const dispatched = await apiCall(url, tokens.workshop!, 'workshop.dispatch', { lineId: job.lineId!, technicianId: tech.id })
      await apiCall(url, tokens.tech1!, 'workshop.clockOn', { jobId: dispatched.id!, pauseOthers: true })
      await apiCall(url, tokens.tech1!, 'workshop.finish', { jobId: dispatched.id! })
    }
    shop = await apiCall(url, tokens.techsup!, 'workshop.ro', { roId: detail.id })
    shop = await apiCall(url, tokens.techsup!, 'workshop.qc.record', { roId: detail.id, version: shop.roVersion, result: 'pass', items: shop.checklist.map((i) => ({ itemId: i.id, ok: true })) })
    const built = await apiCall(url, tokens.warranty!, 'warranty.claim.fromRo', { roId: detail.id })
    const saved = await apiCall(url, tokens.warranty!, 'warranty.claim.save', {
      id: built.id,
      version: built.version,
      claimType: built.claimType,
      causalPartId: built.causalPart?.id ?? null,
      failureCode: 'P0301',
      mileageKm: built.mileageKm,
      concern: built.concern,
      cause: '一缸点火线圈击穿，导致一缸失火',
      correction: '更换一缸点火线圈，清除故障码并路试确认',
      labour: built.labour.map((l) => ({ opCode: l.opCode, description: l.description, hoursMilli: l.hoursMilli, rateFen: l.rateFen })),
      parts: built.parts.map((p) => ({ ...(p.partId === null ? {} : { partId: p.partId }), description: p.description, quantityMilli: p.quantityMilli, unitPriceFen: p.unitPriceFen })),
      expenses: [],
    })
    const checked = await apiCall(url, tokens.warranty!, 'warranty.claim.check', { id: saved.id, version: saved.version, overrides: [] })
    await apiCall(url, tokens.warranty!, 'warranty.claim.submit', { id: checked.id, version: checked.version })
    const head = await apiCall(url, tokens.cashier!, 'ro.get', { id: detail.id })
    await apiCall(url, tokens.cashier!, 'settlement.settle', { roId: detail.id, version: head.version })
    return apiCall(url, tokens.warranty!, 'warranty.claim.get', { id: saved.id })
  }

  beforeAll(async () => {
    for (const u of ['advisor1', 'workshop', 'tech1', 'techsup', 'partsup', 'warranty', 'cashier', 'admin']) tokens[u] = await apiLogin(env.host.url, u, PASSWORD)
    page = env.session.page
  })

  it('re-charges a cut to the customer: the invoice is on the claim and payable at the cashier', async () => {
    const claim = await settledClaim()
    const approved = claim.state === 'approved' ? claim : await apiCall(env.host.url, tokens.warranty!, 'warranty.claim.decide', { id: claim.id, version: claim.version, decision: 'approve' })
    const cut = 8_800
    const paid = await apiCall(env.host.url, tokens.warranty!, 'warranty.claim.pay', {
      id: approved.id,
      version: approved.version,
      paidFen: approved.money.claimedFen! - cut,
      reference: 'FAW-E2E-1',
      difference: { disposition: 'recharge_customer', reason: '客户加装件引起，差额转客户付费' },
    })
    expect(paid.money.recharge).toMatchObject({ payer: 'customer', grossFen: cut, balanceFen: cut })
    const number = paid.money.recharge!.number

    await switchTo('warranty')
    await page.goto(`/#/warranty/claim/${claim.id}`)
    await page.getByText(zh('wty.money.recharge.customer'), { exact: true }).waitFor()
    await page.getByText(number, { exact: false }).first().waitFor()
    await shot('warranty-recharge-claim')

    await switchTo('cashier')
    await page.goto(`/#/settlement/ro/${claim.ro.id}`)
    await page.getByText(number, { exact: false }).first().waitFor()
    await shot('warranty-recharge-settlement')
    const view = await apiCall(env.host.url, tokens.cashier!, 'settlement.get', { roId: claim.ro.id })
    const invoice = view.invoices.find((i) => i.number === number)!
    expect(invoice).toMatchObject({ payer: 'customer', grossFen: cut, balanceFen: cut })
    const warranty = view.invoices.find((i) => i.payer === 'warranty' && i.state === 'issued')!
    expect(paid.money.invoice!.balanceFen).toBe(warranty.balanceFen)
    expect(warranty.paidFen + paid.money.writtenOffFen).toBeLessThanOrEqual(warranty.grossFen)
    expect(env.session.problems).toEqual([])
  })

  it('edits a check rule, resets it to the default, and adds a make’s old-part rule', async () => {
    await switchTo('warranty')
    await page.goto('/#/warranty?tab=settings')
    const name = zh('warranty.rule.narrative')
    const param = page.getByLabel(`${name} ${zh('wty.rules.col.param')}`, { exact: true })
    await param.waitFor()
    await param.fill('15')
    await page.getByRole('button', { name: `${name} ${zh('wty.rules.save')}`, exact: true }).click()
    await page.getByRole('button', { name: `${name} ${zh('wty.rules.reset')}`, exact: true }).and(page.locator(':not([disabled])')).waitFor()
    const rules = await apiCall(env.host.url, tokens.warranty!, 'warranty.checkRules', {})
    expect(rules.find((r) => r.rule === 'narrative')).toMatchObject({ param: 15 })
    await shot('warranty-settings-edited')

    await page.getByRole('button', { name: `${name} ${zh('wty.rules.reset')}`, exact: true }).click()
    await page.getByRole('button', { name: `${name} ${zh('wty.rules.reset')}`, exact: true }).and(page.locator('[disabled]')).waitFor()
    expect((await apiCall(env.host.url, tokens.warranty!, 'warranty.checkRules', {})).find((r) => r.rule === 'narrative')).toMatchObject({ param: 10 })

    const add = page.getByRole('form', { name: zh('wty.rules.addMake') })
    await add.getByLabel(zh('wty.rules.newMake')).fill('一汽-大众')
    await add.getByLabel(zh('wty.rules.col.returnDays')).fill('20')
    await add.getByRole('button', { name: zh('wty.rules.add') }).click()
    await page.getByRole('table', { name: zh('wty.rules.partTitle') }).getByText('一汽-大众', { exact: true }).waitFor()
    const parts = await apiCall(env.host.url, tokens.warranty!, 'warranty.partRules', {})
    expect(parts.rules.find((r) => r.make === '一汽-大众')).toMatchObject({ returnDays: 20, retainDays: parts.defaults.retainDays })
    await shot('warranty-settings')
    expect(env.session.problems).toEqual([])
  })

  it('exports two ticked claims of the filtered list as one package', async () => {
    await page.goto('/#/warranty?tab=claims')
    const table = page.getByRole('table', { name: zh('wty.tab.claims') })
    const boxes = table.getByRole('checkbox', { name: /^选择索赔单/ })
    await boxes.nth(1).waitFor()
    await boxes.nth(0).check()
    await boxes.nth(1).check()
    await page.getByText(zh('wty.export.selected', { count: 2 })).waitFor()
    await shot('warranty-claims-ticked', false)
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: zh('wty.package.xlsx') }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^warranty-claims-\d{4}-\d{2}-\d{2}-2\.xlsx$/)
    // A filter that hides the ticked claims takes them out of the package.
    await page.getByRole('searchbox', { name: zh('wty.filter.search') }).fill('NO-SUCH-CLAIM')
    await page.getByRole('searchbox', { name: zh('wty.filter.search') }).press('Enter')
    await page.getByText(zh('wty.export.selected', { count: 0 })).waitFor()
    expect(env.session.problems).toEqual([])
  })
})
