import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { hostAndBrowser } from './support/fixture'
import { screenshot, settle } from './support/browser'
import { apiCall, apiLogin, checkInFreeVehicle } from './support/api'
import { logIn } from './support/desk'
import { zh } from './support/i18n'

const PASSWORD = 'demo-e2e-pass'

// An over-authority request on the demo dealership: a warranty repair of ¥6,000 labour plus a part
// is above the dealer's ¥5,000 authority, so its claim is blocked by the pre-check. The clerk files
// an over-authority request for the claim on the registers tab, submits it, records the maker's
// approval; the claim then passes the pre-check. The request prints on one A4 page.
describe('over-authority requests on the warranty desk', () => {
  const env = hostAndBrowser({ demoPassword: PASSWORD })
  let page: Page
  const tokens: Record<string, string> = {}
  let ro = { id: 0, number: '' }
  let claim = { id: 0, number: '', totalFen: 0 }
  const modal = () => page.locator('.ant-modal')
  const drawer = () => page.locator('.ant-drawer')
  const shot = async (name: string, fullPage = true) => {
    await settle(page, { toastsGone: true })
    await screenshot(page, name, fullPage)
  }
  const findings = async () => (await apiCall(env.host.url, tokens.warranty!, 'warranty.claim.get', { id: claim.id })).findings

  beforeAll(async () => {
    for (const u of ['advisor1', 'workshop', 'tech1', 'techsup', 'partsup', 'warranty', 'admin']) tokens[u] = await apiLogin(env.host.url, u, PASSWORD)
    const parts = await apiCall(env.host.url, tokens.partsup!, 'parts.search', { q: '点火线圈', limit: 50 })
    const part = parts.find((p) => p.active && p.priceFen > 0)
    if (!part) throw new Error('no demo part to claim')
    const { vehicle, ro: checkedIn } = await checkInFreeVehicle(env.host.url, tokens.advisor1!, { kmDriven: 600, fuelEighths: 4, concerns: '发动机怠速抖动，故障灯常亮，加速无力' })
    await apiCall(env.host.url, tokens.warranty!, 'warranty.setStart', { vehicleId: vehicle.vehicleId, startsOn: '2025-09-01' })
    let detail = await apiCall(env.host.url, tokens.advisor1!, 'ro.saveLines', {
      id: checkedIn.id,
      version: checkedIn.version,
      lines: [
        { kind: 'labour', description: '拆检发动机缸盖并更换气门组', quantityMilli: 1000, unitPriceFen: 600_000, payer: 'warranty' },
        { kind: 'part', partId: part.id, description: part.name, quantityMilli: 1000, unitPriceFen: part.priceFen, payer: 'warranty' },
      ],
    })
    detail = await apiCall(env.host.url, tokens.advisor1!, 'ro.authorise', { id: detail.id, version: detail.version, method: 'in_person', authorisedBy: detail.customer.name })
    ro = { id: detail.id, number: detail.number }
    await apiCall(env.host.url, tokens.partsup!, 'stock.receive', { partId: part.id, quantityMilli: 1000, reason: '索赔件到货' })
    await apiCall(env.host.url, tokens.partsup!, 'parts.issue', { roId: ro.id, lines: [{ partId: part.id, quantityMilli: 1000 }] })
    await apiCall(env.host.url, tokens.partsup!, 'oldparts.tag', { roId: ro.id, partId: part.id, description: `旧件 ${part.name}`, quantityMilli: 1000, warranty: true, note: '' })
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
    // The clerk's claim with its narrative written out: only the authority rule stands in its way.
    const built = await apiCall(env.host.url, tokens.warranty!, 'warranty.claim.fromRo', { roId: ro.id })
    const saved = await apiCall(env.host.url, tokens.warranty!, 'warranty.claim.save', {
      id: built.id,
      version: built.version,
      claimType: built.claimType,
      causalPartId: built.causalPart?.id ?? null,
      failureCode: 'P0301',
      mileageKm: built.mileageKm,
      concern: built.concern,
      cause: '一缸排气门烧蚀，缸压不足导致失火',
      correction: '拆检缸盖，更换一缸排气门及气门油封并做缸压测试',
      labour: built.labour.map((l) => ({ opCode: l.opCode, description: l.description, hoursMilli: l.hoursMilli, rateFen: l.rateFen })),
      parts: built.parts.map((p) => ({ ...(p.partId === null ? {} : { partId: p.partId }), description: p.description, quantityMilli: p.quantityMilli, unitPriceFen: p.unitPriceFen })),
      expenses: [],
    })
    claim = { id: saved.id, number: saved.number, totalFen: saved.totalFen }
    expect(claim.totalFen).toBeGreaterThan(500_000)
    expect(saved.findings.map((f) => f.rule)).toEqual(['authority'])
    page = env.session.page
  })

  it('files the request, submits it, records the approval, and the claim passes the pre-check', async () => {
    await logIn(page, 'warranty', PASSWORD)
    await page.getByRole('heading', { name: zh('wty.title'), exact: true }).waitFor()
    await page.goto('/#/warranty?tab=registers')
    await page.getByRole('button', { name: zh('wtyReg.ui.newOverAuthority'), exact: true }).click()
    await drawer().getByLabel(zh('wtyReg.col.claim')).fill(claim.number)
    await drawer().getByLabel(zh('wtyReg.col.requested')).fill((claim.totalFen / 100).toFixed(2))
    await drawer().getByLabel(zh('wtyReg.col.failure')).fill('一缸排气门烧蚀，失火')
    await drawer().getByLabel(zh('wtyReg.col.reasonForRequest')).fill('维修金额超出经销商授权额度，申请厂家预授权')
    await drawer().getByRole('button', { name: zh('wtyReg.ui.save'), exact: true }).click()
    await drawer().getByText(zh('wtyReg.state.draft'), { exact: false }).first().waitFor()
    await drawer().getByRole('button', { name: zh('wtyReg.action.submit'), exact: true }).waitFor()
    await shot('warranty-register-draft')

    await drawer().getByRole('button', { name: zh('wtyReg.action.submit'), exact: true }).click()
    await modal().getByRole('button', { name: zh('wtyReg.action.submit'), exact: true }).click()
    await drawer().getByRole('button', { name: zh('wtyReg.action.approve'), exact: true }).waitFor()
    expect((await findings()).map((f) => f.rule)).toEqual(['authority'])

    await drawer().getByRole('button', { name: zh('wtyReg.action.approve'), exact: true }).click()
    await modal().getByLabel(zh('wtyReg.col.makerRef')).fill('SQ-2026-0042')
    await shot('warranty-register-approve')
    await modal().getByRole('button', { name: zh('wtyReg.action.approve'), exact: true }).click()
    await drawer().getByRole('button', { name: zh('wtyReg.action.close'), exact: true }).waitFor()
    await drawer().getByText('SQ-2026-0042').waitFor()
    await shot('warranty-register-approved')

    const rows = await apiCall(env.host.url, tokens.warranty!, 'warranty.register.list', { q: claim.number })
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ kind: 'over_authority', state: 'approved', approvedFen: claim.totalFen, makerRef: 'SQ-2026-0042', roNumber: ro.number })
    expect(await findings()).toEqual([])
    const current = await apiCall(env.host.url, tokens.warranty!, 'warranty.claim.get', { id: claim.id })
    const checked = await apiCall(env.host.url, tokens.warranty!, 'warranty.claim.check', { id: claim.id, version: current.version, overrides: [] })
    expect(checked.state).toBe('checked')

    // The register lists it under its filter; the request prints on one page.
    await drawer().getByRole('button', { name: zh('wtyReg.ui.print'), exact: true }).click()
    await page.waitForURL(/#\/warranty\/register\/\d+$/)
    await page.getByRole('article', { name: zh('wtyReg.print.title.over_authority') }).getByText('SQ-2026-0042').waitFor()
    await shot('warranty-register-print')
    const height = await page.locator('article.print-page').evaluate((el) => el.scrollHeight / el.clientWidth)
    expect(height).toBeLessThanOrEqual(297 / 210 + 0.01)

    await page.goto('/#/warranty?tab=registers')
    await page.getByRole('table', { name: zh('wtyReg.title') }).getByText(rows[0]!.number).waitFor()
    await shot('warranty-registers-list')
    expect(env.session.problems).toEqual([])
  })

  it('files a quality feedback report for the same car and filters the register by kind', async () => {
    await page.goto('/#/warranty?tab=registers')
    await page.getByRole('button', { name: zh('wtyReg.ui.newQuality'), exact: true }).click()
    await drawer().getByLabel(zh('wtyReg.col.ro')).fill(ro.number)
    await drawer().getByRole('combobox', { name: zh('wtyReg.col.severity') }).click()
    await page.locator('.ant-select-item-option').filter({ hasText: zh('wtyReg.severity.function') }).click()
    await drawer().getByLabel(zh('wtyReg.col.occurrences')).fill('2')
    await drawer().getByLabel(zh('wtyReg.col.part')).fill('排气门')
    await drawer().getByLabel(zh('wtyReg.col.failure')).fill('一缸排气门烧蚀，同批次第二例')
    await drawer().getByRole('button', { name: zh('wtyReg.ui.save'), exact: true }).click()
    await drawer().getByRole('button', { name: zh('wtyReg.action.submit'), exact: true }).waitFor()
    await shot('warranty-register-quality')
    await drawer().getByRole('button', { name: zh('wtyReg.action.submit'), exact: true }).click()
    await modal().getByRole('button', { name: zh('wtyReg.action.submit'), exact: true }).click()
    await drawer().getByRole('button', { name: zh('wtyReg.action.approve'), exact: true }).waitFor()
    await page.keyboard.press('Escape')
    const reports = await apiCall(env.host.url, tokens.warranty!, 'warranty.register.list', { kind: 'quality_feedback' })
    expect(reports).toEqual([expect.objectContaining({ state: 'submitted', severity: 'function', occurrences: 2, roNumber: ro.number, partText: '排气门' })])

    await page.getByRole('combobox', { name: zh('wtyReg.col.kind') }).click()
    await page.locator('.ant-select-item-option').filter({ hasText: zh('wtyReg.kind.quality_feedback') }).click()
    const table = page.getByRole('table', { name: zh('wtyReg.title') })
    await table.getByText(reports[0]!.number).waitFor()
    await table.getByText(/^CQ/).waitFor({ state: 'detached' })
    await shot('warranty-registers-quality-list')
    expect(env.session.problems).toEqual([])
  })
})
