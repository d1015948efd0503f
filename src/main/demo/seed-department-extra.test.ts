import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, testClock, type TestApp } from '../test-support/test-app'

// The demo's campaigns and quality register, read through the channels a manager uses.

let t: TestApp
beforeAll(async () => {
  t = await makeTestApp({ dealership: 'demo', clock: testClock('2026-11-27T10:00:00+08:00'), prefix: 'demo-dept-extra-' })
})
afterAll(() => t.close())

describe('the demo department', () => {
  it('ran a campaign in each of the last three months, with calls, arrivals and ROs carrying its code', async () => {
    const list = await t.ok('administrator', 'campaigns.list', {})
    expect(list.map((k) => k.month).sort()).toEqual(['2026-08', '2026-09', '2026-10', '2026-11'])
    for (const k of list.filter((x) => x.month < '2026-11')) {
      const a = await t.ok('administrator', 'campaigns.analysis', { id: k.id })
      const fig = (f: string) => a.figures.find((x) => x.figure === f)!.value
      expect(fig('invited'), k.code).toBeGreaterThan(0)
      expect(fig('reached'), k.code).toBeGreaterThan(0)
      expect(fig('ros'), k.code).toBeGreaterThan(0)
      expect(fig('arrived'), k.code).toBeGreaterThanOrEqual(fig('ros'))
      expect(fig('revenue'), k.code).toBeGreaterThan(0)
      expect(k.summary).not.toBe('')
      expect(a.returnOnCostBp).not.toBeNull()
      const invite = (await t.ok('administrator', 'campaigns.invites', { id: k.id, state: 'all' }))[0]!
      const calls = (await t.ok('administrator', 'campaigns.invite.get', { id: invite.id })).calls
      expect(calls.length).toBe(invite.attempts)
    }
  })

  it('has this month’s campaign planned, so the one-a-month rule raises nothing', async () => {
    const [current] = (await t.ok('administrator', 'campaigns.list', {})).filter((k) => k.month === '2026-11')
    expect(current).toMatchObject({ state: 'planned', target: { source: 'first_service' } })
    const alerts = await t.ok('administrator', 'alerts.list', { state: 'all', ruleKind: 'campaign_planned' })
    expect(alerts).toEqual([])
  })

  it('registered comebacks as quality incidents on their ROs, the past ones analysed and closed', async () => {
    const all = await t.ok('administrator', 'quality.incidents', {})
    expect(all.length).toBeGreaterThan(2)
    for (const q of all) {
      expect(q.source).not.toBe('manual')
      expect(q.roNumber).not.toBeNull()
      expect(q.analysis).not.toBe('')
      expect(q.state).toBe(q.occurredOn < '2026-11-01' ? 'closed' : 'open')
    }
  })
  it('handed in the report of the months before last, once late, and not yet last month’s', async () => {
    const { months } = await t.ok('administrator', 'department.report.months', { months: 5 })
    expect(months.map((m) => [m.month, ...m.handIns.map((h) => h.state)])).toEqual([
      ['2026-11', 'due', 'due'],
      ['2026-10', 'overdue', 'overdue'],
      ['2026-09', 'on_time', 'on_time'],
      ['2026-08', 'on_time', 'late'],
      ['2026-07', 'on_time', 'on_time'],
    ])
  })
})
