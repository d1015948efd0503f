import { beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { localDate } from '../src/shared/domain/calendar'
import { evenSplit, quarterOf } from '../src/shared/domain/department'
import { percentFromBp } from '../src/shared/format/numbers'
import { hostAndBrowser } from './support/fixture'
import { shotSettled } from './support/browser'
import { apiCall, apiLogin } from './support/api'
import { logIn, signIn } from './support/desk'
import { zh } from './support/i18n'

const PASSWORD = 'demo-e2e-pass'
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64')

// The service manager's management desk on the demo dealership: Alt+M opens it; the quarter's
// business-volume target is split to its months (a split that does not add up is shown and cannot
// be saved), an advisor's scorecard shows the actuals of the demo ROs and takes a comment and
// prints, a training session with attendees and their assessment counts toward the month, and a
// 5S audit with a finding on an edited checklist is recorded and the finding closed.
describe('running the department on the demo dealership', () => {
  const env = hostAndBrowser({ demoPassword: PASSWORD })
  let page: Page
  let token = ''
  const month = localDate(new Date(), 'Asia/Shanghai').slice(0, 7)
  const { year, quarter } = quarterOf(month)
  const ros = zh('deptMeasure.ros')
  const shot = (name: string) => shotSettled(page, name)

  beforeAll(async () => {
    ;({ page, token } = await signIn(env, 'manager', PASSWORD))
  })

  it('opens with Alt+M on the month’s progress, each figure with its formula', async () => {
    await page.keyboard.press('Alt+M')
    await page.waitForURL(/#\/department/)
    const table = page.getByRole('table', { name: zh('dept.progressTable') })
    await table.getByText(zh('dept.formula.ros')).waitFor()
    const p = await apiCall(env.host.url, token, 'department.progress', { month })
    expect(p.measures.find((m) => m.measure === 'ros')!.actual).toBeGreaterThan(0)
    await shot('department-progress')
    await page.getByRole('button', { name: zh('dept.drillOf', { measure: ros }) }).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByText(zh('dept.formula.ros')).waitFor()
    await shot('department-drill')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
  })

  it('splits the quarter’s target to its months, showing a split that does not add up', async () => {
    const view0 = await apiCall(env.host.url, token, 'department.targets.get', { year, quarter })
    const seeded = view0.plans.find((p) => p.measure === 'ros')!
    expect(seeded.people.length).toBeGreaterThan(0)
    await page.getByRole('tab', { name: zh('dept.tab.targets') }).click()
    const card = page.locator(`[data-measure="ros"]`)
    await card.getByLabel(zh('dept.quarterTargetOf', { measure: ros })).fill('300')
    await card.getByRole('button', { name: zh('dept.evenSplit') }).click()
    const months = [0, 1, 2].map((i) => `${year}-${String((quarter - 1) * 3 + i + 1).padStart(2, '0')}`)
    const first = card.getByLabel(zh('dept.monthTargetOf', { month: months[0]!, measure: ros }))
    await expect.poll(() => first.inputValue()).toBe('100')
    await first.fill('90')
    const check = card.getByRole('status', { name: zh('dept.monthCheckOf', { measure: ros }) })
    await check.getByText(zh('dept.splitUnderBy', { sum: '290', total: '300', difference: '10' })).waitFor()
    const save = card.getByRole('button', { name: zh('dept.saveTarget', { measure: ros }) })
    expect(await save.isDisabled()).toBe(true)
    await shot('department-targets-unbalanced')
    await first.fill('100')
    await check.getByText(zh('dept.splitBalanced', { sum: '300' })).waitFor()
    // The demo's split to people was for the old target: it is shown as not adding up until redone.
    const people = card.getByRole('status', { name: zh('dept.peopleCheckOf', { measure: ros }) })
    await people.waitFor()
    expect(await save.isDisabled()).toBe(true)
    const shares = evenSplit(300, view0.staff.length)
    for (const [i, s] of view0.staff.entries()) await card.getByLabel(zh('dept.personTargetOf', { name: s.name, measure: ros })).fill(String(shares[i]))
    await people.getByText(zh('dept.splitBalanced', { sum: '300' })).waitFor()
    await save.click()
    await card.getByText(zh('dept.savedBy', { name: '张建国', v: (seeded.version ?? 0) + 1 })).waitFor()
    const view = await apiCall(env.host.url, token, 'department.targets.get', { year, quarter })
    expect(view.plans.find((p) => p.measure === 'ros')).toMatchObject({ total: 300, months: months.map((m) => ({ month: m, amount: 100 })) })
    await shot('department-targets')
  })

  it('shows an advisor’s scorecard with the demo ROs’ actuals, takes a comment and prints', async () => {
    const advisor = (await apiCall(env.host.url, token, 'department.staff', {})).find((s) => s.role === 'service_advisor')!
    const expected = await apiCall(env.host.url, token, 'department.scorecard', { month, userId: advisor.userId })
    await page.getByRole('tab', { name: zh('dept.tab.scorecards') }).click()
    await page.getByRole('table', { name: zh('dept.scorecards') }).getByRole('button', { name: advisor.name }).click()
    await page.getByText(zh('dept.scorecardOf', { name: advisor.name, month })).waitFor()
    const row = page.locator('.dept-card th', { hasText: zh('deptMeasure.ros') }).first().locator('xpath=following-sibling::td[1]')
    await expect.poll(() => row.textContent()).toBe(String(expected.advisor!.ros))
    expect(expected.advisor!.ros).toBeGreaterThan(0)
    await page.getByLabel(zh('dept.managerComment')).fill('本月结算及时，继续保持')
    await page.getByRole('button', { name: zh('dept.saveComment') }).click()
    await page.getByText(zh('dept.notAcknowledged')).waitFor()
    await shot('department-scorecard')
    await page.getByRole('button', { name: zh('dept.print') }).click()
    await page.getByRole('article', { name: zh('dept.scorecardTitle') }).waitFor()
    await shot('department-scorecard-print')
    await page.getByRole('button', { name: zh('dept.backToCard') }).click()
    await page.getByRole('button', { name: zh('dept.backToList') }).click()
  })

  it('shows a parts clerk’s card and a technician’s, each figure opening the rows it is made of', async () => {
    const staff = await apiCall(env.host.url, token, 'department.staff', {})
    const figureDialog = async (person: { userId: number; name: string }, figure: 'fill_rate' | 'efficiency', value: string, n: number) => {
      await page.getByRole('table', { name: zh('dept.scorecards') }).getByRole('button', { name: person.name }).click()
      await page.getByText(zh('dept.scorecardOf', { name: person.name, month })).waitFor()
      await page.getByRole('button', { name: zh('figure.drillOf', { figure: zh(`figure.${figure}`) }) }).first().click()
      const dialog = page.getByRole('dialog', { name: zh('figure.title', { figure: zh(`figure.${figure}`), month }) })
      await dialog.getByText(zh('figure.total', { value, n })).waitFor()
      return dialog
    }
    const clerk = staff.find((s) => s.name === '曾凯')!
    const card = await apiCall(env.host.url, token, 'department.scorecard', { month, userId: clerk.userId })
    expect(card.kind).toBe('parts')
    expect(card.parts!.requested).toBeGreaterThan(0)
    const fill = await figureDialog(clerk, 'fill_rate', percentFromBp(card.parts!.fillRateBp), card.parts!.requested)
    await shot('department-parts-card-fill-rate')
    await page.keyboard.press('Escape')
    await fill.waitFor({ state: 'hidden' })
    await shot('department-parts-card')
    await page.getByRole('button', { name: zh('dept.backToList') }).click()
    const tech = staff.find((s) => s.role === 'technician')!
    const techCard = await apiCall(env.host.url, token, 'department.scorecard', { month, userId: tech.userId })
    const eff = await figureDialog(tech, 'efficiency', percentFromBp(techCard.technician!.efficiencyBp), techCard.technician!.jobs)
    await shot('department-technician-efficiency')
    await page.keyboard.press('Escape')
    await eff.waitFor({ state: 'hidden' })
    await page.getByRole('button', { name: zh('dept.backToList') }).click()
  })

  it('records a training session with attendees and their assessment, counted toward the month', async () => {
    const before = await apiCall(env.host.url, token, 'department.training.month', { month })
    const frontDesk = () => before.counts.find((c) => c.department === 'front_desk')!
    await page.getByRole('tab', { name: zh('dept.tab.training') }).click()
    await page.getByRole('button', { name: zh('dept.recordTraining') }).click()
    const dialog = page.getByRole('dialog', { name: zh('dept.recordTraining') })
    await dialog.getByLabel(zh('audit.field.topic')).fill('环车检查与接车礼仪')
    await dialog.getByLabel(zh('dept.trainer')).fill('李静')
    const staff = (await apiCall(env.host.url, token, 'department.staff', {})).filter((s) => s.role === 'service_advisor').slice(0, 2)
    const box = dialog.getByRole('combobox', { name: zh('dept.attendees') })
    for (const s of staff) {
      await box.click()
      await box.fill(s.name)
      await page.locator('.ant-select-item-option').filter({ hasText: s.name }).first().click()
    }
    await dialog.getByLabel(zh('dept.scoreOf', { name: staff[0]!.name })).fill('95')
    await dialog.getByLabel(zh('dept.passedOf', { name: staff[1]!.name })).uncheck()
    await dialog.getByLabel(zh('dept.scoreOf', { name: staff[1]!.name })).fill('58')
    await shot('department-training-record')
    await dialog.getByRole('button', { name: zh('dept.save') }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByRole('table', { name: zh('dept.sessions') }).getByText('环车检查与接车礼仪').waitFor()
    const after = await apiCall(env.host.url, token, 'department.training.month', { month })
    const fd = after.counts.find((c) => c.department === 'front_desk')!
    expect(fd.sessions).toBe(frontDesk().sessions + 1)
    expect(fd.attendees).toBe(frontDesk().attendees + 2)
    expect(fd.passed).toBe(frontDesk().passed + 1)
    await page.getByRole('group', { name: zh('dept.countOf', { department: zh('department.front_desk') }) }).or(page.getByLabel(zh('dept.countOf', { department: zh('department.front_desk') }))).first().getByText(`${fd.sessions} / ${fd.target}`).waitFor()
    await shot('department-training')
    expect(env.session.problems).toEqual([])
  })

  it('records a 5S audit with a finding, follows the finding up and closes it', async () => {
    await page.getByRole('tab', { name: zh('dept.tab.fives') }).click()
    await page.getByRole('table', { name: zh('dept.fives.trend') }).getByText(zh('fivesArea.wash_bay')).waitFor()
    await shot('department-fives')
    await page.getByRole('button', { name: zh('dept.fives.editChecklist') }).click()
    const checklist = page.getByRole('dialog', { name: zh('dept.fives.checklistOf', { area: zh('fivesArea.workshop') }) })
    await checklist.getByLabel(zh('dept.fives.newItemLabel')).fill('举升机安全锁每日点检')
    await checklist.getByRole('button', { name: zh('dept.fives.addItem') }).click()
    await expect.poll(() => checklist.getByLabel(zh('dept.fives.itemLabelOf', { n: 6 })).inputValue()).toBe('举升机安全锁每日点检')
    await shot('department-fives-checklist')
    await page.keyboard.press('Escape')
    await checklist.waitFor({ state: 'hidden' })

    const items = await apiCall(env.host.url, token, 'department.fiveS.checklist', { area: 'workshop' })
    expect(items).toHaveLength(6)
    const owner = (await apiCall(env.host.url, token, 'department.staff', {})).find((s) => s.role === 'workshop_supervisor')!
    await page.getByRole('button', { name: zh('dept.fives.record') }).click()
    const dialog = page.getByRole('dialog', { name: `${zh('dept.fives.record')} · ${zh('fivesArea.workshop')}` })
    await dialog.getByLabel(zh('dept.fives.itemScoreOf', { label: items[2]!.label })).fill('2')
    await dialog.getByRole('button', { name: zh('dept.fives.addFinding') }).click()
    await dialog.getByLabel(zh('dept.fives.findingTextOf', { n: 1 }), { exact: true }).fill('3 号工位地面油污未清理')
    const box = dialog.getByRole('combobox', { name: zh('dept.fives.findingOwnerOf', { n: 1 }) })
    await box.click()
    await box.fill(owner.name)
    await page.locator('.ant-select-item-option').filter({ hasText: owner.name }).first().click()
    await dialog.getByText(zh('dept.fives.total', { score: '27', max: '30' })).waitFor()
    await shot('department-fives-audit')
    await dialog.getByRole('button', { name: zh('dept.save') }).click()
    await dialog.waitFor({ state: 'hidden' })

    const findings = page.getByRole('table', { name: zh('dept.fives.findings') })
    await findings.getByText('3 号工位地面油污未清理').waitFor()
    const audits = await apiCall(env.host.url, token, 'department.fiveS.audits', { month })
    const audit = audits.find((a) => a.findings.some((f) => f.text === '3 号工位地面油污未清理'))!
    expect(audit).toMatchObject({ area: 'workshop', score: 27, maxScore: 30, findings: [{ state: 'open', ownerId: owner.userId }] })
    // A photo of the finding through the one attachments component, listed on the finding.
    const text = '3 号工位地面油污未清理'
    await findings.getByRole('button', { name: zh('attachments.ofFinding', { text }) }).click()
    const photos = page.getByRole('dialog', { name: zh('attachments.ofFinding', { text }) })
    await photos.locator('.att-card input[type=file]').setInputFiles({ name: '3号工位.png', mimeType: 'image/png', buffer: PNG })
    await photos.getByRole('list', { name: zh('attachments.title') }).getByText('3号工位.png').waitFor()
    await photos.getByRole('img', { name: zh('attachments.thumbnail', { name: '3号工位.png' }) }).waitFor()
    await shot('department-fives-photo')
    await page.keyboard.press('Escape')
    await photos.waitFor({ state: 'hidden' })
    await findings.getByRole('button', { name: zh('attachments.ofFinding', { text }) }).getByText(zh('attachments.countN', { n: 1 })).waitFor()
    const listed = await apiCall(env.host.url, token, 'attachments.list', { ownerKind: 'fives_finding', ownerId: audit.findings[0]!.id })
    expect(listed).toMatchObject([{ fileName: '3号工位.png', mimeType: 'image/png', missing: false }])
    await findings.getByRole('button', { name: zh('dept.fives.closeOf', { text: '3 号工位地面油污未清理' }) }).click()
    const close = page.getByRole('dialog', { name: zh('dept.fives.closeTitle') })
    await close.getByLabel(zh('dept.fives.closeNote')).fill('已清理并加装接油盘')
    await close.getByRole('button', { name: zh('dept.fives.confirmClose') }).click()
    await close.waitFor({ state: 'hidden' })
    await findings.getByText('3 号工位地面油污未清理').waitFor({ state: 'hidden' })
    await page.getByRole('radiogroup', { name: zh('dept.fives.showState') }).or(page.getByLabel(zh('dept.fives.showState'))).first().getByText(zh('dept.fives.state.closed')).click()
    await findings.getByText('已清理并加装接油盘').waitFor()
    const closed = await apiCall(env.host.url, token, 'department.fiveS.findings', { state: 'closed' })
    expect(closed.find((f) => f.text === '3 号工位地面油污未清理')).toMatchObject({ state: 'closed', closeNote: '已清理并加装接油盘' })
    await shot('department-fives-closed')
    expect(env.session.problems).toEqual([])
  })

  it('lets an advisor read and acknowledge their own scorecard, with the months so far', async () => {
    const advisorToken = await apiLogin(env.host.url, 'advisor1', PASSWORD)
    const mine = await apiCall(env.host.url, advisorToken, 'department.myScorecard', { month })
    const card = await apiCall(env.host.url, token, 'department.scorecard', { month, userId: mine.person.userId })
    await apiCall(env.host.url, token, 'department.scorecard.comment', { month, userId: mine.person.userId, comment: '预约到店率提升明显，请继续跟进回访', ...(card.review ? { version: card.review.version } : {}) })
    await page.getByRole('banner').getByRole('button', { name: zh('shell.logout') }).click()
    await logIn(page, 'advisor1', PASSWORD)
    await page.getByRole('navigation').getByText(zh('myScore.nav')).waitFor()
    await page.keyboard.press('Alt+J')
    await page.waitForURL(/#\/my-scorecard/)
    await page.getByText(zh('dept.scorecardOf', { name: mine.person.name, month })).waitFor()
    const history = page.getByRole('table', { name: zh('myScore.history') })
    await history.getByText('预约到店率提升明显，请继续跟进回访').waitFor()
    await shot('department-my-scorecard')
    await page.getByRole('button', { name: zh('myScore.acknowledge') }).click()
    await page.getByRole('button', { name: zh('myScore.acknowledge') }).waitFor({ state: 'hidden' })
    await history.getByText(zh('dept.notAcknowledged')).waitFor({ state: 'hidden' })
    const after = await apiCall(env.host.url, advisorToken, 'department.myScorecards', {})
    expect(after.find((h) => h.month === month)).toMatchObject({ comment: '预约到店率提升明显，请继续跟进回访', acknowledgedAt: expect.any(String) })
    await shot('department-my-scorecard-acknowledged')
    expect(env.session.problems).toEqual([])
  })
})
