import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { hostAndBrowser } from './support/fixture'
import { screenshot, settle } from './support/browser'
import { apiCall, apiLogin, checkInFreeVehicle } from './support/api'
import { logIn } from './support/desk'
import { zh } from './support/i18n'

const PASSWORD = 'demo-e2e-pass'

// The warranty clerk's desk on the demo dealership: a warranty repair comes out of the workshop,
// the clerk builds its claim, the pre-check refuses it for a missing cause, the clerk writes the
// narrative out, checks, submits, and records the maker's approval; the claim form prints. Once
// the RO is settled, the maker's payment list (with the claim cut) is imported and the difference
// written off; the old part is shelved for the claim, labelled, packed and shipped back.
describe('the warranty desk on the demo dealership', () => {
  const env = hostAndBrowser({ demoPassword: PASSWORD })
  let page: Page
  const tokens: Record<string, string> = {}
  let ro = { id: 0, number: '' }
  let oldPartTag = ''
  let claimNumber = ''
  const toast = (text: string) => page.locator('.ant-message').getByText(text, { exact: false })
  const shot = async (name: string, fullPage = true) => {
    await settle(page, { toastsGone: true })
    await screenshot(page, name, fullPage)
  }

  beforeAll(async () => {
    for (const u of ['advisor1', 'workshop', 'tech1', 'techsup', 'partsup', 'warranty', 'cashier', 'admin']) tokens[u] = await apiLogin(env.host.url, u, PASSWORD)
    // An electrical part (basic warranty; wear parts have 6 months / 5,000 km only).
    const parts = await apiCall(env.host.url, tokens.partsup!, 'parts.search', { q: '点火线圈', limit: 50 })
    const part = parts.find((p) => p.active && p.priceFen > 0)
    if (!part) throw new Error('no demo part to claim')
    const { vehicle, ro: checkedIn } = await checkInFreeVehicle(env.host.url, tokens.advisor1!, { kmDriven: 600, fuelEighths: 4, concerns: '左前车窗升降时有异响，偶尔卡住不动' })
    // Delivered last year: within the maker's basic warranty.
    await apiCall(env.host.url, tokens.warranty!, 'warranty.setStart', { vehicleId: vehicle.vehicleId, startsOn: '2025-09-01' })
    const settings = await apiCall(env.host.url, tokens.advisor1!, 'settings.get', {})
    let detail = await apiCall(env.host.url, tokens.advisor1!, 'ro.saveLines', {
      id: checkedIn.id,
      version: checkedIn.version,
      lines: [
        { kind: 'labour', description: '更换左前车窗升降器', quantityMilli: 1000, unitPriceFen: settings.labourRateFen, payer: 'warranty' },
        { kind: 'part', partId: part.id, description: part.name, quantityMilli: 1000, unitPriceFen: part.priceFen, payer: 'warranty' },
      ],
    })
    detail = await apiCall(env.host.url, tokens.advisor1!, 'ro.authorise', { id: detail.id, version: detail.version, method: 'in_person', authorisedBy: detail.customer.name })
    ro = { id: detail.id, number: detail.number }
    await apiCall(env.host.url, tokens.partsup!, 'stock.receive', { partId: part.id, quantityMilli: 1000, reason: '索赔件到货' })
    await apiCall(env.host.url, tokens.partsup!, 'parts.issue', { roId: ro.id, lines: [{ partId: part.id, quantityMilli: 1000 }] })
    const tagged = await apiCall(env.host.url, tokens.partsup!, 'oldparts.tag', { roId: ro.id, partId: part.id, description: `旧件 ${part.name}`, quantityMilli: 1000, warranty: true, note: '' })
    oldPartTag = tagged.tag
    const users = await apiCall(env.host.url, tokens.admin!, 'users.list', {})
    const tech = users.find((u) => u.username === 'tech1')!
    let shop = await apiCall(env.host.url, tokens.workshop!, 'workshop.ro', { roId: ro.id })
    for (const job of shop.jobs.filter((j) => j.lineId !== null)) {
      const dispatched = await apiCall(env.host.url, tokens.workshop!, 'workshop.dispatch', { lineId: job.lineId!, technicianId: tech.id })
      await apiCall(env.host.url, tokens.tech1!, 'workshop.clockOn', { jobId: dispatched.id!, pauseOthers: true })
      await apiCall(env.host.url, tokens.tech1!, 'workshop.finish', { jobId: dispatched.id! })
    }
    shop = await apiCall(env.host.url, tokens.techsup!, 'workshop.ro', { roId: ro.id })
    shop = await apiCall(env.host.url, tokens.techsup!, 'workshop.qc.record', { roId: ro.id, version: shop.roVersion, result: 'pass', items: shop.checklist.map((i) => ({ itemId: i.id, ok: true })) })
    expect(shop.roState).toBe('ready')
    page = env.session.page
  })

  it('builds a claim from the RO, is refused for a missing cause, fixed, submitted and approved', async () => {
    await logIn(page, 'warranty', PASSWORD)
    // The warranty clerk starts the day at the warranty desk.
    await page.getByRole('heading', { name: zh('wty.title'), exact: true }).waitFor()
    const toClaim = page.getByRole('table', { name: zh('wty.today.rosWithoutClaim') })
    const row = toClaim.getByRole('row').filter({ hasText: ro.number })
    await row.waitFor()
    await shot('warranty-today')
    await row.getByRole('button', { name: zh('wty.build') }).click()
    await page.waitForURL(/#\/warranty\/claim\/\d+$/)
    const claimId = Number(/claim\/(\d+)/.exec(page.url())?.[1])

    // The pre-check panel names the missing narrative before anything is sent.
    const panel = page.locator('.wty-check')
    await panel.getByText(zh('warranty.check.narrativeMissing', { field: zh('warranty.field.cause'), min: 10 })).waitFor()
    await shot('warranty-claim-draft')
    await page.getByRole('button', { name: zh('wty.check.run') }).click()
    await toast(zh('warranty.check.narrativeMissing', { field: zh('warranty.field.cause'), min: 10 })).waitFor()
    expect((await apiCall(env.host.url, tokens.warranty!, 'warranty.claim.get', { id: claimId })).state).toBe('draft')

    // Fixed: the clerk writes out cause and correction; the check passes.
    await page.getByLabel(zh('warranty.field.cause')).fill('升降器导轨磨损，电机齿轮打齿导致卡滞')
    await page.getByLabel(zh('warranty.field.correction')).fill('更换左前车窗升降器总成并做防夹初始化')
    await page.getByRole('button', { name: zh('wty.check.run') }).click()
    await toast(zh('wty.check.passed')).waitFor()
    await panel.getByText(zh('wty.check.clean')).waitFor()
    await page.getByRole('button', { name: zh('wty.submit') }).click()
    await toast(zh('wty.submitted')).waitFor()
    await page.locator('.wty-editor-bar').getByText(zh('warranty.state.submitted')).waitFor()

    // The maker approves it in its portal; the clerk records the decision.
    await page.getByLabel(zh('wty.decide.makerRef')).fill('SVW-2026-118877')
    await shot('warranty-claim-submitted')
    await page.getByRole('button', { name: zh('wty.decide.record') }).click()
    await toast(zh('wty.decide.recorded')).waitFor()
    await page.locator('.wty-editor-bar').getByText(zh('warranty.state.approved')).waitFor()
    const claim = await apiCall(env.host.url, tokens.warranty!, 'warranty.claim.get', { id: claimId })
    claimNumber = claim.number
    expect(claim).toMatchObject({ state: 'approved', makerRef: 'SVW-2026-118877', approvedFen: claim.totalFen, submissions: 1 })
    expect(claim.log.map((l) => l.toState)).toEqual(['draft', 'checked', 'submitted', 'approved'])
    await shot('warranty-claim-approved')

    await page.getByRole('button', { name: zh('wty.editor.print') }).click()
    await page.waitForURL(/#\/warranty\/claim\/\d+\/print$/)
    await page.getByText('升降器导轨磨损').waitFor()
    await shot('warranty-claim-print')

    // The claim list finds it by RO number.
    await page.goto('/#/warranty?tab=claims')
    await page.getByLabel(zh('wty.filter.search')).fill(ro.number)
    await page.keyboard.press('Enter')
    await page.getByRole('table', { name: zh('wty.tab.claims') }).getByText(claim.number).waitFor()
    await shot('warranty-claim-list')
    expect(env.session.problems).toEqual([])
  })

  it('imports the maker’s payment list with one cut line, writes off the difference, and ships the old part back', async () => {
    // The cashier settles the RO: its warranty invoice is the receivable from the maker.
    const head = await apiCall(env.host.url, tokens.cashier!, 'ro.get', { id: ro.id })
    await apiCall(env.host.url, tokens.cashier!, 'settlement.settle', { roId: ro.id, version: head.version })
    const before = await apiCall(env.host.url, tokens.warranty!, 'warranty.claim.list', { q: claimNumber })
    const claim = await apiCall(env.host.url, tokens.warranty!, 'warranty.claim.get', { id: before[0]!.id })
    const claimed = claim.money.claimedFen!
    const paid = claimed - 5_000
    const csv = `\uFEFF索赔单号,付款金额,厂家单号,扣款原因\r\n${claimNumber},${(paid / 100).toFixed(2)},SVW-PAY-1126,工时按标准核减\r\n`

    await page.goto('/#/warranty?tab=payments')
    await page.locator('.wty-plist input[type=file]').setInputFiles({ name: '保修付款清单-11月.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') })
    const table = page.getByRole('table', { name: zh('wty.tab.payments') })
    await table.getByText(claimNumber).waitFor()
    await page.getByLabel(`${zh('wty.plist.disposition')} ${claimNumber}`).click()
    await page.locator('.ant-select-item-option').filter({ hasText: zh('warranty.disposition.write_off') }).click()
    await page.getByLabel(`${zh('wty.plist.reason')} ${claimNumber}`).fill('厂家按标准工时核减，差额核销')
    await shot('warranty-payment-list')
    await page.getByRole('button', { name: zh('wty.plist.apply', { count: 1 }) }).click()
    await page.locator('.ant-result-success').waitFor()
    await shot('warranty-payment-list-done')
    const after = await apiCall(env.host.url, tokens.warranty!, 'warranty.claim.get', { id: claim.id })
    expect(after).toMatchObject({ state: 'paid', paidFen: paid, money: { writtenOffFen: 5_000, disposition: 'write_off', invoice: { balanceFen: 0 } } })

    // The old part: shelved for the claim, labelled, packed into a return shipment and shipped.
    await page.goto('/#/warranty?tab=shelf')
    const shelf = page.getByRole('table', { name: zh('wty.tab.shelf') })
    const partRow = shelf.getByRole('row').filter({ hasText: oldPartTag })
    await partRow.getByRole('button', { name: zh('wty.shelf.keep') }).click()
    const keep = page.getByRole('dialog')
    await keep.getByLabel(zh('wty.shelf.place')).fill('W-A-03')
    await keep.getByRole('button', { name: /OK|确\s*定/ }).click()
    await partRow.getByText(zh('warranty.shelf.kept')).waitFor()
    await shot('warranty-shelf')
    await partRow.getByRole('button', { name: zh('wty.shelf.label') }).click()
    await page.waitForURL(/#\/warranty\/label\/\d+$/)
    await page.getByText(claimNumber).first().waitFor()
    await shot('warranty-part-label')
    await page.goto('/#/warranty?tab=shelf')
    await partRow.getByRole('checkbox').check()
    await page.getByRole('button', { name: zh('wty.shelf.pack', { count: 1 }) }).click()
    await partRow.getByText(zh('warranty.shelf.packed')).waitFor()

    await page.goto('/#/warranty?tab=shipments')
    const shipments = page.getByRole('table', { name: zh('wty.tab.shipments') })
    const shipRow = shipments.getByRole('row').filter({ hasText: zh('warranty.shipmentState.open') }).first()
    await shipRow.getByRole('button', { name: zh('wty.ship.print') }).click()
    await page.waitForURL(/#\/warranty\/shipment\/\d+$/)
    await page.getByText(oldPartTag).waitFor()
    await shot('warranty-packing-list')
    await page.goto('/#/warranty?tab=shipments')
    await shipRow.getByRole('button', { name: zh('wty.ship.ship') }).click()
    const ship = page.getByRole('dialog')
    await ship.getByLabel(zh('wty.ship.carrier')).fill('顺丰速运')
    await ship.getByLabel(zh('wty.ship.waybill')).fill('SF1029384756')
    await ship.getByRole('button', { name: /OK|确\s*定/ }).click()
    await shipments.getByText('SF1029384756').waitFor()
    await shot('warranty-shipments')
    const shelfAfter = await apiCall(env.host.url, tokens.warranty!, 'warranty.parts.shelf', { claimId: claim.id })
    expect(shelfAfter).toEqual([expect.objectContaining({ tag: oldPartTag, state: 'shipped', place: 'W-A-03' })])
    expect(env.session.problems).toEqual([])
  })
})
