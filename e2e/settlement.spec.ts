import { beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { toLocalIso } from '../src/shared/domain/time'
import { dateTime } from '../src/renderer/src/format'
import { hostAndBrowser } from './support/fixture'
import { screenshot, settle } from './support/browser'
import { apiCall, apiLogin, checkInFreeVehicle } from './support/api'
import { logIn } from './support/desk'
import { en, zh } from './support/i18n'

const PASSWORD = 'demo-e2e-pass'
const TZ = 'Asia/Shanghai'

/** Another person at another PC: a browser context of its own, watched for errors like the first. */
async function otherDesk(browser: Browser, baseUrl: string, problems: string[]): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: TZ })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) problems.push(`console: ${m.text()}`)
  })
  return page
}

// The cashier's day on the demo dealership: a car with a customer line and a warranty part comes
// out of the workshop, is settled with a partial payment (the rest a receivable), paid up and
// delivered; meanwhile the part it used drops below safety stock, which raises an alert in the
// parts supervisor's inbox that a receipt clears; the manager tunes a rule and reads the targets.
describe('settlement, alerts and targets on the demo dealership', () => {
  const env = hostAndBrowser({ demoPassword: PASSWORD })
  let cashier: Page
  let partsDesk: Page
  let manager: Page
  const tokens: Record<string, string> = {}
  let ro = { id: 0, number: '', plate: '' }
  let part = { id: 0, number: '', name: '' }
  const toast = (page: Page, text: string) => page.locator('.ant-message').getByText(text)
  const badge = (page: Page) => page.locator('.alert-badge')
  const activeCount = async (page: Page) => Number(await badge(page).getAttribute('data-active'))
  /** A screenshot once the toasts have gone and nothing moves any more (a button's click ripple aside). */
  const shot = async (page: Page, name: string, fullPage = false) => {
    await settle(page, { toastsGone: true })
    await screenshot(page, name, fullPage)
  }

  beforeAll(async () => {
    for (const u of ['advisor1', 'workshop', 'tech1', 'techsup', 'partsup', 'cashier', 'manager']) tokens[u] = await apiLogin(env.host.url, u, PASSWORD)

    // A part the catalogue sells that has neither stock nor issues yet, so it has no safety level.
    const parts = await apiCall(env.host.url, tokens.partsup!, 'parts.search', { q: '滤', limit: 200 })
    const pick = parts.find((p) => p.active && p.priceFen > 0 && p.onHandMilli === 0 && !p.lastIssueAt)
    if (!pick) throw new Error('no demo part without stock and issues')
    part = { id: pick.id, number: pick.partNumber, name: pick.name }

    // An authorised order: the customer pays the labour, the maker's warranty the part. The demo
    // car is past its wear-part coverage, so the manager lets the warranty line through with a reason.
    const { vehicle: free, ro: checkedIn } = await checkInFreeVehicle(env.host.url, tokens.advisor1!, {
      kmDriven: 800,
      fuelEighths: 4,
      concerns: '发动机故障灯亮，怠速抖动',
      promisedAt: toLocalIso(new Date(Date.now() + 4 * 3_600_000), TZ),
    })
    let detail = checkedIn
    const settings = await apiCall(env.host.url, tokens.advisor1!, 'settings.get', {})
    detail = await apiCall(env.host.url, tokens.manager!, 'ro.saveLines', {
      id: detail.id,
      version: detail.version,
      warrantyOverride: { reason: '厂家特批：该批次滤清器质量问题' },
      lines: [
        { kind: 'labour', description: '发动机故障诊断与检修', quantityMilli: 1000, unitPriceFen: settings.labourRateFen, payer: 'customer' },
        { kind: 'part', partId: part.id, description: part.name, quantityMilli: 2000, unitPriceFen: pick.priceFen, payer: 'warranty' },
      ],
    })
    detail = await apiCall(env.host.url, tokens.advisor1!, 'ro.authorise', { id: detail.id, version: detail.version, method: 'in_person', authorisedBy: detail.customer.name })
    ro = { id: detail.id, number: detail.number, plate: free.plate }

    cashier = env.session.page
    partsDesk = await otherDesk(env.session.browser, env.host.url, env.session.problems)
    manager = await otherDesk(env.session.browser, env.host.url, env.session.problems)
  })

  it('raises a below-safety-stock alert in the parts supervisor’s inbox when the last units are issued, and clears it on a receipt', async () => {
    await logIn(partsDesk, 'partsup', PASSWORD)
    await partsDesk.keyboard.press('Alt+8')
    const inbox = partsDesk.getByRole('table', { name: zh('inbox.title') })
    await inbox.waitFor()
    await expect.poll(() => badge(partsDesk).getAttribute('data-active')).not.toBeNull()
    const before = await activeCount(partsDesk)
    const row = () => inbox.getByRole('row').filter({ hasText: part.number })
    // Alerts of one rule are folded into a row with their count: open the folds to see each one.
    const found = async () => {
      for (const fold of await inbox.locator('button.ant-table-row-expand-icon-collapsed').all()) await fold.click().catch(() => undefined)
      return row().count()
    }

    // Two on the shelf, both issued to our order: the shelf is empty and the part now moves.
    await apiCall(env.host.url, tokens.partsup!, 'stock.receive', { partId: part.id, quantityMilli: 2000, reason: '首批到货' })
    await apiCall(env.host.url, tokens.partsup!, 'parts.issue', { roId: ro.id, lines: [{ partId: part.id, quantityMilli: 2000 }] })
    await expect.poll(found, { timeout: 5_000 }).toBeGreaterThan(0)
    await expect.poll(() => row().textContent()).toContain('建议补货')
    await expect.poll(() => activeCount(partsDesk), { timeout: 3_000 }).toBe(before + 1)
    expect(await row().textContent()).toContain(zh('ruleKind.part_below_safety_stock'))
    await shot(partsDesk, 'alerts-inbox', false)

    // A on the focused row acknowledges it: out of "to handle", into "acknowledged".
    await row().focus()
    await partsDesk.keyboard.press('a')
    await toast(partsDesk, zh('inbox.acknowledged')).waitFor()
    await row().waitFor({ state: 'detached' })
    await expect.poll(() => activeCount(partsDesk)).toBe(before)
    await partsDesk.locator('.ant-segmented-item').filter({ hasText: zh('inbox.state.acknowledged') }).click()
    await expect.poll(found).toBeGreaterThan(0)
    await row().getByText(zh('alertState.acknowledged'), { exact: true }).waitFor()

    // The reorder arrives: the condition clears and the alert resolves itself, live.
    await apiCall(env.host.url, tokens.partsup!, 'stock.receive', { partId: part.id, quantityMilli: 3000, reason: '补货到货' })
    await row().waitFor({ state: 'detached', timeout: 3_000 })
    await partsDesk.locator('.ant-segmented-item').filter({ hasText: zh('inbox.state.resolved') }).click()
    await expect.poll(found).toBeGreaterThan(0)
    await row().getByText(zh('alertState.resolved'), { exact: true }).waitFor()
    expect(await row().textContent()).toContain('条件已解除')
    await shot(partsDesk, 'alerts-cleared', false)
    const [alert] = await apiCall(env.host.url, tokens.partsup!, 'alerts.list', { state: 'all', ruleKind: 'part_below_safety_stock', subjectId: part.id })
    expect(alert).toMatchObject({ state: 'resolved', inboxRole: 'parts_supervisor', acknowledgedBy: '高建华', resolvedBy: null })
    expect(env.session.problems).toEqual([])
  })

  it('brings the order out of the workshop, ready for the cashier', async () => {
    // Staff accounts are listed only to those who manage staff.
    const users = await apiCall(env.host.url, await apiLogin(env.host.url, 'admin', PASSWORD), 'users.list', {})
    const tech = users.find((u) => u.username === 'tech1')!
    let shop = await apiCall(env.host.url, tokens.workshop!, 'workshop.ro', { roId: ro.id })
    for (const job of shop.jobs.filter((j) => j.lineId !== null)) {
      const dispatched = await apiCall(env.host.url, tokens.workshop!, 'workshop.dispatch', { lineId: job.lineId!, technicianId: tech.id })
      await apiCall(env.host.url, tokens.tech1!, 'workshop.clockOn', { jobId: dispatched.id!, pauseOthers: true })
      await apiCall(env.host.url, tokens.tech1!, 'workshop.finish', { jobId: dispatched.id! })
    }
    shop = await apiCall(env.host.url, tokens.techsup!, 'workshop.ro', { roId: ro.id })
    expect(shop.roState).toBe('quality_check')
    shop = await apiCall(env.host.url, tokens.techsup!, 'workshop.qc.record', {
      roId: ro.id,
      version: shop.roVersion,
      result: 'pass',
      items: shop.checklist.map((i) => ({ itemId: i.id, ok: true })),
    })
    expect(shop.roState).toBe('ready')
  })

  it('settles with two payers and a partial payment, refusing a discount over the cap, and leaves the rest as receivables', async () => {
    await logIn(cashier, 'cashier', PASSWORD)
    await cashier.keyboard.press('Alt+7')
    const queue = cashier.getByRole('table', { name: zh('stl.tab.ready') })
    await queue.getByRole('row', { name: `${ro.plate} ${ro.number}` }).waitFor()
    await shot(cashier, 'settlement-queue', false)
    await cashier.getByLabel(zh('stl.queue.filter')).fill(ro.plate)
    await cashier.keyboard.press('Enter')
    await cashier.waitForURL(new RegExp(`#/settlement/ro/${ro.id}$`))

    const form = cashier.locator('.stl-settle')
    const invoices = form.getByRole('table', { name: zh('stl.settle.invoices') })
    await invoices.getByRole('row').filter({ hasText: zh('payer.customer') }).waitFor()
    await invoices.getByRole('row').filter({ hasText: zh('payer.warranty') }).waitFor()
    const view = await apiCall(env.host.url, tokens.cashier!, 'settlement.get', { roId: ro.id })
    const customer = view.drafts.find((d) => d.payer === 'customer')!
    const warranty = view.drafts.find((d) => d.payer === 'warranty')!
    expect(customer.grossFen).toBe(33_900)

    // Parts and billing agree: with one unit of the billed part back on the shelf, the cashier sees
    // why the order cannot be settled before pressing anything, and Settle waits for the counter.
    await apiCall(env.host.url, tokens.partsup!, 'parts.return', { roId: ro.id, lines: [{ partId: part.id, quantityMilli: 1000 }], reason: '多领退回' })
    const gates = form.getByRole('alert', { name: zh('stl.gates.title') })
    await gates.getByRole('table', { name: zh('stl.gates.parts') }).getByText(part.number).waitFor({ timeout: 3_000 })
    await gates.getByText(zh('stl.gates.whoOverrides')).waitFor()
    expect(await form.getByRole('button', { name: zh('stl.settle.submit') }).isDisabled()).toBe(true)
    await shot(cashier, 'settlement-parts-outstanding', false)
    const refused = await apiCall(env.host.url, tokens.cashier!, 'settlement.settle', { roId: ro.id, version: view.ro.version }).catch((e: Error) => e.message)
    expect(String(refused)).toContain('未发料')
    await apiCall(env.host.url, tokens.partsup!, 'parts.issue', { roId: ro.id, lines: [{ partId: part.id, quantityMilli: 1000 }] })
    await expect.poll(() => gates.count(), { timeout: 3_000 }).toBe(0)
    await expect.poll(() => form.getByRole('button', { name: zh('stl.settle.submit') }).isDisabled()).toBe(false)

    // Settled at once for the whole bill in cash; then the customer recalls an agreed ¥10 discount and
    // pays ¥200 by WeChat now. A settled order is never edited: the manager reverses it with a reason.
    await cashier.keyboard.press('Control+Enter')
    await cashier.getByLabel(zh('field.state')).getByText(zh('roState.settled')).waitFor()
    await logIn(manager, 'manager', PASSWORD)
    await manager.goto(`/#/settlement/ro/${ro.id}`)
    await manager.getByRole('button', { name: zh('stl.reverse.button') }).click()
    const reverse = manager.getByRole('dialog')
    await reverse.getByLabel(zh('field.reason')).fill('客户约定折扣 10 元，改为部分付款')
    await reverse.getByRole('button', { name: zh('stl.reverse.submit') }).click()
    await toast(manager, zh('stl.reverse.done', { number: ro.number })).waitFor()
    // The cashier's screen follows by itself: ready again, with the reversed invoices and their credit notes.
    await cashier.getByLabel(zh('field.state')).getByText(zh('roState.ready')).waitFor({ timeout: 3_000 })
    await cashier.getByText(zh('stl.history.reason', { reason: '客户约定折扣 10 元，改为部分付款' })).waitFor()
    await expect.poll(() => cashier.getByRole('table', { name: zh('stl.invoices.title') }).getByText(zh('invoiceKind.credit')).count()).toBe(2)
    // Full page: the payment history under the invoices, after a reversal, in the narrow column.
    await shot(cashier, 'settlement-reversed', true)

    // ¥50 is over the cashier's 5 % cap (¥16.95): the refusal shows at once and Settle waits.
    const discount = form.getByLabel(zh('stl.settle.discountOf', { payer: 'payer.customer' }))
    await discount.fill('50')
    await form.getByRole('alert').filter({ hasText: '需要超额折扣权限' }).waitFor()
    expect(await form.getByRole('button', { name: zh('stl.settle.submit') }).isDisabled()).toBe(true)
    await shot(cashier, 'settlement-discount-refused', false)
    await discount.fill('10')
    await form.getByText(zh('stl.settle.cap', { cap: '5', limit: '¥16.95' })).waitFor()

    // Part of the customer's bill by WeChat Pay now; the rest and the warranty stay open.
    await form.getByLabel(zh('stl.pay.methodOf', { n: 1 })).click()
    await cashier.locator('.ant-select-item-option').filter({ hasText: zh('paymentMethod.wechat_pay') }).click()
    await form.getByLabel(zh('stl.pay.amountOf', { n: 1 })).fill('200')
    await form.getByLabel(zh('stl.pay.referenceOf', { n: 1 })).fill('4200001234202611')
    await expect.poll(() => form.getByLabel(zh('stl.settle.summary')).textContent()).toContain('¥200.00')
    await shot(cashier, 'settlement-desk', false)
    await cashier.keyboard.press('Control+Enter')
    await cashier.getByLabel(zh('field.state')).getByText(zh('roState.settled')).waitFor()

    const after = await apiCall(env.host.url, tokens.cashier!, 'settlement.get', { roId: ro.id })
    const byPayer = Object.fromEntries(after.invoices.filter((i) => i.kind === 'invoice' && i.state === 'issued').map((i) => [i.payer, i]))
    expect(byPayer.customer).toMatchObject({ grossFen: customer.grossFen - 1_000, discountFen: 1_000, paidFen: 20_000, balanceFen: customer.grossFen - 21_000 })
    expect(byPayer.warranty).toMatchObject({ grossFen: warranty.grossFen, paidFen: 0, balanceFen: warranty.grossFen })
    expect(after.payments.map((p) => [p.method, p.amountFen])).toEqual([['cash', 33_900], ['cash', -33_900], ['wechat_pay', 20_000]])
    expect(after.history.map((h) => h.kind)).toEqual(['settle', 'reversal', 'settle'])
    await cashier.getByRole('table', { name: zh('stl.invoices.title') }).getByText(byPayer.warranty!.number).waitFor()
    await shot(cashier, 'settlement-settled', false)

    await cashier.goto('/#/settlement?tab=receivables')
    const rows = cashier.getByRole('table', { name: zh('stl.recv.rows') }).getByRole('row').filter({ hasText: ro.number })
    await expect.poll(() => rows.count()).toBe(2)
    await cashier.getByRole('table', { name: zh('stl.recv.ageing') }).getByText(zh('payer.warranty')).waitFor()
    await shot(cashier, 'settlement-receivables', false)
    expect(env.session.problems).toEqual([])
  })

  it('takes the rest of the customer’s bill, delivers with a gate pass and prints both sheets', async () => {
    await cashier.goto(`/#/settlement/ro/${ro.id}`)
    const customerInvoice = (await apiCall(env.host.url, tokens.cashier!, 'settlement.get', { roId: ro.id })).invoices.find((i) => i.payer === 'customer' && i.kind === 'invoice' && i.state === 'issued')!
    // The header's alert count shows here too, on the cashier's screen.
    await badge(cashier).waitFor()
    // The car may not leave while the customer owes: the cashier has no credit permission.
    expect(await cashier.getByRole('button', { name: zh('stl.deliver.button') }).isDisabled()).toBe(true)

    await cashier.getByRole('button', { name: zh('stl.payLater.open', { number: customerInvoice.number }) }).click()
    const pay = cashier.getByRole('dialog')
    await pay.getByText(zh('paymentMethod.cash'), { exact: true }).click()
    await settle(pay)
    // ¥129.00 open; the customer hands over ¥150 in cash: the change shows before confirming.
    await pay.getByLabel(zh('field.amountFen')).fill('150')
    await pay.getByText(zh('stl.change.line', { change: '¥21.00' })).waitFor()
    await shot(cashier, 'settlement-cash-change', false)
    await pay.getByRole('button', { name: zh('stl.payLater.submit') }).click()
    await toast(cashier, zh('stl.payLater.done', { amount: '¥129.00', number: customerInvoice.number }) + zh('stl.change.toast', { change: '¥21.00' })).waitFor()
    const change = (await apiCall(env.host.url, tokens.cashier!, 'settlement.get', { roId: ro.id })).payments.at(-1)!
    expect([change.method, change.amountFen, change.tenderedFen, change.changeFen]).toEqual(['cash', 12_900, 15_000, 2_100])
    await cashier.getByRole('table', { name: zh('stl.payments.title') }).getByText('¥150.00 / ¥21.00').waitFor()
    await shot(cashier, 'settlement-payments-history', false)

    await cashier.getByRole('button', { name: zh('stl.deliver.button') }).click()
    const deliver = cashier.getByRole('dialog').filter({ hasText: zh('stl.deliver.confirm') })
    await deliver.getByRole('button', { name: zh('stl.deliver.submit') }).click()
    await cashier.getByLabel(zh('field.state')).getByText(zh('roState.delivered')).waitFor()
    const done = await apiCall(env.host.url, tokens.cashier!, 'settlement.get', { roId: ro.id })
    expect(done.gatePass).toMatchObject({ onCredit: false, outstandingFen: 0 })
    expect(done.customerBalanceFen).toBe(0)

    await cashier.getByRole('button', { name: zh('stl.print.gatePass') }).click()
    const pass = cashier.getByRole('article', { name: zh('stl.print.gatePassTitle') })
    await pass.getByText(done.gatePass!.number).waitFor()
    await shot(cashier, 'settlement-gate-pass', true)
    // A half sheet: A5 landscape (595 × 420 pt), one page.
    await cashier.emulateMedia({ media: 'print' })
    const passPdf = (await cashier.pdf({ path: 'test-results/settlement-gate-pass.pdf', preferCSSPageSize: true, printBackground: true })).toString('latin1')
    expect(passPdf).toMatch(/\/MediaBox \[0 0 59[45](\.\d+)? 4(19|20)(\.\d+)?\]/)
    expect(passPdf.match(/\/Type \/Page\b/g)).toHaveLength(1)
    await cashier.emulateMedia({ media: 'screen' })
    await cashier.goto(`/#/settlement/ro/${ro.id}/statement`)
    const sheet = cashier.getByRole('article', { name: zh('stl.print.statementTitle') })
    await sheet.getByText(customerInvoice.number).waitFor()
    // The customer's statement: the customer owes nothing; the warranty invoice is listed apart.
    const own = sheet.getByRole('region', { name: zh('stl.print.customerPart') })
    await own.getByText(zh('stl.print.customerTotal')).waitFor()
    const others = sheet.getByRole('region', { name: zh('stl.print.otherPayers') })
    await others.getByText(zh('payer.warranty')).first().waitFor()
    expect(await others.getByText(zh('stl.print.customerOwes')).count()).toBe(0)
    await sheet.getByText(zh('stl.print.statementNote', { owed: '¥0.00' })).waitFor()
    const warrantyNote = sheet.getByRole('region', { name: zh('stl.print.repairWarranty') })
    const w = done.repairWarranty
    expect(w.untilDate).not.toBeNull()
    await warrantyNote.getByText(zh('stl.print.repairWarrantyTerms', { days: w.days, km: `${w.km.toLocaleString('zh-CN')} km` }), { exact: false }).waitFor()
    await shot(cashier, 'settlement-statement', true)
    await cashier.emulateMedia({ media: 'print' })
    const pdf = await cashier.pdf({ path: 'test-results/settlement-statement.pdf', preferCSSPageSize: true, printBackground: true })
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1)
    await cashier.emulateMedia({ media: 'screen' })
    expect(env.session.problems).toEqual([])
  })

  it('lets the manager see what a rule change would raise before saving it', async () => {
    await manager.goto('/#/alerts?tab=rules')
    await manager.getByRole('button', { name: zh('ruleEd.editOf', { rule: 'ruleKind.part_below_safety_stock' }) }).click()
    const drawer = manager.locator('.ant-drawer')
    const factor = drawer.getByLabel(zh('field.factorBp'))
    const preview = drawer.getByRole('status', { name: zh('ruleEd.preview') })
    await expect.poll(() => preview.textContent()).toContain(zh('ruleEd.previewReady'))
    // A higher safety factor puts more of the parts that move below their level: the screen says how many first.
    const expected = await apiCall(env.host.url, tokens.manager!, 'rules.preview', { kind: 'part_below_safety_stock', enabled: true, params: { factorBp: 20_000, windowMonths: 3 } })
    expect(expected.raise).toBeGreaterThan(0)
    await factor.fill('2')
    await factor.press('Tab')
    await expect.poll(() => preview.locator('.ant-statistic').first().textContent()).toBe(`${zh('ruleEd.raise')}${expected.raise}`)
    await expect.poll(() => preview.textContent()).toContain(zh('ruleEd.previewReady'))
    await settle(drawer)
    await shot(manager, 'alerts-rules-preview', false)
    await drawer.getByRole('button', { name: zh('common.save') }).click()
    await toast(manager, zh('ruleEd.saved', { raised: expected.raise, cleared: 0 })).waitFor()
    const rule = (await apiCall(env.host.url, tokens.manager!, 'rules.list', {})).find((r) => r.kind === 'part_below_safety_stock')!
    expect(rule).toMatchObject({ params: { factorBp: 20_000, windowMonths: 3 }, activeAlerts: expected.activeNow + expected.raise })

    await manager.goto('/#/alerts')
    // The manager sees every role's inbox, the parts supervisor's among them.
    const managerInbox = manager.getByRole('table', { name: zh('inbox.title') })
    await managerInbox.getByRole('row').filter({ hasText: zh('ruleKind.part_below_safety_stock') }).first().waitFor()
    await managerInbox.getByRole('row').filter({ hasText: zh('role.parts_supervisor') }).first().waitFor()
    await shot(manager, 'alerts-manager-inbox', false)
    // The low-stock alerts are one row with their count, and open to the alerts themselves.
    const active = await apiCall(env.host.url, tokens.manager!, 'alerts.list', { box: 'all', ruleKind: 'part_below_safety_stock', limit: 500 })
    if (active.length >= 2) {
      const group = managerInbox.locator('tr.inbox-group').filter({ hasText: zh('ruleKind.part_below_safety_stock') })
      await expect.poll(() => group.textContent()).toContain(zh('inbox.count', { n: active.length }))
      await group.locator('button.ant-table-row-expand-icon').click()
      await managerInbox.getByRole('row').filter({ hasText: active[0]!.subjectLabel ?? '' }).first().waitFor()
      await shot(manager, 'alerts-manager-inbox-grouped', false)
    }
    expect(env.session.problems).toEqual([])
  })

  it('shows the manual’s figures against their targets with a drill-down to the orders behind them', async () => {
    await manager.keyboard.press('Alt+9')
    const card = manager.getByRole('region', { name: zh('target.maintenance_settlement') })
    await card.getByLabel(zh('dash.current')).waitFor()
    for (const key of ['insurance_settlement', 'insurance_collection', 'stock_vs_outbound', 'slow_moving', 'turnover', 'fill_rate', 'stocktake_variance'] as const) {
      // The insurance figures below the targets carry the same-month collection card under the same
      // name (one definition, one name): the target's card is the first.
      await manager.getByRole('region', { name: zh(`target.${key}`), exact: true }).first().waitFor()
    }
    const targets = await apiCall(env.host.url, tokens.manager!, 'dashboard.targets', { months: 12 })
    const maintenance = targets.targets.find((t) => t.key === 'maintenance_settlement')!
    const month = [...maintenance.series].reverse().find((p) => p.denominator > 0)!
    expect(await card.getByLabel(zh('dash.current')).textContent()).toMatch(/%|—/)
    await shot(manager, 'dashboard-targets', true)

    await card.getByRole('button', { name: new RegExp(`^${month.month}:`) }).click()
    const drawer = manager.locator('.ant-drawer')
    await drawer.getByText(zh('dash.drillTitle', { target: 'target.maintenance_settlement', month: month.month })).waitFor()
    await expect.poll(() => drawer.getByRole('table', { name: zh('dash.drillRos') }).getByRole('row').count()).toBeGreaterThan(1)
    await settle(drawer)
    await shot(manager, 'dashboard-drill', false)
    await drawer.getByRole('button', { name: 'Close' }).or(drawer.locator('.ant-drawer-close')).first().click()

    // A past month's stock is read at that month's end, and the rows are the figure's own.
    const turnover = targets.targets.find((t) => t.key === 'turnover')!
    const past = turnover.series.at(-2)!
    const drill = await apiCall(env.host.url, tokens.manager!, 'dashboard.drill', { target: 'turnover', month: past.month, limit: 1000 })
    expect(drill.parts.reduce((s, p) => s + (p.issuedValueFen ?? 0), 0)).toBe(past.numerator)
    await manager.getByRole('region', { name: zh('target.turnover') }).getByRole('button', { name: new RegExp(`^${past.month}:`) }).click()
    await drawer.getByText(zh('dash.drillTitle', { target: 'target.turnover', month: past.month })).waitFor()
    await drawer.getByText(zh('dash.drillAsOf', { at: drill.asOf.slice(0, 16).replace('T', ' ') })).waitFor()
    await expect.poll(() => drawer.getByRole('table', { name: zh('dash.drillParts') }).getByRole('row').count()).toBeGreaterThan(1)
    await settle(drawer)
    await shot(manager, 'dashboard-drill-parts', false)
    expect(env.session.problems).toEqual([])
  })

  it('speaks English on request, the figures and the settled order alike', async () => {
    await manager.keyboard.press('Escape')
    await manager.locator('.app-header .ant-segmented-item').filter({ hasText: 'English' }).click()
    await manager.getByRole('region', { name: en('target.fill_rate') }).waitFor()
    await shot(manager, 'dashboard-targets-en', false)
    await manager.goto(`/#/settlement/ro/${ro.id}`)
    await manager.getByRole('table', { name: en('stl.invoices.title') }).waitFor()
    const { gatePass } = await apiCall(env.host.url, tokens.manager!, 'settlement.get', { roId: ro.id })
    await manager.getByText(en('stl.closed', { number: gatePass!.number, at: dateTime(gatePass!.deliveredAt) })).waitFor()
    await shot(manager, 'settlement-delivered-en', false)
    expect(env.session.problems).toEqual([])
  })
})
