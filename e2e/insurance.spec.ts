import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { hostAndBrowser } from './support/fixture'
import { screenshot, settle } from './support/browser'
import { apiCall, apiLogin } from './support/api'
import { currentRoId, logIn } from './support/desk'
import { en, zh } from './support/i18n'
import { formatFen } from '../src/shared/domain/money'

const PASSWORD = 'demo-e2e-pass'

// The front-desk supervisor opens an open demo insurance RO, enters the claim with its loss
// assessment (定损) per line, adds a supplement (追加定损), and sees the insurer/customer split add
// up to the RO total, figure for figure as the host computes it.
describe('an insurance RO assessed and supplemented on the RO screen', () => {
  const env = hostAndBrowser({ demoPassword: PASSWORD, timeoutMs: 300_000 })
  let page: Page
  let token = ''
  let ro = { id: 0, number: '' }

  beforeAll(async () => {
    token = await apiLogin(env.host.url, 'frontdesk', PASSWORD)
    const open = await apiCall(env.host.url, token, 'ro.list', { type: 'insurance', open: true, limit: 50 })
    for (const r of open.rows) {
      const claim = await apiCall(env.host.url, token, 'insurance.get', { roId: r.id })
      if (claim.editable && claim.claim === null && claim.lines.some((l) => l.payer === 'insurance')) {
        ro = { id: r.id, number: r.number }
        break
      }
    }
    if (!ro.id) throw new Error('no open demo insurance RO without a claim')
    page = env.session.page
  })

  it('enters the claim and its assessment, adds a supplement, and shows the split reconciling to the RO total', async () => {
    await logIn(page, 'frontdesk', PASSWORD)
    await page.evaluate(`window.location.hash = '#/ro/${ro.id}'`)
    const panel = page.getByRole('region', { name: zh('insv.title') })
    await panel.getByText(zh('insv.none')).waitFor()
    await panel.getByLabel(zh('insv.insurer')).fill('中国人保')
    await panel.getByLabel(zh('insv.policyNo')).fill('PDAA202612000777')
    await panel.getByLabel(zh('insv.reportNo')).fill('RDAA2026120700777')
    await panel.getByLabel(zh('insv.deductible')).fill('300.00')
    await panel.getByLabel(zh('insv.assessor')).fill('李定损')
    await panel.getByRole('button', { name: zh('insv.open') }).click()
    await panel.locator('.ins-supplements').waitFor()

    // The assessment: every insurer line assessed at its amount less 100 yuan, assessed today.
    const opened = await apiCall(env.host.url, token, 'insurance.get', { roId: ro.id })
    const insurerLines = opened.lines.filter((l) => l.payer === 'insurance')
    const today = opened.claim!.reportedOn
    await panel.getByLabel(zh('insv.assessedOn')).fill(today)
    for (const l of insurerLines) {
      const yuan = Math.max(0, l.amountFen - 10_000) / 100
      await panel.getByLabel(zh('insv.assessedOf', { position: l.position })).fill(yuan.toFixed(2))
    }
    await panel.getByLabel(zh('insv.assessedOf', { position: insurerLines[0]!.position })).press('Enter')
    await panel.getByText(zh('insv.onTime')).waitFor()

    // A supplement of 50 yuan on the first insurer line, typed and sent with Enter.
    await panel.getByLabel(zh('insv.sup.amount'), { exact: true }).fill('50')
    await panel.getByLabel(zh('insv.sup.note'), { exact: true }).fill('拆检后发现支架断裂')
    await panel.getByLabel(zh('insv.sup.amount'), { exact: true }).press('Enter')
    await panel.getByText('拆检后发现支架断裂').waitFor()

    const view = await apiCall(env.host.url, token, 'insurance.get', { roId: ro.id })
    expect(view.supplements).toMatchObject([{ amountFen: 5_000, position: insurerLines[0]!.position }])
    expect(view.split.insurer.grossFen + view.split.customer.grossFen).toBe(view.split.roGrossFen)
    await expect.poll(() => panel.getByTestId('ins-insurer-gross').textContent()).toBe(formatFen(view.split.insurer.grossFen, 'zh-CN'))
    expect(await panel.getByTestId('ins-customer-gross').textContent()).toBe(formatFen(view.split.customer.grossFen, 'zh-CN'))
    expect(await panel.getByTestId('ins-split-sum').textContent()).toBe(formatFen(view.split.roGrossFen, 'zh-CN'))
    expect(await panel.getByTestId('ins-ro-gross').textContent()).toBe(formatFen(view.split.roGrossFen, 'zh-CN'))
    await settle(page, { toastsGone: true })
    await screenshot(page, 'insurance-ro-assessed')
  })

  it('shows the insurers’ ageing and the month-end collection list, and prints it', async () => {
    const owed = await apiCall(env.host.url, token, 'insurance.receivables', {})
    await page.evaluate(`window.location.hash = '#/settlement?tab=insurers'`)
    const ageing = page.getByRole('table', { name: zh('insr.ageingTitle') })
    await ageing.waitFor()
    for (const s of owed.insurers) await ageing.getByRole('cell', { name: s.insurer, exact: true }).waitFor()
    await page.getByText(zh('insr.total', { asOf: owed.asOf, n: owed.rows.length, amount: formatFen(owed.balanceFen, 'zh-CN') })).waitFor()
    await settle(page)
    await screenshot(page, 'insurance-receivables')
    await page.getByRole('button', { name: zh('insr.print') }).click()
    await page.getByRole('heading', { name: zh('insr.printTitle') }).first().waitFor()
    await settle(page)
    await screenshot(page, 'insurance-collection-print')
  })

  it('marks an accident car as insurance at the desk: the RO opens with its claim, which the RO’s insurance panel shows', async () => {
    const hits = await apiCall(env.host.url, token, 'reception.search', { q: '粤', limit: 50 })
    const free = hits.filter((h) => h.vehicleId && h.plate && !h.openRoId)
    if (free.length < 2) throw new Error('no demo vehicles without an open order')
    const vehicle = await apiCall(env.host.url, token, 'vehicles.get', { id: free[0]!.vehicleId! })
    await page.evaluate(`window.location.hash = '#/check-in/${vehicle.vehicle.id}'`)
    const form = page.getByRole('form', { name: zh('checkIn.title') })
    await form.getByLabel(zh('field.odometerKm')).fill(String(vehicle.vehicle.odometerKm + 300))
    await form.getByLabel(zh('field.concerns')).fill('追尾事故，后保险杠及尾灯破损')
    await form.getByText(zh('roType.insurance'), { exact: true }).click()
    const claim = form.getByRole('group', { name: zh('checkIn.insurance') })
    // Nothing is sent without the insurer and the report number; each field says what is missing.
    await form.getByRole('button', { name: zh('checkIn.submit') }).click()
    await claim.getByText(zh('checkIn.insurerRequired')).waitFor()
    await claim.getByText(zh('checkIn.reportNoRequired')).waitFor()
    await claim.getByLabel(zh('checkIn.insurer')).fill('中国人保')
    await claim.getByLabel(zh('checkIn.reportNo')).fill('RDAA2026120899001')
    await settle(page)
    await screenshot(page, 'check-in-insurance')
    await form.getByLabel(zh('field.concerns')).press('Control+Enter')
    const id = await currentRoId(page)

    const view = await apiCall(env.host.url, token, 'insurance.get', { roId: id })
    expect(view.claim).toMatchObject({ insurer: '中国人保', reportNo: 'RDAA2026120899001', insuredName: vehicle.owner.name, assessedOn: null })
    const panel = page.getByRole('region', { name: zh('insv.title') })
    await expect.poll(() => panel.getByLabel(zh('insv.reportNo')).inputValue()).toBe('RDAA2026120899001')
    expect(await panel.getByLabel(zh('insv.insurer')).inputValue()).toBe('中国人保')
    await settle(page, { toastsGone: true })
    await screenshot(page, 'ro-insurance-from-desk')

    // The same report number on another car is refused at its field, in the desk's language (English here).
    await apiCall(env.host.url, token, 'auth.setLocale', { locale: 'en' })
    const other = await apiCall(env.host.url, token, 'vehicles.get', { id: free[1]!.vehicleId! })
    await page.evaluate(`window.location.hash = '#/check-in/${other.vehicle.id}'`)
    await page.reload()
    const formEn = page.getByRole('form', { name: en('checkIn.title') })
    await formEn.getByLabel(en('field.odometerKm')).fill(String(other.vehicle.odometerKm + 300))
    await formEn.getByLabel(en('field.concerns')).fill('Side impact, left door')
    await formEn.getByText(en('roType.insurance'), { exact: true }).click()
    const claimEn = formEn.getByRole('group', { name: en('checkIn.insurance') })
    await claimEn.getByLabel(en('checkIn.insurer')).fill('中国人保')
    await claimEn.getByLabel(en('checkIn.reportNo')).fill('RDAA2026120899001')
    await formEn.getByRole('button', { name: en('checkIn.submit') }).click()
    await claimEn.getByText(en('checkIn.reportNoTaken', { insurer: '中国人保', reportNo: 'RDAA2026120899001', number: view.ro.number })).waitFor()
    await settle(page)
    await screenshot(page, 'check-in-insurance-taken-en')
    await apiCall(env.host.url, token, 'auth.setLocale', { locale: 'zh-CN' })
    expect(env.session.problems).toEqual([])
  })
})
