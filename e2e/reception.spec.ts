import { beforeAll, describe, expect, it } from 'vitest'
import { formatFen, lineAmount, totalsOf } from '../src/shared/domain/money'
import { withValidCheckDigit } from '../src/shared/domain/vin'
import { localDate } from '../src/shared/domain/time'
import { hostAndBrowser } from './support/fixture'
import { screenshot, settle } from './support/browser'
import { apiCall, apiLogin } from './support/api'
import { currentRoId, logIn, pickFromSelect } from './support/desk'
import { en, zh } from './support/i18n'

const PASSWORD = 'demo-e2e-pass'

// One advisor's morning at the desk, in order: each step builds on the one before (the vehicle
// registered is the one checked in, whose order gets the estimate, and so on).
describe('the reception desk on the demo dealership', () => {
  const env = hostAndBrowser({ demoPassword: PASSWORD })
  let token: string
  let demo: { vin: string; plate: string }
  const suffix = String(Date.now()).slice(-5)
  const newVin = withValidCheckDigit(`LFV2A21K0R${suffix}XY`.slice(0, 17))
  const newPlate = `粤A${suffix}`
  const newMobile = `1391${suffix}123`.slice(0, 11)
  let roId = 0
  let roNumber = ''
  let grossFen = 0

  beforeAll(async () => {
    token = await apiLogin(env.host.url, 'advisor1', PASSWORD)
    const { rows } = await apiCall(env.host.url, token, 'ro.list', { open: true, limit: 50 })
    const row = rows.find((r) => r.plate && r.vin)
    if (!row?.plate) throw new Error('the demo has no open repair order with a plate')
    demo = { vin: row.vin, plate: row.plate }
  })

  it('finds a demo vehicle by the last six characters of its VIN and by its plate', async () => {
    const { page } = env.session
    await logIn(page, 'advisor1', PASSWORD)
    const search = page.getByRole('combobox', { name: zh('desk.searchLabel') })
    await expect.poll(() => search.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    await screenshot(page, 'desk-empty')

    await search.fill(demo.vin.slice(-6))
    const hit = page.getByRole('option').filter({ hasText: demo.plate })
    await hit.waitFor()
    const texts = await page.getByRole('option').allTextContents()
    for (let i = 0; i < texts.findIndex((t) => t.includes(demo.plate)); i++) await search.press('ArrowDown')
    await expect.poll(() => hit.getAttribute('aria-selected')).toBe('true')
    await screenshot(page, 'desk-search-vin')
    await search.press('Enter')
    const panel = page.getByLabel(zh('desk.vehiclePanel'))
    await panel.getByText(demo.vin).waitFor()
    await panel.getByText(zh('desk.history')).waitFor()
    await screenshot(page, 'desk-vehicle')

    await search.fill(demo.plate)
    await page.getByRole('option').filter({ hasText: demo.plate }).first().waitFor()
    await screenshot(page, 'desk-search-plate')
    await search.press('Escape')
    await expect.poll(() => search.inputValue()).toBe('')
    await expect.poll(() => page.getByRole('option').count()).toBe(0)

    // A broad plate prefix says how many there are in all, and shows more on request.
    const found = await apiCall(env.host.url, token, 'reception.find', { q: '粤A', limit: 20 })
    expect(found.total).toBeGreaterThan(20)
    await search.fill('粤A')
    await page.getByText(zh('desk.hitCountOf', { shown: 20, total: found.total })).waitFor()
    await screenshot(page, 'desk-search-count')
    await page.getByRole('button', { name: zh('desk.showMore', { n: Math.min(200, found.total) }) }).click()
    await expect.poll(() => page.getByRole('option').count()).toBe(Math.min(200, found.total))
    await search.press('Escape')
  })

  it('refuses an invalid VIN at the VIN field and registers a new customer and vehicle with a valid one', async () => {
    const { page } = env.session
    await page.keyboard.press('Alt+N')
    const form = page.getByRole('form', { name: zh('desk.newCustomer') })
    const vin = form.getByLabel(zh('field.vin'))
    const vinItem = form.locator('.ant-form-item').filter({ has: page.getByLabel(zh('field.vin')) })
    await vin.waitFor()

    // Position 9 is the check digit: change it and the VIN is refused while typing.
    const wrongDigit = newVin[8] === '1' ? '2' : '1'
    await vin.fill(newVin.slice(0, 8) + wrongDigit + newVin.slice(9))
    await vinItem.getByText(zh('vin.checkDigit')).waitFor()
    await vin.fill(newVin.slice(0, 12))
    await vinItem.getByText(zh('vin.length')).waitFor()
    await screenshot(page, 'register-invalid-vin')

    // A VIN already registered passes the check digit but the host refuses it, at the same field.
    await vin.fill(demo.vin)
    await form.getByLabel(zh('field.plate')).fill(newPlate)
    await form.getByLabel(zh('field.make')).fill('大众')
    await form.getByLabel(zh('field.model')).fill('帕萨特')
    await form.getByLabel(zh('field.odometerKm')).fill('12000')
    await form.getByLabel(zh('field.name')).fill(`测试客户${suffix}`)
    await form.getByLabel(zh('field.mobile')).fill('1234')
    await form.locator('.ant-form-item').filter({ has: page.getByLabel(zh('field.mobile')) }).getByText(zh('phone.invalid')).waitFor()
    await form.getByLabel(zh('field.mobile')).fill(newMobile)
    await form.getByRole('button', { name: zh('desk.register') }).click()
    await vinItem.getByText(zh('reception.vinTaken', { value: demo.vin })).waitFor()
    await screenshot(page, 'register-vin-taken')

    await vin.fill(newVin)
    await expect.poll(() => vinItem.locator('.ant-form-item-explain-error').count()).toBe(0)
    await screenshot(page, 'register-valid')
    await form.getByRole('button', { name: zh('desk.register') }).click()
    const panel = page.getByLabel(zh('desk.vehiclePanel'))
    await panel.getByText(newVin).waitFor()
    await panel.getByText(newMobile).waitFor()
    await screenshot(page, 'desk-new-vehicle')

    await panel.getByRole('button', { name: zh('desk.edit') }).click()
    const edit = page.getByRole('dialog')
    await edit.getByLabel(zh('field.colour')).fill('珍珠白')
    await settle(edit)
    await screenshot(page, 'desk-edit-vehicle', false)
    await edit.getByRole('button', { name: zh('common.save') }).click()
    await panel.getByText('珍珠白').waitFor()
  })

  it('checks the new vehicle in with the walk-around and opens its repair order', async () => {
    const { page } = env.session
    await page.getByRole('button', { name: zh('desk.checkIn') }).click()
    const form = page.getByRole('form', { name: zh('checkIn.title') })
    await form.getByLabel(zh('field.odometerKm')).fill('12345')
    await form.getByRole('radio', { name: zh('checkIn.fuelStep', { n: 6 }) }).click()
    await form.getByRole('button', { name: zh('checkIn.markArea', { area: zh('walk.area.bonnet') }) }).click()
    await form.getByLabel(zh('checkIn.findingNote', { area: zh('walk.area.bonnet') })).fill('划痕 5 cm')
    await form.getByLabel(zh('walk.light.tyre')).check()
    await form.getByLabel(zh('checkIn.valuableItem')).fill('行车记录仪')
    await form.getByLabel(zh('checkIn.valuableItem')).press('Enter')
    await form.getByLabel(zh('field.concerns')).fill('冷车启动时发动机有异响，保养灯亮')
    await screenshot(page, 'check-in')
    await form.getByRole('button', { name: zh('checkIn.submit') }).click()

    roId = await currentRoId(page)
    const ro = await apiCall(env.host.url, token, 'ro.get', { id: roId })
    roNumber = ro.number
    expect(ro.vehicle.vin).toBe(newVin)
    expect(ro.odometerKm).toBe(12345)
    expect(ro.fuelEighths).toBe(6)
    expect(ro.findings.map((f) => f.kind).sort()).toEqual(['damage', 'valuable', 'warning_light'])
    await page.getByLabel(zh('field.roNumber')).getByText(roNumber).waitFor()
  })

  it('writes an estimate with labour and parts whose totals match the host and our own sum', async () => {
    const { page } = env.session
    const settings = await apiCall(env.host.url, token, 'settings.get', {})
    const [op] = await apiCall(env.host.url, token, 'catalog.labour.search', { q: 'BY001', limit: 1 })
    const [part] = await apiCall(env.host.url, token, 'catalog.parts.search', { q: '机油', limit: 1 })
    if (!op || !part) throw new Error('the demo catalogue lacks BY001 or oil')

    await pickFromSelect(page, zh('estimate.addLabour'), op.code, op.code)
    await pickFromSelect(page, zh('estimate.addPart'), '机油', part.partNumber)
    const partRow = page.getByRole('row').filter({ hasText: part.partNumber })
    await partRow.getByLabel(zh('estimate.quantity')).fill('4')

    const expected = totalsOf([
      { amountFen: lineAmount(op.flatHoursMilli, settings.labourRateFen), vatRateBp: settings.vatRateBp, payer: 'customer' },
      { amountFen: lineAmount(4000, part.priceFen), vatRateBp: settings.vatRateBp, payer: 'customer' },
    ])
    await expect.poll(() => page.getByTestId('total-gross').textContent()).toBe(formatFen(expected.grossFen, 'zh-CN'))
    await expect.poll(() => page.getByTestId('total-net').textContent()).toBe(formatFen(expected.netFen, 'zh-CN'))
    await page.keyboard.press('Control+S')
    await page.getByText(zh('estimate.saved')).waitFor()
    await expect.poll(() => page.getByText(zh('estimate.unsaved')).count()).toBe(0)

    const ro = await apiCall(env.host.url, token, 'ro.get', { id: roId })
    expect(ro.lines).toHaveLength(2)
    expect(ro.totals.netFen).toBe(expected.netFen)
    expect(ro.totals.vatFen).toBe(expected.vatFen)
    expect(ro.totals.grossFen).toBe(expected.grossFen)
    grossFen = ro.totals.grossFen
    await screenshot(page, 'ro-estimate')
  })

  it('records the customer\'s authorisation with a signature drawn on the pad', async () => {
    const { page } = env.session
    const pad = page.getByRole('img', { name: zh('authz.signaturePad') })
    const box = await pad.boundingBox()
    if (!box) throw new Error('signature pad not visible')
    await page.mouse.move(box.x + 20, box.y + box.height * 0.6)
    await page.mouse.down()
    for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 20 + i * 18, box.y + box.height * (0.6 - 0.3 * Math.sin(i / 2)))
    await page.mouse.up()
    await page.getByRole('form', { name: zh('authz.record') }).getByLabel(zh('field.note')).fill('客户同意更换前刹车片')
    await page.getByRole('button', { name: zh('authz.record') }).click()
    const status = page.getByRole('status', { name: zh('authz.status') })
    await status.getByText(zh('authz.authorised', { gross: formatFen(grossFen, 'zh-CN') })).waitFor()
    // The note is on the screen too, not only on the printout.
    await status.getByText(zh('authz.noteShown', { note: '客户同意更换前刹车片' })).waitFor()
    await screenshot(page, 'ro-authorised')

    const ro = await apiCall(env.host.url, token, 'ro.get', { id: roId })
    expect(ro.authorised).toBe(true)
    expect(ro.authorisations[0]?.method).toBe('signature')
    expect(ro.authorisations[0]?.signaturePng).toMatch(/^data:image\/png;base64,/)
  })

  it('shows a print preview laid out for A4 with the order, the lines, the totals and the signature', async () => {
    const { page } = env.session
    await page.getByRole('button', { name: zh('roView.printPreview') }).click()
    const sheet = page.getByRole('article', { name: zh('print.title') })
    await sheet.getByText(roNumber).waitFor()
    await sheet.getByText(newVin).waitFor()
    await sheet.getByText(formatFen(grossFen, 'zh-CN')).first().waitFor()
    await sheet.getByText(zh('print.customerSignature')).waitFor()
    await expect.poll(() => sheet.getByRole('img').count()).toBe(1)
    await screenshot(page, 'print-preview')
    await page.emulateMedia({ media: 'print' })
    await expect.poll(() => page.getByRole('button', { name: zh('print.print') }).isVisible()).toBe(false)
    await screenshot(page, 'print-media')
    const pdf = await page.pdf({ path: 'test-results/ro-print.pdf', preferCSSPageSize: true, printBackground: true })
    // The @page rule makes the sheet A4 (595 × 842 pt) and the order fits on one page.
    const text = pdf.toString('latin1')
    expect(text).toMatch(/\/MediaBox \[0 0 59[45]\.\d+ 84[12]\.\d+\]/)
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1)
    await page.emulateMedia({ media: 'screen' })
    await page.getByRole('button', { name: zh('print.back') }).click()
    await page.getByLabel(zh('field.roNumber')).waitFor()
  })

  it('lists the new order among the open orders with the totals the host computed', async () => {
    const { page } = env.session
    await page.getByRole('navigation').getByText(zh('nav.roList')).click()
    const row = page.getByRole('row').filter({ hasText: roNumber })
    await row.waitFor()
    const { rows } = await apiCall(env.host.url, token, 'ro.list', { open: true, limit: 200 })
    const listed = rows.find((r) => r.number === roNumber)
    expect(listed?.grossFen).toBe(grossFen)
    await expect.poll(() => row.textContent()).toContain(formatFen(grossFen, 'zh-CN'))
    await expect.poll(() => row.textContent()).toContain(newPlate)
    await screenshot(page, 'ro-list')
    await row.click()
    await currentRoId(page)
    expect(env.session.problems).toEqual([])
  })

  it('switches the whole interface to English and back', async () => {
    const { page } = env.session
    await page.getByRole('banner').getByText('English').click()
    await page.getByRole('navigation').getByText('Repair orders').waitFor()
    await page.getByText(en('authz.authorised', { gross: formatFen(grossFen, 'en') })).waitFor()
    await page.getByRole('button', { name: en('roView.printPreview') }).waitFor()
    await screenshot(page, 'ro-english')
    await page.getByRole('banner').getByText('中文').click()
    await page.getByRole('navigation').getByText(zh('nav.roList')).waitFor()
    const me = await apiCall(env.host.url, token, 'auth.me', {})
    expect(me.locale).toBe('zh-CN')
  })

  it('shows the day of appointments per advisor and books a slot for the new vehicle', async () => {
    const { page } = env.session
    await page.keyboard.press('Alt+3')
    const grid = page.getByRole('grid')
    await grid.waitFor()
    await page.getByRole('button', { name: zh('appts.nextDay') }).click()
    const me = await apiCall(env.host.url, token, 'auth.me', {})
    // The demo books tomorrow's appointments at random: take the advisor's first free hour.
    const tomorrow = localDate(new Date(Date.now() + 86_400_000), 'Asia/Shanghai')
    const booked = await apiCall(env.host.url, token, 'appointments.day', { date: tomorrow, advisorId: me.id })
    const minuteOf = (iso: string) => Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16))
    const freeAt = (start: number) =>
      booked.every((a) => a.status === 'cancelled' || minuteOf(a.startsAt) >= start + 60 || minuteOf(a.startsAt) + a.durationMin <= start)
    const start = [...Array(16).keys()].map((i) => 9 * 60 + 30 * i).find(freeAt)
    if (start === undefined) throw new Error(`no free hour for ${me.displayName} on ${tomorrow}`)
    const time = `${String(Math.floor(start / 60)).padStart(2, '0')}:${String(start % 60).padStart(2, '0')}`
    const slot = page.getByRole('button', { name: zh('appts.bookSlot', { advisor: me.displayName, time }) })
    await slot.click()
    const dialog = page.getByRole('dialog')
    await pickFromSelect(page, zh('field.vehicleId'), newPlate, newPlate)
    await dialog.getByLabel(zh('field.concern')).fill('更换刹车片')
    await settle(dialog)
    await screenshot(page, 'appointments-book', false)
    await dialog.getByRole('button', { name: zh('appts.book') }).click()
    const card = page.getByRole('gridcell', { name: zh('appts.card', { time, plate: newPlate, customer: `测试客户${suffix}` }) })
    await card.waitFor()
    await screenshot(page, 'appointments')
    expect(env.session.problems).toEqual([])
  })

  it('checks in a customer who arrives for today\'s appointment with the concern already filled in', async () => {
    const { page } = env.session
    const hits = await apiCall(env.host.url, token, 'reception.search', { q: '粤', limit: 50 })
    const free = hits.find((h) => h.vehicleId && h.plate && !h.openRoId)
    if (!free?.vehicleId) throw new Error('no demo vehicle without an open order')
    const me = await apiCall(env.host.url, token, 'auth.me', {})
    const today = localDate(new Date(), 'Asia/Shanghai')
    const booked = await apiCall(env.host.url, token, 'appointments.book', {
      vehicleId: free.vehicleId,
      advisorId: me.id,
      startsAt: `${today}T17:30:00+08:00`,
      durationMin: 30,
      concern: '空调不制冷',
    })
    const vehicle = await apiCall(env.host.url, token, 'vehicles.get', { id: free.vehicleId })

    await page.getByRole('button', { name: zh('appts.today') }).click()
    const card = page.getByRole('gridcell', { name: zh('appts.card', { time: '17:30', plate: free.plate ?? '', customer: booked.customerName }) })
    await card.getByRole('button', { name: zh('appts.arrived') }).click()
    const form = page.getByRole('form', { name: zh('checkIn.title') })
    await expect.poll(() => form.getByLabel(zh('field.concerns')).inputValue()).toBe('空调不制冷')
    await form.getByLabel(zh('field.odometerKm')).fill(String(vehicle.vehicle.odometerKm + 800))
    await form.getByRole('button', { name: zh('checkIn.submit') }).click()
    const id = await currentRoId(page)
    const [after] = (await apiCall(env.host.url, token, 'appointments.day', { date: today })).filter((a) => a.id === booked.id)
    expect(after?.status).toBe('arrived')
    expect(after?.roId).toBe(id)
    expect(env.session.problems).toEqual([])
  })
})
