import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkScoreBp } from '../../shared/domain/etiquette'
import { makeTestApp, testClock, type TestApp } from '../test-support/test-app'
import { local, relogin } from '../rules/test-helpers'

// Etiquette checks: a check's score is passed ÷ items, the person's month score on the scorecard
// is the average of the checks listed there (its rows), who may check whom, the checklist edited
// with old checks kept, and months across a year end. Then the KPI targets per role set against
// the scorecard's actuals.

let t: TestApp

beforeAll(async () => {
  t = await makeTestApp({
    roles: ['service_manager', 'front_desk_supervisor', 'workshop_supervisor', 'service_advisor', 'technician', 'parts_clerk'],
    clock: testClock('2027-01-10T10:00:00+08:00'),
    prefix: 'dept-etiquette-',
  })
  t.clock.set(local('2027-01-10T10:00:00'))
  await relogin(t)
})
afterAll(() => t.close())

const check = async (who: 'front_desk_supervisor' | 'workshop_supervisor' | 'service_manager', userId: number, checkedOn: string, passedCount: number) => {
  const items = await t.ok(who, 'department.etiquette.checklist', {})
  return t.call(who, 'department.etiquette.record', { userId, checkedOn, results: items.map((i, k) => ({ itemId: i.id, passed: k < passedCount, note: k < passedCount ? '' : '未做到' })) })
}

describe('etiquette checks', () => {
  it('come with the manual’s default checklist', async () => {
    const items = await t.ok('front_desk_supervisor', 'department.etiquette.checklist', {})
    expect(items.length).toBe(7)
    expect(items.map((i) => i.label).join()).toMatch(/环车检查/)
  })

  it('score a check as passed ÷ items and put the month’s average on the advisor’s scorecard, with the checks as its rows', async () => {
    const advisor = t.userIds.service_advisor
    const a = await check('front_desk_supervisor', advisor, '2026-12-03', 5)
    expect(a.ok && a.data).toMatchObject({ passed: 5, items: 7, scoreBp: checkScoreBp(5, 7), checkerName: expect.any(String) })
    if (!a.ok) return
    expect(a.data.results.filter((r) => !r.passed).map((r) => r.note)).toEqual(['未做到', '未做到'])
    await check('service_manager', advisor, '2026-12-20', 7)
    const card = await t.ok('service_manager', 'department.scorecard', { month: '2026-12', userId: advisor })
    expect(card.etiquette.checks.map((c) => c.scoreBp)).toEqual([7143, 10000])
    const average = Math.round(card.etiquette.checks.reduce((s, c) => s + checkScoreBp(c.passed, c.items), 0) / card.etiquette.checks.length)
    expect(card.etiquette.scoreBp).toBe(average)
    const list = await t.ok('service_manager', 'department.scorecards', { month: '2026-12' })
    expect(list.find((r) => r.person.userId === advisor)?.etiquetteBp).toBe(card.etiquette.scoreBp)
    const rows = await t.ok('service_manager', 'department.etiquette.checks', { month: '2026-12', userId: advisor })
    expect(rows.map((r) => r.id)).toEqual(card.etiquette.checks.map((c) => c.id))
    const trail = t.app.store.prepare(`SELECT action FROM audit_log WHERE entity = 'etiquette_check'`).all() as { action: string }[]
    expect(trail).toEqual([{ action: 'department.etiquette.record' }, { action: 'department.etiquette.record' }])
  })

  it('count a check in its own month across a year end', async () => {
    const tech = t.userIds.technician
    expect((await check('workshop_supervisor', tech, '2026-12-31', 6)).ok).toBe(true)
    expect((await check('workshop_supervisor', tech, '2027-01-01', 3)).ok).toBe(true)
    const dec = await t.ok('service_manager', 'department.scorecard', { month: '2026-12', userId: tech })
    const jan = await t.ok('service_manager', 'department.scorecard', { month: '2027-01', userId: tech })
    expect(dec.etiquette.checks.map((c) => c.checkedOn)).toEqual(['2026-12-31'])
    expect(jan.etiquette.checks.map((c) => c.checkedOn)).toEqual(['2027-01-01'])
    expect(dec.etiquette.scoreBp).toBe(checkScoreBp(6, 7))
    expect(jan.etiquette.scoreBp).toBe(checkScoreBp(3, 7))
    const nov = await t.ok('service_manager', 'department.scorecard', { month: '2026-11', userId: tech })
    expect(nov.etiquette).toEqual({ scoreBp: null, checks: [] })
  })

  it('are recorded by the front desk’s supervisor for the front desk, the workshop’s for the workshop, the manager for all, nobody for themselves', async () => {
    const byAdvisor = await check('front_desk_supervisor', t.userIds.technician, '2027-01-05', 7)
    expect(byAdvisor.ok || byAdvisor.code).toBe('FORBIDDEN')
    if (!byAdvisor.ok) expect(byAdvisor.message).toMatch(/前台主管检查前台人员/)
    const wrongWay = await check('workshop_supervisor', t.userIds.service_advisor, '2027-01-05', 7)
    expect(wrongWay.ok || wrongWay.code).toBe('FORBIDDEN')
    const self = await check('front_desk_supervisor', t.userIds.front_desk_supervisor, '2027-01-05', 7)
    expect(self.ok || self.code).toBe('FORBIDDEN')
    const items = await t.ok('service_manager', 'department.etiquette.checklist', {})
    const tech = await t.call('technician', 'department.etiquette.record', { userId: t.userIds.service_advisor, checkedOn: '2027-01-05', results: items.map((i) => ({ itemId: i.id, passed: true })) })
    expect(tech.ok || tech.code).toBe('FORBIDDEN')
    const parts = await check('service_manager', t.userIds.parts_clerk, '2027-01-05', 7)
    expect(parts.ok).toBe(true)
    const partial = await t.call('front_desk_supervisor', 'department.etiquette.record', { userId: t.userIds.service_advisor, checkedOn: '2027-01-05', results: items.slice(1).map((i) => ({ itemId: i.id, passed: true })) })
    expect(partial.ok || partial.code).toBe('VALIDATION')
    if (!partial.ok) expect(partial.message).toMatch(/全部 7 项/)
  })

  it('keep past checks when the checklist changes, and the next check marks the new list', async () => {
    const added = await t.ok('front_desk_supervisor', 'department.etiquette.item.save', { label: '主动递送名片' })
    expect(added).toHaveLength(8)
    const removed = await t.ok('service_manager', 'department.etiquette.item.remove', { id: added[0]!.id })
    expect(removed).toHaveLength(7)
    const stale = await t.call('front_desk_supervisor', 'department.etiquette.record', { userId: t.userIds.service_advisor, checkedOn: '2027-01-06', results: added.map((i) => ({ itemId: i.id, passed: true })) })
    expect(stale.ok || stale.code).toBe('VALIDATION')
    expect((await check('front_desk_supervisor', t.userIds.service_advisor, '2027-01-06', 7)).ok).toBe(true)
    const dec = await t.ok('service_manager', 'department.scorecard', { month: '2026-12', userId: t.userIds.service_advisor })
    expect(dec.etiquette.checks[0]).toMatchObject({ items: 7, passed: 5, scoreBp: 7143 })
    expect(dec.etiquette.checks[0]!.results.map((r) => r.itemId)).toContain(added[0]!.id)
    const advisor = await t.call('service_advisor', 'department.etiquette.item.save', { label: '不应保存' })
    expect(advisor.ok || advisor.code).toBe('FORBIDDEN')
  })
})

