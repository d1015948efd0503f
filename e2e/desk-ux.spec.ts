import { beforeAll, describe, expect, it } from 'vitest'
import { localDate } from '../src/shared/domain/time'
import { withValidCheckDigit } from '../src/shared/domain/vin'
import { hostAndBrowser } from './support/fixture'
import { screenshot, settle } from './support/browser'
import { apiCall, apiLogin } from './support/api'
import { logIn, pickFromSelect } from './support/desk'
import { zh } from './support/i18n'

const PASSWORD = 'demo-e2e-pass'

/** `YYYY-MM-DD` some days after today in the dealership's zone. */
const dayAfter = (days: number) => {
  const d = new Date(`${localDate(new Date(), 'Asia/Shanghai')}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

// The desk's small trust problems, each checked the way a clerk meets it.
describe('the front desk keeps to the hours, the keys and the roles', () => {
  const env = hostAndBrowser({ demoPassword: PASSWORD })
  let token: string
  const day = dayAfter(3)

  beforeAll(async () => {
    token = await apiLogin(env.host.url, 'advisor1', PASSWORD)
  })

  it('draws a confirmed 03:00 booking in its own row and overlapping bookings side by side', async () => {
    const me = await apiCall(env.host.url, token, 'auth.me', {})
    const hits = await apiCall(env.host.url, token, 'reception.search', { q: '粤', limit: 50 })
    const cars = hits.filter((h) => h.vehicleId && h.plate).slice(0, 3)
    const [early, a, b] = cars
    if (!early?.vehicleId || !a?.vehicleId || !b?.vehicleId) throw new Error('the demo has too few vehicles with plates')
    const book = (vehicleId: number, time: string, outsideHours = false) =>
      apiCall(env.host.url, token, 'appointments.book', { vehicleId, advisorId: me.id, startsAt: `${day}T${time}:00+08:00`, durationMin: 60, outsideHours })
    await expect(book(early.vehicleId, '03:00')).rejects.toThrow(/VALIDATION 不在营业时间内/)
    await book(early.vehicleId, '03:00', true)
    await book(a.vehicleId, '10:00')
    await book(b.vehicleId, '10:30')

    const { page } = env.session
    await logIn(page, 'advisor1', PASSWORD)
    await page.goto(`/#/appointments?date=${day}`)
    const grid = page.getByRole('grid', { name: zh('appts.grid', { date: day }) })
    await grid.waitFor()
    const card = (time: string, plate: string) => grid.getByRole('gridcell').filter({ hasText: time }).filter({ hasText: plate })
    const row3 = await grid.getByRole('rowheader', { name: '03:00' }).boundingBox()
    const card3 = await card('03:00', early.plate ?? '').boundingBox()
    expect(Math.abs((card3?.y ?? 0) - (row3?.y ?? -99))).toBeLessThan(4)
    const first = await card('10:00', a.plate ?? '').boundingBox()
    const second = await card('10:30', b.plate ?? '').boundingBox()
    if (!first || !second) throw new Error('cards not drawn')
    expect(first.x + first.width).toBeLessThanOrEqual(second.x + 1)
    await screenshot(page, 'appointments-outside-hours-and-overlap')
    // The desk narrows the day by what the customer says: a plate, a name, a mobile.
    await page.getByRole('textbox', { name: zh('appts.search') }).fill(a.plate ?? '')
    await expect.poll(() => card('10:30', b.plate ?? '').count()).toBe(0)
    expect(await card('10:00', a.plate ?? '').count()).toBe(1)
    await page.getByRole('textbox', { name: zh('appts.search') }).fill('')
    await card('10:30', b.plate ?? '').waitFor()
    expect(env.session.problems).toEqual([])
  })

  it('opens the booking dialog at the next free slot for the advisor, and Enter in its date picker does not book', async () => {
    const { page } = env.session
    const me = await apiCall(env.host.url, token, 'auth.me', {})
    await page.getByRole('button', { name: zh('appts.book') }).click()
    const dialog = page.getByRole('dialog')
    const form = dialog.getByRole('form', { name: zh('appts.book') })
    await form.waitFor()
    const advisorItem = form.locator('.ant-form-item').filter({ hasText: zh('field.advisorId') })
    await expect.poll(() => advisorItem.locator('.ant-select').textContent()).toContain(me.displayName)
    const picker = form.getByLabel(zh('field.startsAt'))
    await expect.poll(() => picker.inputValue()).toMatch(/ (0[89]|1\d):[03]0$/)
    await screenshot(page, 'appointments-book-defaults', false)

    await pickFromSelect(page, zh('field.vehicleId'), '粤', '粤')
    await form.getByLabel(zh('field.concern')).fill('早上送车保养')
    await picker.click()
    await picker.fill(`${day} 07:00`)
    await picker.press('Enter')
    await expect.poll(() => picker.inputValue()).toBe(`${day} 07:00`)
    // The dialog is still open with the reason kept: Enter confirmed the picker only.
    await expect.poll(() => form.getByLabel(zh('field.concern')).inputValue()).toBe('早上送车保养')
    expect(await page.getByText(zh('appts.outsideConfirmTitle')).count()).toBe(0)
    expect(await page.getByText(zh('appts.booked')).count()).toBe(0)

    await dialog.getByRole('button', { name: zh('appts.book') }).click()
    const confirm = page.getByRole('dialog').filter({ hasText: zh('appts.outsideConfirmTitle') })
    await settle(confirm)
    await screenshot(page, 'appointments-outside-confirm', false)
    await confirm.getByRole('button', { name: zh('appts.outsideConfirmOk') }).click()
    const grid = page.getByRole('grid', { name: zh('appts.grid', { date: day }) })
    await grid.getByRole('gridcell').filter({ hasText: '07:00' }).waitFor()
    const day7 = await apiCall(env.host.url, token, 'appointments.day', { date: day })
    expect(day7.find((x) => x.startsAt === `${day}T07:00:00+08:00`)?.concern).toBe('早上送车保养')
    await screenshot(page, 'appointments-day')
    expect(env.session.problems).toEqual([])
  })

  it('lets the alert row keys open their dialog without typing the letter into it', async () => {
    const { page } = env.session
    await page.getByRole('banner').getByRole('button', { name: zh('shell.logout') }).click()
    await logIn(page, 'partsup', PASSWORD)
    await page.goto('/#/alerts')
    const inbox = page.getByRole('table', { name: zh('inbox.title') })
    await inbox.waitFor()
    const row = inbox.locator('tr[tabindex="0"]').first()
    await row.waitFor()
    await row.focus()
    await page.keyboard.press('r')
    const note = page.getByRole('dialog').getByLabel(zh('field.note'))
    await note.waitFor()
    await expect.poll(() => note.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    expect(await note.inputValue()).toBe('')
    await page.keyboard.press('s')
    expect(await note.inputValue()).toBe('s')
    await page.getByRole('dialog').getByRole('button', { name: zh('common.cancel') }).click()
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
    await row.focus()
    await page.keyboard.press('s')
    const until = page.getByRole('dialog').getByLabel(zh('field.until'))
    await until.waitFor()
    const before = await until.inputValue()
    expect(before).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    await until.press('Enter')
    await expect.poll(() => until.inputValue()).toBe(before)
    expect(await page.getByRole('dialog').count()).toBeGreaterThan(0)
    await page.getByRole('dialog').getByRole('button', { name: zh('common.cancel') }).click()
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
    expect(env.session.problems).toEqual([])
  })

  it('sends the next person to their own home after a logout, never to the last person\'s screen', async () => {
    const { page } = env.session
    await page.getByRole('banner').getByRole('button', { name: zh('shell.logout') }).click()
    await logIn(page, 'cashier', PASSWORD)
    await page.waitForURL(/#\/settlement$/)
    await page.goto('/#/settlement?tab=receivables')
    await page.getByRole('banner').getByRole('button', { name: zh('shell.logout') }).click()
    const form = page.getByRole('form', { name: zh('login.title') })
    await form.getByLabel(zh('field.username')).fill('tech1')
    await form.getByLabel(zh('field.password')).fill(PASSWORD)
    await form.getByRole('button', { name: zh('login.submit') }).click()
    await page.waitForURL(/#\/workshop\?tab=clock$/)
    await page.getByRole('tab', { name: zh('wk.tab.clock'), selected: true }).waitFor()
    expect(await page.getByText(zh('shell.forbiddenTitle')).count()).toBe(0)
    await screenshot(page, 'login-technician-home')
    expect(env.session.problems).toEqual([])
  })

  it('shows a technician why they cannot register a customer before they type anything', async () => {
    const { page } = env.session
    await page.keyboard.press('Alt+1')
    const button = page.getByRole('button', { name: zh('desk.newCustomer') })
    await button.waitFor()
    expect(await button.isDisabled()).toBe(true)
    const reason = zh('perm.denied', { role: 'role.technician', action: 'permission.customers.write' })
    expect(reason).toBe('您的岗位（技师）不能登记和修改客户与车辆')
    await page.getByText(reason).waitFor()
    await screenshot(page, 'register-as-technician')
    await page.goto('/#/reception/new')
    await page.getByRole('note').getByText(reason).waitFor()
    expect(await page.getByRole('form', { name: zh('desk.newCustomer') }).count()).toBe(0)
    expect(await page.locator('body').textContent()).not.toContain('permission.')
    expect(env.session.problems).toEqual([])
  })

  it('warns an advisor that a mobile is already a customer\'s and registers the car to that customer', async () => {
    const { page } = env.session
    const hits = await apiCall(env.host.url, token, 'reception.search', { q: '粤', limit: 50 })
    const known = hits.find((h) => h.mobile && h.vehicleId)
    if (!known?.mobile) throw new Error('no demo customer with a mobile')
    await page.getByRole('banner').getByRole('button', { name: zh('shell.logout') }).click()
    await logIn(page, 'advisor1', PASSWORD)
    await page.getByRole('button', { name: zh('desk.newCustomer') }).click()
    const form = page.getByRole('form', { name: zh('desk.newCustomer') })
    const vin = withValidCheckDigit(`LSVAB2BM0R${String(Date.now()).slice(-6)}X`.slice(0, 17))
    await form.getByLabel(zh('field.vin')).fill(vin)
    await form.getByLabel(zh('field.make')).fill('大众')
    await form.getByLabel(zh('field.model')).fill('途观L')
    await form.getByLabel(zh('field.name')).fill(known.customerName)
    await form.getByLabel(zh('field.mobile')).fill(known.mobile)
    const notice = form.getByRole('alert').filter({ hasText: zh('reception.mobileTaken', { name: known.customerName }) })
    await notice.waitFor()
    await screenshot(page, 'register-mobile-taken')
    await notice.getByRole('button', { name: zh('desk.useThisCustomer') }).click()
    await form.getByText(zh('desk.attachedOwner')).first().waitFor()
    await screenshot(page, 'register-use-existing-customer')
    await form.getByRole('button', { name: zh('desk.register'), exact: true }).click()
    const panel = page.getByLabel(zh('desk.vehiclePanel'))
    await panel.getByText(vin).waitFor()
    const owner = await apiCall(env.host.url, token, 'customers.get', { id: known.customerId })
    expect(owner.vehicles.map((v) => v.vin)).toContain(vin)
    expect(env.session.problems).toEqual([])
  })

  it('lets the desk search and filter the RO list and marks the late orders', async () => {
    const { page } = env.session
    await page.goto('/#/ros')
    const table = page.getByRole('table', { name: zh('roList.title') })
    await table.locator('tbody tr.clickable').first().waitFor()
    const { rows } = await apiCall(env.host.url, token, 'ro.list', { open: true, limit: 200 })
    const late = rows.filter((r) => r.late.length > 0)
    await page.getByRole('checkbox', { name: zh('roList.lateOnly') }).check()
    await expect.poll(() => table.locator('tbody tr.clickable').count()).toBe(Math.min(late.length, 50))
    if (late.length > 0) {
      expect(await table.locator('tbody tr.ro-late').count()).toBe(Math.min(late.length, 50))
      const first = late[0]!
      await table.locator('tbody tr.ro-late').first().getByText(zh(`roList.late.${first.late[0]!}`)).waitFor()
    }
    await screenshot(page, 'ro-list-late')
    await page.getByRole('checkbox', { name: zh('roList.lateOnly') }).uncheck()
    const target = rows.find((r) => r.plate)!
    await page.getByRole('textbox', { name: zh('roList.search') }).fill(target.plate!.slice(-4))
    await table.getByRole('row').filter({ hasText: target.number }).waitFor()
    const matching = await apiCall(env.host.url, token, 'ro.list', { open: true, q: target.plate!.slice(-4), limit: 50 })
    await expect.poll(() => table.locator('tbody tr.clickable').count()).toBe(matching.rows.length)
    expect(matching.total).toBeLessThan(rows.length)
    await screenshot(page, 'ro-list-filtered')
    expect(env.session.problems).toEqual([])
  })
})
