import iconv from 'iconv-lite'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { hostAndBrowser } from './support/fixture'
import { screenshot, settle } from './support/browser'
import { apiCall, apiLogin, checkInFreeVehicle } from './support/api'
import { logIn, pickFromSelect } from './support/desk'
import { zh } from './support/i18n'
import { formatFen } from '../src/shared/domain/money'
import { localDate } from '../src/shared/domain/time'

const PASSWORD = 'demo-e2e-pass'

async function switchUser(page: Page, username: string): Promise<void> {
  await page.getByRole('button', { name: zh('shell.logout') }).click()
  await page.getByRole('form', { name: zh('login.title') }).waitFor()
  await logIn(page, username, PASSWORD)
}

async function openParts(page: Page, hash = '#/parts'): Promise<void> {
  await page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`)
}

/** A screenshot once transitions have finished (tab ink bar, progress bars, fading rows). */
async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await settle(page, { within: '.app-content, .print-page-wrap', timeout: 10_000 })
  await screenshot(page, name, fullPage)
}

async function chooseOption(page: Page, label: string, optionText: string, search = false): Promise<void> {
  const box = page.getByRole('combobox', { name: label })
  // On a loaded machine the list can be redrawn under the click (a live event refetches the
  // options): then the click misses and the list stays open, so the pick is tried again until
  // the closed select shows the option.
  for (let attempt = 1; ; attempt++) {
    if ((await box.getAttribute('aria-expanded')) !== 'true') await box.click()
    // The options come from a query: wait for them before typing, so the search filters a full list.
    await page.locator('.ant-select-item-option').first().waitFor()
    // A long list (the demo's suppliers) is searched, as the clerk would: only a few options are drawn.
    if (search) await box.fill(optionText)
    await page.locator('.ant-select-item-option').filter({ hasText: optionText }).first().click()
    const closed = await expect
      .poll(() => box.getAttribute('aria-expanded'), { timeout: 3_000 })
      .toBe('false')
      .then(() => true, () => false)
    if (closed) break
    if (attempt === 4) throw new Error(`the ${label} list stayed open after ${attempt} picks of ${optionText}`)
  }
  const chosen = page.locator('.ant-select').filter({ has: box }).first()
  await expect.poll(() => chosen.textContent()).toContain(optionText)
}

// A day at the parts counter of the demo dealership, in order: the supervisor imports a price
// list and orders the new parts, the clerk receives and issues them to a repair order and counts
// the shelf, and the manager approves the stocktake. The demo has no stock, so it comes in here.
describe('the parts counter on the demo dealership', () => {
  const env = hostAndBrowser({ demoPassword: PASSWORD })
  const s = String(Date.now()).slice(-5)
  const A = `ZZT-${s}-01`
  const B = `ZZT-${s}-02`
  const C = `ZZT-${s}-03`
  const ids: Record<string, number> = {}
  let roId = 0
  let roNumber = ''
  let stocktakeId = 0

  beforeAll(async () => {
    const sup = await apiLogin(env.host.url, 'partsup', PASSWORD)
    await apiCall(env.host.url, sup, 'purchasing.suppliers.save', { code: 'SVW', name: '上汽大众配件中心', contact: '王经理', phone: '020-88886666', active: true })
  })

  it('imports a GBK price list after a dry run that names the bad row and its reason', async () => {
    const { page } = env.session
    await logIn(page, 'partsup', PASSWORD)
    await page.getByRole('navigation').getByText(zh('nav.parts')).click()
    await page.getByRole('tab', { name: zh('pt.tab.catalogue') }).click()
    await page.getByRole('button', { name: zh('pt.import.button') }).click()
    const csv = [
      '零件号,名称,品牌,库位,单位,进价,售价',
      `${A},火花塞,博世,ZZ-01,EA,35.00,68.00`,
      `${B},空气滤清器,曼牌,ZZ-02,EA,42.50,88.00`,
      `${C},前刹车片,原厂,ZZ-03,套,180.00,360.00`,
      `ZZT-${s}-04,后刹车片,原厂,ZZ-04,套,150.00,abc`,
    ].join('\r\n')
    await page.locator('.ant-upload input[type=file]').setInputFiles({ name: '大众价格表.csv', mimeType: 'text/csv', buffer: iconv.encode(csv, 'gbk') })
    const summary = page.getByRole('status', { name: zh('pt.import.summary') })
    await summary.getByText(zh('pt.import.add', { n: 3 })).waitFor()
    await summary.getByText('GB18030').waitFor()
    await summary.getByText(zh('pt.import.bad', { n: 1 })).waitFor()
    const bad = page.getByRole('row').filter({ hasText: zh('parts.import.badAmount', { value: 'abc' }) })
    await expect.poll(() => bad.textContent()).toContain('5')
    await page.getByRole('row').filter({ hasText: A }).filter({ hasText: '火花塞' }).waitFor()
    await settle(page.getByRole('dialog'))
    await screenshot(page, 'parts-import-preview', false)
    await page.getByRole('button', { name: zh('pt.import.applySkipping', { n: 3, bad: 1 }) }).click()
    await page.getByText(zh('pt.import.doneDetail', { added: 3, changed: 0, unchanged: 0 })).waitFor()
    await page.getByRole('button', { name: zh('pt.import.close') }).click()

    // Found by the number typed without dashes, in lower case.
    await page.getByRole('textbox', { name: zh('pt.cat.search') }).fill(`zzt${s}0`)
    for (const pn of [A, B, C]) await page.getByRole('row').filter({ hasText: pn }).waitFor()
    await expect.poll(() => page.getByRole('row').filter({ hasText: `ZZT-${s}-04` }).count()).toBe(0)
    await shot(page, 'parts-catalogue')
    const sup = await apiLogin(env.host.url, 'partsup', PASSWORD)
    for (const pn of [A, B, C]) ids[pn] = (await apiCall(env.host.url, sup, 'parts.search', { q: pn, limit: 1 }))[0]?.id ?? 0
    expect(Object.values(ids).every((id) => id > 0)).toBe(true)
  })

  it('orders the new parts and receives them against the order, one line short', async () => {
    const { page } = env.session
    await page.getByRole('tab', { name: zh('pt.tab.purchasing') }).click()
    await page.getByRole('button', { name: zh('pt.po.new') }).click()
    const dialog = page.getByRole('dialog')
    await chooseOption(page, zh('field.supplierId'), '上汽大众配件中心', true)
    for (const [pn, q] of [[A, '10'], [B, '10'], [C, '2']] as const) {
      await pickFromSelect(page, zh('pt.po.addPart'), pn, pn)
      await dialog.getByLabel(zh('pt.po.quantityFor', { partNumber: pn })).fill(q)
    }
    await settle(dialog)
    await screenshot(page, 'parts-po-editor', false)
    await dialog.getByRole('button', { name: zh('common.save') }).click()
    await page.getByRole('button', { name: zh('pt.po.send') }).click()
    const receive = page.getByRole('region', { name: zh('pt.receive.title') })
    await receive.waitFor()
    await receive.getByLabel(zh('pt.receive.receivedFor', { partNumber: B })).fill('9')
    await chooseOption(page, zh('pt.receive.differenceFor', { partNumber: B }), zh('receiptDifference.short'))
    await shot(page, 'parts-po-receive')
    await receive.getByRole('button', { name: zh('pt.receive.confirm') }).click()
    await page.getByText(zh('poState.partly_received')).first().waitFor()
    await page.getByText(zh('receiptDifference.short')).first().waitFor()
    await shot(page, 'parts-po-received')

    const sup = await apiLogin(env.host.url, 'partsup', PASSWORD)
    const stock = async (pn: string) => (await apiCall(env.host.url, sup, 'parts.get', { id: ids[pn] ?? 0, moves: 5 })).part.onHandMilli
    expect([await stock(A), await stock(B), await stock(C)]).toEqual([10000, 9000, 2000])
    await openParts(page, '#/parts?tab=purchasing')
    await page.getByRole('row').filter({ hasText: '上汽大众配件中心' }).first().waitFor()
    await shot(page, 'parts-purchasing')
    expect(env.session.problems).toEqual([])
  })

  it('issues from the pick list, takes one back, and refuses more than is on hand with the figures', async () => {
    const { page } = env.session
    const adv = await apiLogin(env.host.url, 'advisor1', PASSWORD)
    let { ro } = await checkInFreeVehicle(env.host.url, adv, { kmDriven: 120, fuelEighths: 4, concerns: '更换火花塞和前刹车片' })
    const line = (pn: string, name: string, quantityMilli: number) => ({ kind: 'part' as const, partId: ids[pn] ?? 0, description: name, quantityMilli, unitPriceFen: 6800, payer: 'customer' as const })
    ro = await apiCall(env.host.url, adv, 'ro.saveLines', { id: ro.id, version: ro.version, lines: [line(A, '火花塞', 2000), line(C, '前刹车片', 5000)] })
    ro = await apiCall(env.host.url, adv, 'ro.authorise', { id: ro.id, version: ro.version, method: 'in_person', authorisedBy: ro.customer.name })
    roId = ro.id
    roNumber = ro.number
    const clerk = await apiLogin(env.host.url, 'parts1', PASSWORD)

    await switchUser(page, 'parts1')
    await page.keyboard.press('Alt+5')
    const queued = page.getByRole('row').filter({ hasText: roNumber })
    await queued.waitFor()
    await shot(page, 'parts-counter')
    await queued.click()
    const rowA = page.getByRole('row').filter({ hasText: A })
    const rowC = page.getByRole('row').filter({ hasText: C })
    await rowA.waitFor()
    await shot(page, 'parts-pick')

    await rowA.getByRole('button', { name: zh('pt.pick.issue') }).click()
    await page.getByText(zh('pt.counter.issued', { n: 1 })).waitFor()
    await expect.poll(async () => (await apiCall(env.host.url, clerk, 'parts.pickList', { roId })).lines.find((l) => l.partId === ids[A])?.issuedMilli).toBe(2000)

    await rowA.getByRole('button', { name: zh('pt.pick.return') }).click()
    const back = page.getByRole('dialog')
    await back.getByLabel(zh('pt.ledger.quantity')).fill('1')
    await back.getByLabel(zh('pt.ledger.reason')).fill('客户只换一个')
    await settle(back)
    await screenshot(page, 'parts-return', false)
    await back.getByRole('button', { name: zh('pt.pick.return') }).click()
    await page.getByText(zh('pt.counter.returned', { partNumber: A })).waitFor()
    await expect.poll(() => rowA.getByRole('button', { name: zh('pt.pick.issue') }).isEnabled()).toBe(true)

    await rowC.getByRole('button', { name: zh('pt.pick.issue') }).click()
    const refusal = page.getByRole('alert').filter({ hasText: zh('pt.pick.refusedTitle') })
    await refusal.getByText(zh('parts.insufficientStock', { partNumber: C, available: '2', requested: '5' })).waitFor()
    await expect.poll(() => rowC.getAttribute('class')).toContain('line-error')
    await shot(page, 'parts-pick-refused')
    let pick = await apiCall(env.host.url, clerk, 'parts.pickList', { roId })
    expect(pick.lines.find((l) => l.partId === ids[A])?.issuedMilli).toBe(1000)
    expect(pick.lines.find((l) => l.partId === ids[C])?.issuedMilli).toBe(0)

    // What the shelf has goes out now; the rest is recorded as a special order.
    await rowC.getByLabel(zh('pt.pick.amountFor', { partNumber: C })).fill('2')
    await rowC.getByRole('button', { name: zh('pt.pick.issue') }).click()
    await expect.poll(() => refusal.count()).toBe(0)
    await rowC.getByRole('button', { name: zh('pt.pick.shortage') }).click()
    const shortage = page.getByRole('dialog')
    await shortage.getByText(zh('shortage.special_order')).click()
    await shortage.getByRole('button', { name: zh('pt.confirm') }).click()
    await rowC.getByText(zh('shortage.special_order')).waitFor()
    pick = await apiCall(env.host.url, clerk, 'parts.pickList', { roId })
    expect(pick.lines.find((l) => l.partId === ids[C])).toMatchObject({ issuedMilli: 2000, outstandingMilli: 3000, outcome: 'special_order' })

    await page.getByRole('button', { name: zh('pt.old.tag') }).click()
    const tag = page.getByRole('dialog')
    await tag.getByLabel(zh('pt.old.description')).fill('旧火花塞')
    await tag.getByRole('button', { name: zh('pt.old.tag') }).click()
    await page.getByText(zh('pt.old.tagged', { tag: '' }).trim()).first().waitFor()

    await page.getByRole('button', { name: zh('pt.pick.print') }).click()
    const sheet = page.getByRole('article', { name: zh('pt.pick.printTitle') })
    await sheet.getByText(roNumber).waitFor()
    await shot(page, 'parts-pick-print')
    await page.getByRole('button', { name: zh('pt.back') }).click()
    await rowA.waitFor()
    expect(env.session.problems).toEqual([])
  })

  it('counts the new bins with the scanner station and shows the variance, which only a manager may approve', async () => {
    const { page } = env.session
    await openParts(page, '#/parts?tab=stocktake')
    await page.getByRole('button', { name: zh('pt.st.new') }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel(zh('pt.st.scope.bins')).check()
    await dialog.getByLabel(zh('field.binFrom')).fill('ZZ-01')
    await dialog.getByLabel(zh('field.binTo')).fill('ZZ-03')
    await dialog.getByRole('button', { name: zh('pt.st.start') }).click()
    await page.waitForURL(/#\/parts\/stocktake\/\d+$/)
    stocktakeId = Number(/stocktake\/(\d+)/.exec(page.url())?.[1])

    const pn = page.getByRole('textbox', { name: zh('field.partNumber') })
    const entries = page.getByRole('list', { name: zh('pt.st.lastEntries') })
    await expect.poll(() => pn.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    // Scanned without dashes, then the quantity: the focus goes to the quantity and comes back.
    for (const [typed, quantity] of [[`zzt${s}01`, '9'], [`ZZT ${s} 02`, '8']] as const) {
      await pn.fill(typed)
      await pn.press('Enter')
      await page.keyboard.type(quantity)
      await page.keyboard.press('Enter')
      await expect.poll(() => pn.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    }
    await pn.fill(`${C}*0`)
    await pn.press('Enter')
    await pn.fill('NO-SUCH-PART')
    await pn.press('Enter')
    await page.keyboard.type('1')
    await page.keyboard.press('Enter')
    await entries.getByText(zh('parts.unknownPartNumber', { partNumber: 'NO-SUCH-PART' })).waitFor()
    await entries.getByText(C, { exact: true }).waitFor()
    await page.getByText(zh('pt.st.countedOf', { counted: 3, total: 3 })).first().waitFor()
    await shot(page, 'parts-stocktake-count')

    await page.getByRole('tab', { name: zh('pt.st.tab.variance') }).click()
    await page.getByText(zh('pt.st.approveNeeds')).waitFor()
    const diff = page.getByRole('row').filter({ hasText: B })
    await expect.poll(() => diff.textContent()).toContain('-1')
    await shot(page, 'parts-stocktake-variance')
    expect(env.session.problems).toEqual([])
  })

  it('is approved by the manager, which posts the adjustment move shown under the variance', async () => {
    const { page } = env.session
    await switchUser(page, 'manager')
    await openParts(page, `#/parts/stocktake/${stocktakeId}`)
    await page.getByRole('button', { name: zh('pt.st.approve') }).click()
    await page.locator('.ant-popconfirm').getByRole('button', { name: zh('pt.st.approve') }).click()
    const moves = page.getByText(zh('pt.st.adjustments', { n: 1 }))
    await moves.waitFor()
    await page.getByRole('row').filter({ hasText: zh('moveKind.stocktake') }).filter({ hasText: B }).waitFor()
    await shot(page, 'parts-stocktake-approved')
    const token = await apiLogin(env.host.url, 'manager', PASSWORD)
    const [move] = await apiCall(env.host.url, token, 'stock.moves', { partId: ids[B] ?? 0, kind: 'stocktake', limit: 5 })
    expect(move).toMatchObject({ quantityMilli: -1000, onHandMilliAfter: 8000, refType: 'stocktake', refId: stocktakeId })

    await page.getByRole('button', { name: zh('pt.st.printVariance') }).click()
    await page.getByRole('article', { name: zh('pt.st.printVarianceTitle') }).getByText(B).waitFor()
    await shot(page, 'parts-stocktake-print')
    expect(env.session.problems).toEqual([])
  })

  it('shows the ledger, stock value as of yesterday, empty bins, labels and old parts', async () => {
    const { page } = env.session
    const token = await apiLogin(env.host.url, 'manager', PASSWORD)
    await openParts(page, `#/parts/part/${ids[B]}`)
    await page.getByRole('row').filter({ hasText: zh('moveKind.stocktake') }).waitFor()
    await openParts(page, `#/parts/part/${ids[A]}`)
    for (const kind of ['receipt', 'issue', 'return'] as const) await page.getByRole('row').filter({ hasText: zh(`moveKind.${kind}`) }).first().waitFor()
    await shot(page, 'parts-ledger')

    await openParts(page, '#/parts?tab=valuation')
    // As of the end of yesterday: the ledger's balances then, not today's shelf.
    const summary = page.getByRole('group', { name: zh('pt.value.summary') })
    const yesterday = localDate(new Date(Date.now() - 86_400_000), 'Asia/Shanghai')
    const picker = page.getByRole('textbox', { name: zh('pt.value.asOf') })
    await picker.click()
    await picker.fill(yesterday)
    await picker.press('Enter')
    await summary.getByText(`${yesterday} 23:59`).waitFor()
    await picker.press('Escape')
    await page.locator('.ant-picker-dropdown').waitFor({ state: 'hidden' })
    const past = await apiCall(env.host.url, token, 'stock.valuation', { at: `${yesterday}T23:59:59+08:00`, limit: 1 })
    await summary.getByText(formatFen(past.valueFen, 'zh-CN')).waitFor()
    await shot(page, 'parts-valuation')

    await openParts(page, '#/parts?tab=bins')
    const empty = page.getByRole('row').filter({ hasText: C })
    await expect.poll(() => empty.textContent()).toContain('3')
    await shot(page, 'parts-bins')

    await openParts(page, '#/parts/labels?from=ZZ-01&to=ZZ-03')
    const labels = page.getByRole('article', { name: zh('pt.labels.title') })
    await expect.poll(() => labels.getByRole('img').count()).toBe(3)
    await shot(page, 'parts-labels')

    await openParts(page, '#/parts?tab=oldParts')
    await page.getByRole('row').filter({ hasText: '旧火花塞' }).waitFor()
    await shot(page, 'parts-oldparts')

    expect(env.session.problems).toEqual([])
  })

  it('lets the workshop supervisor accept an external purchase, which then enters stock', async () => {
    const { page } = env.session
    const sup = await apiLogin(env.host.url, 'partsup', PASSWORD)
    const before = (await apiCall(env.host.url, sup, 'parts.get', { id: ids[A] ?? 0, moves: 1 })).part.onHandMilli
    await apiCall(env.host.url, sup, 'purchasing.external.create', {
      partId: ids[A] ?? 0, supplierName: '广州永达汽配商行', quantityMilli: 1000, unitCostFen: 3800, invoiceRef: 'YD-0088', note: '急用',
    })
    await switchUser(page, 'workshop')
    await openParts(page, '#/parts?tab=external')
    const row = page.getByRole('row').filter({ hasText: A })
    await row.getByLabel(zh('pt.external.qcNoteFor', { partNumber: A })).fill('外观、型号核对无误')
    await shot(page, 'parts-external')
    await row.getByRole('button', { name: zh('pt.external.accept') }).click()
    await page.getByText(zh('pt.external.accepted', { partNumber: A })).waitFor()
    const after = (await apiCall(env.host.url, sup, 'parts.get', { id: ids[A] ?? 0, moves: 1 })).part.onHandMilli
    expect(after - before).toBe(1000)
    await page.getByText(zh('externalState.accepted')).first().click()
    await page.getByRole('row').filter({ hasText: A }).getByText('外观、型号核对无误').waitFor()
    await shot(page, 'parts-external-accepted')
    expect(env.session.problems).toEqual([])
  })
})
