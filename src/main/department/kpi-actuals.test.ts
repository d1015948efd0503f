import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { progressBp } from '../../shared/domain/department'
import { makeTestApp, testClock, type TestApp } from '../test-support/test-app'

// Every KPI actual on a scorecard against the rows behind it, on the demo dealership (a year of
// settled ROs, part requests and CSI results): an advisor's ROs and revenue equal their RO
// drill-down, the parts counter's fill rate its part requests, CSI the month's survey results.

let t: TestApp
beforeAll(async () => {
  t = await makeTestApp({ dealership: 'demo', clock: testClock('2026-11-27T10:00:00+08:00'), prefix: 'dept-kpi-' })
})
afterAll(() => t.close())

describe('KPI actuals', () => {
  it('equal the rows behind them for every advisor, in a past month and the running one', async () => {
    for (const month of ['2026-10', '2026-11']) {
      const people = (await t.ok('administrator', 'department.scorecards', { month })).filter((p) => p.kind === 'advisor')
      expect(people.length).toBeGreaterThan(0)
      let seen = 0
      for (const p of people) {
        const card = await t.ok('administrator', 'department.scorecard', { month, userId: p.person.userId })
        const actual = (kpi: string) => card.kpis.find((k) => k.kpi === kpi)!.actual
        const ros = await t.ok('administrator', 'department.drill', { month, measure: 'ros', userId: p.person.userId, limit: 2_000 })
        const production = await t.ok('administrator', 'department.drill', { month, measure: 'production', userId: p.person.userId, limit: 2_000 })
        expect(actual('ros'), `${month} ${p.person.name}`).toBe(ros.rows.length)
        expect(actual('revenue'), `${month} ${p.person.name}`).toBe(production.rows.reduce((s, r) => s + r.productionFen, 0))
        expect(actual('settlement_timeliness')).toBe(card.advisor!.timelinessBp)
        seen += ros.rows.length
      }
      expect(seen, month).toBeGreaterThan(0)
    }
  })

  it('read the department’s fill rate from the month’s part requests and CSI from the month’s results', async () => {
    const month = '2026-10'
    const view = await t.ok('administrator', 'department.kpi.targets', { month })
    const fill = await t.ok('administrator', 'dashboard.drill', { target: 'fill_rate', month, limit: 1_000 })
    expect(fill.parts.length).toBeGreaterThan(0)
    expect(view.rows.find((r) => r.kpi === 'fill_rate')!.departmentActual).toBe(progressBp(fill.parts.filter((r) => r.counted).length, fill.parts.length))
    const csi = await t.ok('administrator', 'csi.list', { toMonth: month, months: 1 })
    const scores = csi.results.filter((r) => r.month === month).map((r) => r.scoreTenths)
    expect(scores.length).toBeGreaterThan(0)
    expect(view.rows.find((r) => r.kpi === 'csi')!.departmentActual).toBe(scores.length ? Math.round(scores.reduce((s, x) => s + x, 0) / scores.length) : null)
  })
})
