import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { hostAndBrowser } from './support/fixture'
import { screenshot, settle } from './support/browser'
import { apiCall, apiLogin } from './support/api'
import { logIn } from './support/desk'
import { zh } from './support/i18n'

const PASSWORD = 'demo-e2e-pass'

// The front-desk supervisor's customer care on the demo dealership: a car delivered today shows on
// the follow-up call list; the call is timed and logged with a low score, which opens a complaint
// linked to the RO; the complaint is assigned, actioned, resolved with the customer's acceptance
// and closed — each step visible on the case.
describe('customer care on the demo dealership', () => {
  const env = hostAndBrowser({ demoPassword: PASSWORD })
  let page: Page
  let frontdesk = ''
  let ro = { id: 0, number: '' }
  const shot = async (name: string) => {
    await settle(page, { toastsGone: true })
    await screenshot(page, name, false)
  }

  beforeAll(async () => {
    frontdesk = await apiLogin(env.host.url, 'frontdesk', PASSWORD)
    // A demo RO ready for delivery, settled and released the way the desk does it.
    const queue = await apiCall(env.host.url, frontdesk, 'settlement.queue', { state: 'ready', limit: 500 })
    // One whose parts are all issued: the settlement gate (rightly) refuses the others.
    let pick: (typeof queue)[number] | undefined
    for (const r of queue.filter((q) => q.type !== 'insurance')) {
      const view = await apiCall(env.host.url, frontdesk, 'settlement.get', { roId: r.id })
      if (view.settleGates.refusals.length === 0 && view.settleGates.outstandingParts.length === 0) {
        pick = r
        break
      }
    }
    if (!pick) throw new Error('no demo RO ready to settle')
    const settled = await apiCall(env.host.url, frontdesk, 'settlement.settle', { roId: pick.id, version: pick.version })
    await apiCall(env.host.url, frontdesk, 'settlement.deliver', { roId: pick.id, version: settled.ro.version, onCredit: settled.customerBalanceFen > 0 })
    ro = { id: pick.id, number: pick.number }
    page = env.session.page
    await logIn(page, 'frontdesk', PASSWORD)
  })

  it('lists the delivered RO on the follow-up call list (Alt+K)', async () => {
    await page.keyboard.press('Alt+KeyK')
    const list = page.getByRole('table', { name: zh('care.tab.followups') })
    // Today's deliveries come after the few overdue ones; the filter finds it by its number.
    await page.getByLabel(zh('care.filter')).fill(ro.number)
    await list.getByText(ro.number).waitFor()
    await shot('care-followups-zh')
  })

  it('logs a timed call with a low score, which opens a complaint linked to the RO', async () => {
    await page.getByRole('table', { name: zh('care.tab.followups') }).getByText(ro.number).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText(zh('care.call.title', { number: ro.number })).waitFor()
    await dialog.getByRole('button', { name: zh('care.call.start') }).click()
    await dialog.getByRole('button', { name: zh('care.call.end') }).click()
    for (const q of ['overall', 'advisor', 'quality', 'price_explained']) await dialog.locator(`#survey-${q}`).getByText('8', { exact: true }).click()
    await dialog.locator('#survey-on_time').getByText('3', { exact: true }).click()
    await dialog.getByText(zh('care.call.lowScoreHint', { n: 1, low: 6 })).waitFor()
    await dialog.getByRole('combobox', { name: zh('care.complaint.category') }).click()
    await page.locator('.ant-select-item-option').filter({ hasText: zh('complaintCategory.time') }).click()
    await dialog.getByLabel(zh('care.complaint.words')).fill('说好中午交车，下午四点才拿到车')
    await settle(dialog)
    await screenshot(page, 'care-call-dialog-zh', false)
    await dialog.getByRole('button', { name: zh('care.call.save') }).click()
    await dialog.waitFor({ state: 'detached' })
    const view = await apiCall(env.host.url, frontdesk, 'care.followups.list', { state: 'closed' })
    expect(view.find((f) => f.roId === ro.id)?.state).toBe('done')
  })

  it('assigns, actions, resolves and closes the complaint on its case view', async () => {
    await page.getByRole('tab', { name: zh('care.tab.complaints'), exact: true }).click()
    const table = page.getByRole('table', { name: zh('care.tab.complaints') })
    await page.getByLabel(zh('care.filter')).fill(ro.number)
    await table.getByText('说好中午交车').click()
    const drawer = page.getByRole('dialog')
    await drawer.getByText(ro.number).waitFor()
    await drawer.getByRole('combobox', { name: zh('care.complaint.owner') }).click()
    await page.locator('.ant-select-item-option').filter({ hasText: '李静' }).click()
    await drawer.getByLabel(zh('care.complaint.department')).fill('前台')
    await drawer.getByRole('button', { name: zh('care.complaint.assign') }).click()
    await drawer.getByText(zh('complaintState.assigned')).waitFor()
    await drawer.getByLabel(zh('care.complaint.actNote')).fill('致电致歉，下次保养赠送免费洗车')
    await drawer.getByRole('button', { name: zh('care.complaint.act') }).click()
    await drawer.getByText('致电致歉，下次保养赠送免费洗车').waitFor()
    // The step is in once the form has been cleared for the next one (the case re-read with its new version).
    await expect.poll(() => drawer.getByLabel(zh('care.complaint.actNote')).inputValue()).toBe('')
    await drawer.getByLabel(zh('care.complaint.rootCause')).fill('等料未及时通知客户')
    await drawer.getByRole('button', { name: zh('care.complaint.resolve') }).click()
    await drawer.getByText(zh('complaintState.resolved')).waitFor()
    await drawer.getByRole('button', { name: zh('care.complaint.close') }).click()
    await drawer.getByText(zh('complaintState.closed')).waitFor()
    await settle(drawer)
    await screenshot(page, 'care-complaint-case-zh', false)
    const closed = await apiCall(env.host.url, frontdesk, 'care.complaints.list', { state: 'closed' })
    const c = closed.find((x) => x.roId === ro.id)
    expect(c).toMatchObject({ state: 'closed', category: 'time', source: 'followup' })
    const full = await apiCall(env.host.url, frontdesk, 'care.complaints.get', { id: c!.id })
    expect(full.steps.map((s) => s.kind)).toEqual(['open', 'assign', 'action', 'resolve', 'close'])
  })

  it('books the service from a reminder call (Enter in the filter opens it), the reason carried into the appointment', async () => {
    // The complaint's case drawer is still open from the step before.
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    await page.getByRole('tab', { name: zh('care.tab.reminders'), exact: true }).click()
    const table = page.getByRole('table', { name: zh('care.tab.reminders') })
    const due = await apiCall(env.host.url, frontdesk, 'care.reminders.list', {})
    const car = due.find((r) => r.plate !== null && r.mobile !== null)
    if (!car) throw new Error('no demo car due for its service')
    await table.locator('tbody tr.clickable').first().waitFor()
    await shot('care-reminders-zh')
    await page.getByLabel(zh('care.filter')).fill(car.plate!)
    await page.getByLabel(zh('care.filter')).press('Enter')
    const dialog = page.getByRole('dialog')
    await dialog.getByText(zh('care.reminder.title', { plate: car.plate! })).waitFor()
    await dialog.getByRole('button', { name: zh('care.call.start') }).click()
    await dialog.getByRole('button', { name: zh('care.call.end') }).click()
    // A weekday morning a few days ahead, inside the reception's hours.
    const day = new Date(Date.now() + 3 * 86_400_000)
    while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1)
    const date = day.toISOString().slice(0, 10)
    await dialog.getByLabel(zh('care.reminder.startsAt')).fill(`${date}T10:00`)
    await settle(dialog)
    await screenshot(page, 'care-reminder-dialog-zh', false)
    await dialog.getByRole('button', { name: zh('care.reminder.saveBook') }).click()
    await dialog.waitFor({ state: 'detached' })
    const after = await apiCall(env.host.url, frontdesk, 'care.reminders.get', { id: car.id })
    expect(after).toMatchObject({ state: 'booked', appointment: { startsAt: `${date}T10:00:00+08:00`, concern: car.reason, status: 'booked' } })
    const booked = await apiCall(env.host.url, frontdesk, 'appointments.day', { date })
    expect(booked.find((a) => a.id === after.appointment!.id)).toMatchObject({ vehicleId: car.vehicleId, concern: car.reason })
    await page.getByLabel(zh('care.filter')).fill('')
    await expect.poll(async () => (await apiCall(env.host.url, frontdesk, 'care.reminders.list', {})).some((r) => r.id === car.id)).toBe(false)
  })

  it('shows the care figures with satisfaction per advisor, each opening its calls', async () => {
    await page.getByRole('tab', { name: zh('care.tab.figures'), exact: true }).click()
    await page.getByRole('region', { name: zh('target.followup_in_time') }).waitFor()
    await page.getByRole('region', { name: zh('target.satisfaction') }).waitFor()
    const advisors = page.locator('.care-section table tbody tr.clickable')
    await advisors.first().waitFor()
    await shot('care-figures-zh')
    await advisors.first().click()
    const drawer = page.getByRole('dialog')
    await drawer.getByRole('table', { name: zh('dash.drillCalls') }).waitFor()
    await settle(drawer)
    await screenshot(page, 'care-figures-drill-zh', false)
    await drawer.getByRole('button', { name: 'Close' }).or(drawer.locator('.ant-drawer-close')).first().click()
    await drawer.waitFor({ state: 'detached' })
  })

  it('shows the screen in English on request', async () => {
    await apiCall(env.host.url, frontdesk, 'auth.setLocale', { locale: 'en' })
    await page.goto('/#/care?tab=closedComplaints')
    await page.reload()
    await page.getByRole('table', { name: 'Closed complaints' }).waitFor()
    await shot('care-complaints-en')
    await page.getByRole('tab', { name: 'Finished follow-ups' }).click()
    await page.getByLabel('Plate, RO number, customer').fill(ro.number)
    await page.getByRole('table', { name: 'Finished follow-ups' }).getByText(ro.number).click()
    await page.getByRole('dialog').getByText('Calls').first().waitFor()
    await settle(page.getByRole('dialog'))
    await screenshot(page, 'care-call-done-en', false)
    expect(env.session.problems).toEqual([])
  })
})
