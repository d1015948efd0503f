import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, testClock, type TestApp } from '../test-support/test-app'
import { sweep } from '../rules/engine'
import { local, readyRo, relogin, serviceCtx } from '../rules/test-helpers'

// Targets split to months and people, actuals across a year end, the scorecard's comment and
// acknowledgement, and the training rules that raise and clear themselves.

let t: TestApp
const advisorId = () => t.userIds.service_advisor

async function at(localTime: string) {
  t.clock.set(local(localTime))
  await relogin(t)
}

async function settledRo(amountFen: number) {
  const ro = await readyRo(t, { type: 'maintenance', lines: [{ payer: 'customer', amountFen }] })
  await t.ok('cashier', 'settlement.settle', { roId: ro.id, version: ro.version })
  return ro
}

const alertOf = (kind: string) =>
  t.app.store.prepare(`SELECT a.state, a.message_params FROM alerts a JOIN rules r ON r.id = a.rule_id WHERE r.kind = ?`).get(kind) as
    | { state: string; message_params: string }
    | undefined

beforeAll(async () => {
  t = await makeTestApp({
    roles: ['service_manager', 'front_desk_supervisor', 'service_advisor', 'cashier', 'workshop_supervisor', 'technician', 'technical_supervisor'],
    clock: testClock('2025-12-31T23:30:00+08:00'),
    prefix: 'dept-targets-',
  })
  await at('2025-12-31T23:30:00')
  await settledRo(100_000) // the last half hour of 2025
  await at('2026-01-01T00:30:00')
  await settledRo(40_000) // the first hour of 2026
  await settledRo(60_000)
})
afterAll(() => t.close())

describe('targets and their split', () => {
  it('refuses a monthly split that does not add up, with its sum and the difference, and stores nothing', async () => {
    const months = [
      { month: '2026-01', amount: 30 },
      { month: '2026-02', amount: 30 },
      { month: '2026-03', amount: 30 },
    ]
    const r = await t.call('service_manager', 'department.targets.save', { year: 2026, quarter: 1, measure: 'ros', total: 100, months }, { locale: 'zh-CN' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.code).toBe('VALIDATION')
    expect(r.message).toBe('分解合计 90 比目标 100 少 10，请调整后再保存')
    expect(r.details).toMatchObject({ sum: 90, total: 100, difference: -10, fields: [{ field: 'months' }] })
    const view = await t.ok('service_manager', 'department.targets.get', { year: 2026, quarter: 1 })
    expect(view.plans.find((p) => p.measure === 'ros')!.targetId).toBeNull()
  })

  it('refuses a person split over the target and months of another quarter', async () => {
    const over = await t.call('service_manager', 'department.targets.save', {
      year: 2026,
      quarter: 1,
      measure: 'production',
      total: 30_000_000,
      months: [
        { month: '2026-01', amount: 10_000_000 },
        { month: '2026-02', amount: 10_000_000 },
        { month: '2026-03', amount: 10_000_000 },
      ],
      people: [
        { userId: advisorId(), amount: 20_000_000 },
        { userId: t.userIds.front_desk_supervisor, amount: 10_000_001 },
      ],
    }, { locale: 'en' })
    expect(over.ok || over.message).toBe('the split adds up to ¥300,000.01, ¥0.01 more than the target ¥300,000.00: adjust it before saving')
    const wrongMonths = await t.call('service_manager', 'department.targets.save', {
      year: 2026,
      quarter: 1,
      measure: 'ros',
      total: 3,
      months: [
        { month: '2025-12', amount: 1 },
        { month: '2026-01', amount: 1 },
        { month: '2026-02', amount: 1 },
      ],
    })
    expect(wrongMonths.ok || wrongMonths.code).toBe('VALIDATION')
  })

  it('saves a balanced split, sums the year from its quarters and is audited', async () => {
    const saved = await t.ok('service_manager', 'department.targets.save', {
      year: 2026,
      quarter: 1,
      measure: 'ros',
      total: 90,
      months: [
        { month: '2026-01', amount: 40 },
        { month: '2026-02', amount: 25 },
        { month: '2026-03', amount: 25 },
      ],
      people: [
        { userId: advisorId(), amount: 60 },
        { userId: t.userIds.front_desk_supervisor, amount: 30 },
      ],
    })
    const plan = saved.plans.find((p) => p.measure === 'ros')!
    expect(plan).toMatchObject({ total: 90, version: 1, people: expect.arrayContaining([{ userId: advisorId(), amount: 60 }]) })
    expect(saved.yearTotals.find((y) => y.measure === 'ros')).toEqual({ measure: 'ros', total: 90, quartersSet: 1 })
    // An edit needs the version read.
    const stale = await t.call('service_manager', 'department.targets.save', {
      year: 2026,
      quarter: 1,
      measure: 'ros',
      total: 90,
      months: plan.months,
    })
    expect(stale.ok || stale.code).toBe('CONFLICT')
    const audit = t.app.store.prepare(`SELECT detail FROM audit_log WHERE action = 'department.targets.save'`).all() as { detail: string }[]
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ year: 2026, quarter: 1, after: { total: 90 } })
  })

  it('is the service manager’s alone', async () => {
    const r = await t.call('front_desk_supervisor', 'department.targets.save', {
      year: 2026,
      quarter: 2,
      measure: 'ros',
      total: 3,
      months: [
        { month: '2026-04', amount: 1 },
        { month: '2026-05', amount: 1 },
        { month: '2026-06', amount: 1 },
      ],
    })
    expect(r.ok || r.code).toBe('FORBIDDEN')
  })
})