describe('KPI targets per role', () => {
  it('are set by the manager for a quarter’s months (not the next year’s) and shown against the scorecard’s own figures', async () => {
    const view = await t.ok('service_manager', 'department.kpi.save', { month: '2026-12', span: 'quarter', kpi: 'ros', target: 40 })
    expect(view.rows.find((r) => r.kpi === 'ros')).toMatchObject({ kind: 'advisor', target: 40 })
    for (const month of ['2026-10', '2026-11', '2026-12']) {
      const v = await t.ok('front_desk_supervisor', 'department.kpi.targets', { month })
      expect(v.rows.find((r) => r.kpi === 'ros')?.target, month).toBe(40)
    }
    expect((await t.ok('service_manager', 'department.kpi.targets', { month: '2027-01' })).rows.find((r) => r.kpi === 'ros')?.target).toBeNull()
    await t.ok('service_manager', 'department.kpi.save', { month: '2026-12', kpi: 'reworks', target: 1 })
    const card = await t.ok('service_manager', 'department.scorecard', { month: '2026-12', userId: t.userIds.service_advisor })
    expect(card.kpis.map((k) => k.kpi)).toEqual(['ros', 'revenue', 'csi', 'settlement_timeliness'])
    expect(card.kpis[0]).toEqual({ kpi: 'ros', target: 40, actual: card.advisor!.ros, met: card.advisor!.ros >= 40 })
    expect(card.kpis.find((k) => k.kpi === 'revenue')).toMatchObject({ target: null, actual: card.advisor!.productionFen, met: null })
    const tech = await t.ok('service_manager', 'department.scorecard', { month: '2026-12', userId: t.userIds.technician })
    expect(tech.kpis.map((k) => k.kpi)).toEqual(['sold_hours', 'efficiency', 'reworks'])
    // A ceiling: no reworks meets a target of at most one.
    expect(tech.kpis.find((k) => k.kpi === 'reworks')).toEqual({ kpi: 'reworks', target: 1, actual: tech.technician!.reworks, met: tech.technician!.reworks <= 1 })
  })

  it('are cleared with no target, refused to anyone but the manager, and written to the audit trail', async () => {
    await t.ok('service_manager', 'department.kpi.save', { month: '2026-11', kpi: 'ros', target: null })
    expect((await t.ok('service_manager', 'department.kpi.targets', { month: '2026-11' })).rows.find((r) => r.kpi === 'ros')?.target).toBeNull()
    expect((await t.ok('service_manager', 'department.kpi.targets', { month: '2026-12' })).rows.find((r) => r.kpi === 'ros')?.target).toBe(40)
    const sup = await t.call('front_desk_supervisor', 'department.kpi.save', { month: '2026-12', kpi: 'ros', target: 1 })
    expect(sup.ok || sup.code).toBe('FORBIDDEN')
    const trail = t.app.store.prepare(`SELECT detail FROM audit_log WHERE action = 'department.kpi.save' ORDER BY id`).all() as { detail: string }[]
    expect(trail).toHaveLength(3)
    expect(JSON.parse(trail[0]!.detail)).toMatchObject({ kpi: 'kpi.ros', months: '2026-10, 2026-11, 2026-12', after: 40 })
  })
})
