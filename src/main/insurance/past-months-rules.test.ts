import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, registerVehicle, type TestApp } from '../test-support/test-app'
import { readyRo, relogin } from '../rules/test-helpers'
import { writeSetting } from '../settings/settings'
import { followUpOf, FULL_SURVEY, deliveredRo } from '../care/test-helpers'

// A past month is judged by the rules in force then: the insurance assessment's days, the
// follow-up days and the complaint hours are each kept on their record when it is set, so a
// manager's later change of any of them leaves November's figures, drill-downs, due dates and
// alerts as they were; only records set after the change take the new value.

let t: TestApp
beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'cashier', 'front_desk_supervisor', 'service_manager', 'technician'] })
})
afterAll(() => t.close())

async function at(iso: string) {
  t.clock.set(iso)
  await relogin(t)
}

async function claim(reportNo: string, arrivedOn: string, assessedOn: string | null) {
  const ro = await readyRo(t, { type: 'insurance', lines: [{ payer: 'insurance', amountFen: 100_000, description: '钣金' }] })
  const lineId = (await t.ok('service_advisor', 'insurance.get', { roId: ro.id })).lines[0]!.lineId
  const head = { insurer: '中国人保', policyNo: `P-${reportNo}`, reportNo, insuredName: '王先生', reportedOn: arrivedOn, arrivedOn }
  await t.ok('service_advisor', 'insurance.save', { roId: ro.id, version: 0, ...head, assessedOn, lines: assessedOn ? [{ lineId, assessedFen: 100_000 }] : [] })
  return { ro, head, lineId }
}

async function setRule(days: number) {
  const rule = (await t.ok('service_manager', 'rules.list', {})).find((r) => r.kind === 'insurance_assessment_overdue')!
  await t.ok('service_manager', 'rules.update', { kind: 'insurance_assessment_overdue', params: { days }, enabled: true, version: rule.version, severity: rule.severity, inboxRole: rule.inboxRole })
}

/** Everything November is judged by, read in December. */
async function november() {
  const figures = await t.ok('front_desk_supervisor', 'insurance.figures', { months: 2, month: '2026-11' })
  const drill = await t.ok('front_desk_supervisor', 'insurance.figures.drill', { figure: 'timeliness', month: '2026-11' })
  const care = await t.ok('service_manager', 'dashboard.care', { months: 2 })
  const inTime = care.targets.find((s) => s.key === 'followup_in_time')!.series
  const calls = await t.ok('service_manager', 'dashboard.drill', { target: 'followup_in_time', month: '2026-11' })
  const complaints = await t.ok('front_desk_supervisor', 'care.complaints.list', { state: 'all' })
  await t.ok('service_manager', 'rules.sweep', {})
  const alerts = await t.ok('front_desk_supervisor', 'alerts.list', { ruleKind: 'insurance_assessment_overdue' })
  return {
    timeliness: figures.timeliness,
    drill: drill.assessments,
    inTime,
    calls: calls.calls,
    complaints: complaints.map((c) => [c.number, c.dueAt, c.overdue]),
    alerts: alerts.map((a) => [a.subjectLabel, a.message]),
  }
}

describe('past months under a changed rule', () => {
  it('keep their figures, drill-downs, due dates and alerts; records set afterwards take the new value', async () => {
    await at('2026-11-02T09:00:00+08:00')
    const early = await deliveredRo(t) // follow-up due 3 days on
    const f = await followUpOf(t, early.id)
    await at('2026-11-04T10:00:00+08:00') // the second day: in time under 3 days, late under 1
    await t.ok('front_desk_supervisor', 'care.followups.logCall', { id: f.id, version: f.version, startedAt: '2026-11-04T09:50:00+08:00', endedAt: '2026-11-04T09:55:00+08:00', outcome: 'reached', answers: FULL_SURVEY(9), done: true })
    const vehicle = await registerVehicle(t, { serial: 910_001, name: '周先生' })
    await t.ok('service_advisor', 'care.complaints.open', { source: 'desk', customerId: vehicle.ownerId, category: 'time', severity: 'high', words: '说好下午交车，等到晚上' })
    await at('2026-11-25T10:00:00+08:00')
    await claim('PM-A', '2026-11-02', '2026-11-05') // due 11-05 under 3 days: on time (late under 2)
    await claim('PM-B', '2026-11-10', '2026-11-15') // due 11-13: late by 2 (on time under 5)
    const open = await claim('PM-C', '2026-11-20', null) // due 11-23, never assessed: an alert

    await at('2026-12-10T10:00:00+08:00')
    const before = await november()
    expect(before.timeliness.at(0)).toEqual({ month: '2026-11', onTime: 1, due: 3, valueBp: 3_333 })
    expect(before.drill.map((r) => [r.reportNo, r.dueOn, r.onTime])).toEqual([
      ['PM-A', '2026-11-05', true],
      ['PM-B', '2026-11-13', false],
      ['PM-C', '2026-11-23', false],
    ])
    expect(before.inTime.at(0)).toMatchObject({ month: '2026-11', numerator: 1, denominator: 1 })
    expect(before.alerts).toHaveLength(1)

    await setRule(1)
    writeSetting(t.app.store, 'care.followUpDays', 1)
    writeSetting(t.app.store, 'care.complaintHours.high', 1)
    expect(await november()).toEqual(before)
    await setRule(10)
    writeSetting(t.app.store, 'care.followUpDays', 10)
    writeSetting(t.app.store, 'care.complaintHours.high', 24 * 30)
    expect(await november()).toEqual(before)
    expect((await t.ok('service_advisor', 'insurance.get', { roId: open.ro.id })).claim).toMatchObject({ assessmentDays: 3, assessmentDueOn: '2026-11-23' })

    // A claim opened now takes today's 10 days; editing an old claim's arrival sets its due date anew.
    const fresh = await claim('PM-D', '2026-12-09', null)
    expect((await t.ok('service_advisor', 'insurance.get', { roId: fresh.ro.id })).claim).toMatchObject({ assessmentDays: 10, assessmentDueOn: '2026-12-19' })
    const same = await t.ok('service_advisor', 'insurance.save', { roId: open.ro.id, version: 1, ...open.head, note: '补记备注', assessedOn: null, lines: [] })
    expect(same.claim).toMatchObject({ assessmentDays: 3, assessmentDueOn: '2026-11-23' })
    const moved = await t.ok('service_advisor', 'insurance.save', { roId: open.ro.id, version: 2, ...open.head, arrivedOn: '2026-11-21', assessedOn: null, lines: [] })
    expect(moved.claim).toMatchObject({ assessmentDays: 10, assessmentDueOn: '2026-12-01' })
  })
})