describe('actuals across a year end', () => {
  it('counts an RO settled on 31 December in December and one settled on 1 January in January', async () => {
    const dec = await t.ok('service_manager', 'department.progress', { month: '2025-12' })
    const jan = await t.ok('service_manager', 'department.progress', { month: '2026-01' })
    const v = (p: typeof dec, m: string) => p.measures.find((x) => x.measure === m)!
    expect(v(dec, 'ros').actual).toBe(1)
    expect(v(dec, 'production').actual).toBe(100_000)
    expect(dec.quarter).toBe(4)
    expect(v(jan, 'ros')).toMatchObject({ actual: 2, monthTarget: 40, progressBp: 500, quarterTarget: 90, quarterActual: 2 })
    expect(v(jan, 'production').actual).toBe(100_000)
    // Day 1 of 31: the straight line runs 2 ROs a day.
    expect(jan.daysElapsed).toBe(1)
    expect(v(jan, 'ros').forecast).toBe(62)
    const advisor = jan.people.find((p) => p.userId === advisorId())!
    expect(advisor.values.find((x) => x.measure === 'ros')).toEqual({ measure: 'ros', quarterTarget: 60, quarterActual: 2, monthActual: 2 })
  })
})

describe('scorecards', () => {
  it('shows an advisor’s ROs and production, takes the manager’s comment and the advisor’s acknowledgement', async () => {
    const card = await t.ok('service_manager', 'department.scorecard', { month: '2026-01', userId: advisorId() })
    expect(card.kind).toBe('advisor')
    expect(card.advisor).toMatchObject({ ros: 2, productionFen: 100_000 })
    expect(card.review).toBeNull()
    const commented = await t.ok('service_manager', 'department.scorecard.comment', { month: '2026-01', userId: advisorId(), comment: '结算及时，继续保持' })
    expect(commented.review).toMatchObject({ comment: '结算及时，继续保持', acknowledgedAt: null, version: 1 })
    const mine = await t.ok('service_advisor', 'department.myScorecard', { month: '2026-01' })
    expect(mine.review?.comment).toBe('结算及时，继续保持')
    const acked = await t.ok('service_advisor', 'department.scorecard.acknowledge', { month: '2026-01', version: 1 })
    expect(acked.review?.acknowledgedAt).not.toBeNull()
    const again = await t.call('service_advisor', 'department.scorecard.acknowledge', { month: '2026-01', version: 2 })
    expect(again.ok || again.code).toBe('INVALID_STATE')
    const list = await t.ok('service_manager', 'department.scorecards', { month: '2026-01' })
    expect(list.find((s) => s.person.userId === advisorId())).toMatchObject({ headline: 2, reviewed: true, acknowledged: true })
    expect(list.find((s) => s.person.userId === t.userIds.technician)?.kind).toBe('technician')
  })

  it('keeps a technician’s card with workshop figures and refuses one for a role without a card', async () => {
    const tech = await t.ok('service_manager', 'department.scorecard', { month: '2026-01', userId: t.userIds.technician })
    expect(tech.technician).toMatchObject({ jobs: 0, reworks: 0 })
    const cashier = await t.call('service_manager', 'department.scorecard', { month: '2026-01', userId: t.userIds.cashier })
    expect(cashier.ok || cashier.code).toBe('NOT_FOUND')
  })
})

