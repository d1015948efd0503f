import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, testClock, type TestApp } from '../test-support/test-app'
import { local, relogin } from '../rules/test-helpers'

// The 5S checklist edited per area (added, reworded, taken off with old audits kept), and the
// score trend per area across a year end.

let t: TestApp

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_manager', 'workshop_supervisor', 'technician', 'service_advisor'], clock: testClock('2026-01-20T10:00:00+08:00'), prefix: 'dept-fives-' })
  t.clock.set(local('2026-01-20T10:00:00'))
  await relogin(t)
})
afterAll(() => t.close())

const scoreAll = async (area: 'lounge' | 'wash_bay', auditedOn: string, score: (k: number) => number, findings: { text: string; ownerId: number; dueOn: string }[] = []) => {
  const items = await t.ok('workshop_supervisor', 'department.fiveS.checklist', { area })
  return t.ok('workshop_supervisor', 'department.fiveS.record', { area, auditedOn, scores: items.map((i, k) => ({ itemId: i.id, score: score(k) })), findings })
}

describe('the 5S checklist', () => {
  it('adds an item at the end of its area, rewords it and audits it, all in the audit trail', async () => {
    const before = await t.ok('service_manager', 'department.fiveS.checklist', { area: 'lounge' })
    const added = await t.ok('service_manager', 'department.fiveS.item.save', { area: 'lounge', s: 'seiso', label: '茶水台无水渍' })
    expect(added).toHaveLength(before.length + 1)
    const item = added.at(-1)!
    expect(item).toMatchObject({ area: 'lounge', s: 'seiso', label: '茶水台无水渍', position: before.length + 1 })
    const reworded = await t.ok('workshop_supervisor', 'department.fiveS.item.save', { id: item.id, area: 'lounge', s: 'seiketsu', label: '茶水台每日擦拭记录' })
    expect(reworded.at(-1)).toMatchObject({ id: item.id, s: 'seiketsu', label: '茶水台每日擦拭记录' })
    const audit = await scoreAll('lounge', '2026-01-10', () => 4)
    expect(audit).toMatchObject({ score: 4 * added.length, maxScore: 5 * added.length })
    const trail = t.app.store.prepare(`SELECT action FROM audit_log WHERE entity = 'fives_item' ORDER BY id`).all() as { action: string }[]
    expect(trail.map((a) => a.action)).toEqual(['department.fiveS.item.save', 'department.fiveS.item.save'])
  })

  it('takes an item off the next audits and keeps the audits already scored on it', async () => {
    const items = await t.ok('service_manager', 'department.fiveS.checklist', { area: 'lounge' })
    const left = await t.ok('service_manager', 'department.fiveS.item.remove', { id: items.at(-1)!.id })
    expect(left.map((i) => i.id)).toEqual(items.slice(0, -1).map((i) => i.id))
    const stale = await t.call('workshop_supervisor', 'department.fiveS.record', { area: 'lounge', auditedOn: '2026-01-11', scores: items.map((i) => ({ itemId: i.id, score: 5 })) })
    expect(stale.ok || stale.code).toBe('VALIDATION')
    const [old] = await t.ok('service_manager', 'department.fiveS.audits', { month: '2026-01' })
    expect(old).toMatchObject({ area: 'lounge', maxScore: 5 * items.length })
  })

  it('refuses to empty a checklist, to move an item to another area and to edit without the permission', async () => {
    const items = await t.ok('service_manager', 'department.fiveS.checklist', { area: 'wash_bay' })
    for (const i of items.slice(1)) await t.ok('service_manager', 'department.fiveS.item.remove', { id: i.id })
    const last = await t.call('service_manager', 'department.fiveS.item.remove', { id: items[0]!.id })
    expect(last.ok || last.code).toBe('INVALID_STATE')
    const moved = await t.call('service_manager', 'department.fiveS.item.save', { id: items[0]!.id, area: 'lounge', s: 'seiri', label: '换区' })
    expect(moved.ok || moved.code).toBe('VALIDATION')
    const gone = await t.call('service_manager', 'department.fiveS.item.save', { id: items[1]!.id, area: 'wash_bay', s: 'seiri', label: '已移除的项目' })
    expect(gone.ok || gone.code).toBe('NOT_FOUND')
    const advisor = await t.call('service_advisor', 'department.fiveS.item.save', { area: 'wash_bay', s: 'seiri', label: '洗车工具归位' })
    expect(advisor.ok || advisor.code).toBe('FORBIDDEN')
    for (const i of items.slice(1)) await t.ok('service_manager', 'department.fiveS.item.save', { area: 'wash_bay', s: i.s, label: i.label })
  })
})

describe('the 5S trend per area', () => {
  it('scores each month as the sum of its audits over their maxima, across the year end, with open and overdue findings', async () => {
    await scoreAll('wash_bay', '2025-12-05', (k) => (k === 0 ? 3 : 5))
    await scoreAll('wash_bay', '2025-12-20', () => 5)
    await scoreAll('wash_bay', '2026-01-08', () => 2, [
      { text: '洗车机旁积水', ownerId: t.userIds.technician, dueOn: '2026-01-15' },
      { text: '毛巾未分类存放', ownerId: t.userIds.technician, dueOn: '2026-01-31' },
    ])
    const trend = await t.ok('service_manager', 'department.fiveS.trend', { month: '2026-01', months: 3 })
    expect(trend.months).toEqual(['2025-11', '2025-12', '2026-01'])
    const wash = trend.areas.find((a) => a.area === 'wash_bay')!
    expect(wash.points).toEqual([
      { month: '2025-11', audits: 0, scoreBp: null },
      { month: '2025-12', audits: 2, scoreBp: Math.round((48 * 10_000) / 50) },
      { month: '2026-01', audits: 1, scoreBp: 4_000 },
    ])
    expect(wash).toMatchObject({ openFindings: 2, overdueFindings: 1 })
    expect(trend.areas.map((a) => a.area)).toEqual(['workshop', 'parts_store', 'front_desk', 'lounge', 'wash_bay'])
    expect(trend.areas.find((a) => a.area === 'lounge')!.points.at(-1)!.audits).toBe(1)
  })
})
