import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { hostAndBrowser } from './support/fixture'
import { screenshot, settle } from './support/browser'
import { apiCall, apiLogin } from './support/api'
import { logIn } from './support/desk'
import { en, zh } from './support/i18n'
import { formatFen } from '../src/shared/domain/money'
import { percentFromBp } from '../src/shared/format/numbers'

const PASSWORD = 'demo-e2e-pass'

// On the demo dealership the cashier settles the accident car that is ready and assessed, split
// between the insurer and the customer (the customer pays their share at the till); the insurer's
// transfer comes in the same month; the front-desk supervisor's figures count it, and the
// per-insurer collection opens onto the invoice.
describe('an assessed insurance RO settled split and collected within the month', () => {
  const env = hostAndBrowser({ demoPassword: PASSWORD, timeoutMs: 300_000 })
  let page: Page
  let cashierToken = ''
  let deskToken = ''
  let ro = { id: 0, number: '' }

  beforeAll(async () => {
    cashierToken = await apiLogin(env.host.url, 'cashier', PASSWORD)
    deskToken = await apiLogin(env.host.url, 'frontdesk', PASSWORD)
    const open = await apiCall(env.host.url, deskToken, 'ro.list', { type: 'insurance', open: true, limit: 50 })
    for (const r of open.rows) {
      const view = await apiCall(env.host.url, deskToken, 'insurance.get', { roId: r.id })
      if (view.ro.state === 'ready' && view.claim?.assessedOn) ro = { id: r.id, number: r.number }
    }
    if (!ro.id) throw new Error('no demo insurance RO ready to settle')
    page = env.session.page
  })

  it('settles the RO split between the insurer and the customer, the customer paying their share', async () => {
    const split = (await apiCall(env.host.url, deskToken, 'insurance.get', { roId: ro.id })).split
    expect(split.insurer.grossFen).toBeGreaterThan(0)
    expect(split.customer.grossFen).toBeGreaterThan(0)
    await logIn(page, 'cashier', PASSWORD)
    await page.goto(`/#/settlement/ro/${ro.id}`)
    const form = page.locator('.stl-settle')
    const invoices = form.getByRole('table', { name: zh('stl.settle.invoices') })
    await invoices.getByRole('row').filter({ hasText: zh('payer.insurance') }).getByText(formatFen(split.insurer.grossFen, 'zh-CN')).first().waitFor()
    await invoices.getByRole('row').filter({ hasText: zh('payer.customer') }).getByText(formatFen(split.customer.grossFen, 'zh-CN')).first().waitFor()

    const payments = page.getByRole('table', { name: zh('stl.pay.title') })
    if ((await payments.getByLabel(zh('stl.pay.methodOf', { n: 1 })).count()) === 0) await form.getByRole('button', { name: zh('stl.pay.add') }).click()
    const payer = form.getByLabel(zh('stl.pay.payerOf', { n: 1 }))
    if (!((await payer.locator('xpath=ancestor::div[contains(@class,"ant-select")][1]').textContent()) ?? '').includes(zh('payer.customer'))) {
      await payer.click()
      await page.locator('.ant-select-item-option').filter({ hasText: zh('payer.customer') }).click()
    }
    await form.getByLabel(zh('stl.pay.methodOf', { n: 1 })).click()
    await page.locator('.ant-select-item-option').filter({ hasText: zh('paymentMethod.wechat_pay') }).click()
    await form.getByLabel(zh('stl.pay.amountOf', { n: 1 })).fill((split.customer.grossFen / 100).toFixed(2))
    await form.getByLabel(zh('stl.pay.referenceOf', { n: 1 })).fill('4200009876202612')
    await expect.poll(() => form.getByLabel(zh('stl.settle.summary')).textContent()).toContain(formatFen(split.customer.grossFen, 'zh-CN'))
    await settle(page, { toastsGone: true })
    await screenshot(page, 'insurance-settle-split-zh', false)
    await page.keyboard.press('Control+Enter')
    await page.getByLabel(zh('field.state')).getByText(zh('roState.settled')).waitFor()

    const after = await apiCall(env.host.url, cashierToken, 'settlement.get', { roId: ro.id })
    const issued = after.invoices.filter((i) => i.kind === 'invoice' && i.state === 'issued')
    const insurer = issued.find((i) => i.payer === 'insurance')!
    const customer = issued.find((i) => i.payer === 'customer')!
    expect(insurer.grossFen).toBe(split.insurer.grossFen)
    expect(customer).toMatchObject({ grossFen: split.customer.grossFen, balanceFen: 0 })
    expect(insurer.grossFen + customer.grossFen).toBe(split.roGrossFen)
    await page.getByRole('table', { name: zh('stl.invoices.title') }).getByText(insurer.number).waitFor()
    await settle(page, { toastsGone: true })
    await screenshot(page, 'insurance-settled-zh', false)
  })

  it('records the insurer’s transfer within the month, and the same-month collection counts it down to the invoice', async () => {
    const before = (await apiCall(env.host.url, cashierToken, 'settlement.get', { roId: ro.id })).invoices.find((i) => i.payer === 'insurance' && i.kind === 'invoice')!
    await page.getByRole('button', { name: zh('stl.payLater.open', { number: before.number }) }).click()
    const pay = page.getByRole('dialog')
    await pay.getByText(zh('paymentMethod.transfer'), { exact: true }).click()
    await pay.getByLabel(zh('field.amountFen')).fill((before.balanceFen / 100).toFixed(2))
    await pay.getByRole('button', { name: zh('stl.payLater.submit') }).click()
    await expect.poll(async () => (await apiCall(env.host.url, cashierToken, 'settlement.get', { roId: ro.id })).invoices.find((i) => i.id === before.id)?.balanceFen).toBe(0)

    const figures = await apiCall(env.host.url, deskToken, 'insurance.figures', { months: 6 })
    const insurer = before.insurer!
    const row = figures.insurers.find((i) => i.insurer === insurer)!
    const drill = await apiCall(env.host.url, deskToken, 'insurance.figures.drill', { figure: 'collection', month: figures.insurersMonth, insurer })
    expect(drill.invoices.find((i) => i.invoiceId === before.id)).toMatchObject({ grossFen: before.grossFen, collectedInMonthFen: before.grossFen, collectedInMonth: true, pending: false })
    expect([row.collectedFen, row.settledFen]).toEqual([drill.invoices.reduce((s, i) => s + i.collectedInMonthFen, 0), drill.invoices.reduce((s, i) => s + i.grossFen, 0)])
    expect([row.collected, row.invoices]).toEqual([drill.invoices.filter((i) => !i.pending && i.collectedInMonth).length, drill.invoices.filter((i) => !i.pending).length])
    const month = figures.collection.at(-1)!
    const all = await apiCall(env.host.url, deskToken, 'insurance.figures.drill', { figure: 'collection', month: month.month })
    expect(month.collectedFen).toBe(all.invoices.reduce((s, i) => s + i.collectedInMonthFen, 0))
    const timely = figures.timeliness.at(-1)!
    const due = await apiCall(env.host.url, deskToken, 'insurance.figures.drill', { figure: 'timeliness', month: timely.month })
    expect([timely.onTime, timely.due]).toEqual([due.assessments.filter((a) => a.onTime).length, due.assessments.length])

    // The supervisor at her own desk (another window: the cashier stays logged in at hers).
    page = await env.session.browser.newPage({ baseURL: env.host.url, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1440, height: 900 } })
    await logIn(page, 'frontdesk', PASSWORD)
    await page.goto('/#/dashboard')
    const perInsurer = page.getByRole('table', { name: zh('insFig.insurers', { month: figures.insurersMonth }) })
    const insurerRow = perInsurer.getByRole('row').filter({ hasText: insurer })
    await insurerRow.getByText(formatFen(row.collectedFen, 'zh-CN'), { exact: true }).first().waitFor()
    await insurerRow.getByText(percentFromBp(row.valueBp), { exact: true }).waitFor()
    // The insurance section's card carries the dashboard target's own name (one definition of 当月回款).
    const insSection = page.getByRole('region', { name: zh('insFig.title'), exact: true })
    await insSection.getByRole('region', { name: zh('insFig.collection'), exact: true }).scrollIntoViewIfNeeded()
    await settle(page)
    await screenshot(page, 'insurance-figures-zh', true)
    await insurerRow.click()
    const modal = page.getByRole('dialog')
    await modal.getByText(before.number).waitFor()
    await modal
      .getByText(
        zh('insFig.drill.collectionSum', {
          count: drill.invoices.length,
          invoices: row.invoices,
          collectedCount: row.collected,
          settled: formatFen(row.settledFen, 'zh-CN'),
          collected: formatFen(row.collectedFen, 'zh-CN'),
        }),
      )
      .waitFor()
    await settle(modal)
    await screenshot(page, 'insurance-figures-drill-zh', false)
    await page.keyboard.press('Escape')
    await modal.waitFor({ state: 'detached' })
  })

  it('shows the figures in English', async () => {
    await apiCall(env.host.url, deskToken, 'auth.setLocale', { locale: 'en' })
    await page.reload()
    const insSection = page.getByRole('region', { name: en('insFig.title'), exact: true })
    await insSection.getByRole('region', { name: en('insFig.collection'), exact: true }).waitFor()
    await insSection.getByRole('region', { name: en('insFig.timeliness'), exact: true }).getByText(en('insFig.timelinessRule', { days: 3 })).waitFor()
    await insSection.getByRole('region', { name: en('insFig.timeliness'), exact: true }).scrollIntoViewIfNeeded()
    await settle(page)
    await screenshot(page, 'insurance-figures-en', true)
    await apiCall(env.host.url, deskToken, 'auth.setLocale', { locale: 'zh-CN' })
    expect(env.session.problems).toEqual([])
  })
})