describe('training against the manual’s targets', () => {
  it('raises when a month is short near its end and clears once the sessions are recorded', async () => {
    await at('2026-01-25T10:00:00')
    t.app.store.tx(() => sweep(serviceCtx(t)))
    expect(alertOf('training_front_desk')).toMatchObject({ state: 'open' })
    expect(JSON.parse(alertOf('training_front_desk')!.message_params)).toEqual({ month: '2026-01', count: 0, target: 4, daysLeft: 7 })
    expect(alertOf('training_workshop')?.state).toBe('open')
    expect(alertOf('repair_cases')?.state).toBe('open')
    const attendees = [
      { userId: advisorId(), passed: true, score: 92 },
      { userId: t.userIds.front_desk_supervisor, passed: false, score: 55 },
    ]
    for (const day of ['05', '12', '19', '25']) {
      await t.ok('front_desk_supervisor', 'department.training.record', {
        heldOn: `2026-01-${day}`,
        department: 'front_desk',
        type: 'etiquette',
        topic: '接车礼仪',
        trainer: '李静',
        durationMin: 60,
        attendees,
      })
    }
    expect(alertOf('training_front_desk')?.state).toBe('resolved')
    expect(alertOf('training_workshop')?.state).toBe('open')
    const month = await t.ok('service_manager', 'department.training.month', { month: '2026-01' })
    expect(month.counts.find((c) => c.department === 'front_desk')).toEqual({ department: 'front_desk', sessions: 4, target: 4, attendees: 8, passed: 4 })
    const card = await t.ok('service_manager', 'department.scorecard', { month: '2026-01', userId: advisorId() })
    expect(card.training).toEqual({ sessions: 4, passed: 4, minutes: 240 })
  })

  it('counts the technical supervisor’s repair cases and clears at two', async () => {
    for (const fault of ['冷启动抖动', '空调不制冷']) {
      await t.ok('technical_supervisor', 'department.repairCase.record', {
        submittedOn: '2026-01-26',
        vehicle: '粤A12345 朗逸',
        fault,
        diagnosis: '读取故障码，检查线路',
        fix: '更换传感器',
        hotline: true,
      })
    }
    expect(alertOf('repair_cases')?.state).toBe('resolved')
    const month = await t.ok('service_manager', 'department.training.month', { month: '2026-01' })
    expect(month.repairCases).toEqual({ count: 2, target: 2 })
  })

  it('does not warn early in the month', async () => {
    await at('2026-02-03T10:00:00')
    t.app.store.tx(() => sweep(serviceCtx(t)))
    expect(alertOf('training_workshop')?.state).toBe('resolved')
  })
})

describe('5S audits and findings', () => {
  it('scores every item of the area’s default checklist, and refuses an audit that leaves one out', async () => {
    const items = await t.ok('workshop_supervisor', 'department.fiveS.checklist', { area: 'workshop' })
    expect(items.map((i) => i.s)).toEqual(['seiri', 'seiton', 'seiso', 'seiketsu', 'shitsuke'])
    const partial = await t.call('workshop_supervisor', 'department.fiveS.record', { area: 'workshop', auditedOn: '2026-02-03', scores: [{ itemId: items[0]!.id, score: 4 }] })
    expect(partial.ok || partial.code).toBe('VALIDATION')
  })

  it('raises for a finding past its due date and clears when it is closed', async () => {
    const items = await t.ok('workshop_supervisor', 'department.fiveS.checklist', { area: 'workshop' })
    const audit = await t.ok('workshop_supervisor', 'department.fiveS.record', {
      area: 'workshop',
      auditedOn: '2026-02-03',
      scores: items.map((i, k) => ({ itemId: i.id, score: k === 2 ? 2 : 5 })),
      findings: [{ text: '2 号工位地面油污未清理', ownerId: t.userIds.technician, dueOn: '2026-02-05' }],
    })
    expect(audit).toMatchObject({ score: 22, maxScore: 25, findings: [{ state: 'open', overdue: false, ownerId: t.userIds.technician }] })
    expect(alertOf('fives_finding_overdue')?.state ?? 'none').not.toBe('open')
    await at('2026-02-06T09:00:00')
    t.app.store.tx(() => sweep(serviceCtx(t)))
    expect(alertOf('fives_finding_overdue')?.state).toBe('open')
    expect(JSON.parse(alertOf('fives_finding_overdue')!.message_params)).toEqual({ count: 1, oldest: '2026-02-05' })
    const [finding] = await t.ok('service_manager', 'department.fiveS.findings', { state: 'open' })
    expect(finding).toMatchObject({ overdue: true })
    const closed = await t.ok('workshop_supervisor', 'department.fiveS.close', { id: finding!.id, version: finding!.version, note: '已清理并加装接油盘' })
    expect(closed).toMatchObject({ state: 'closed', overdue: false })
    expect(alertOf('fives_finding_overdue')?.state).toBe('resolved')
    const month = await t.ok('service_manager', 'department.fiveS.audits', { month: '2026-02' })
    expect(month).toHaveLength(1)
  })
})
