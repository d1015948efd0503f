import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { progressBp } from '../../shared/domain/department'
import { figureOf } from '../../shared/domain/figures'
import { efficiencyBp } from '../../shared/domain/workshop-clock'
import { DEMO_PASSWORD, makeTestApp, testClock, type TestApp } from '../test-support/test-app'

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

describe('every KPI on a card opens its rows', () => {
  const drill = (month: string, figure: Parameters<typeof figureOf>[0], userId?: number) =>
    t.ok('administrator', 'department.figure.drill', { month, figure, ...(userId ? { userId } : {}), limit: 5_000 })

  it('an advisor’s settlement timeliness is their ROs settled in time over those counted, and CSI the month’s results', async () => {
    const month = '2026-10'
    const people = (await t.ok('administrator', 'department.scorecards', { month })).filter((p) => p.kind === 'advisor')
    let counted = 0
    for (const p of people) {
      const card = await t.ok('administrator', 'department.scorecard', { month, userId: p.person.userId })
      const rows = await drill(month, 'settlement_timeliness', p.person.userId)
      expect(rows.truncated).toBe(false)
      expect(card.advisor!.settlementDecided, p.person.name).toBe(rows.rows.reduce((s, r) => s + r.den, 0))
      expect(card.advisor!.settledInTime, p.person.name).toBe(rows.rows.reduce((s, r) => s + r.num, 0))
      expect(card.kpis.find((k) => k.kpi === 'settlement_timeliness')!.actual).toBe(figureOf('settlement_timeliness', rows.rows))
      expect(rows.value).toBe(card.advisor!.timelinessBp)
      const csi = await drill(month, 'csi')
      expect(csi.rows.length).toBeGreaterThan(0)
      expect(card.kpis.find((k) => k.kpi === 'csi')!.actual).toBe(Math.round(csi.rows.reduce((s, r) => s + r.num, 0) / csi.rows.length))
      counted += rows.rows.length
    }
    expect(counted).toBeGreaterThan(0)
  })

  it('a technician’s hours sold, efficiency and reworks are the sums of their jobs and QC returns', async () => {
    let jobs = 0
    let reworks = 0
    for (const month of ['2026-10', '2026-11']) {
      const people = (await t.ok('administrator', 'department.scorecards', { month })).filter((p) => p.kind === 'technician')
      expect(people.length).toBeGreaterThan(0)
      for (const p of people) {
        const card = await t.ok('administrator', 'department.scorecard', { month, userId: p.person.userId })
        const actual = (kpi: string) => card.kpis.find((k) => k.kpi === kpi)!.actual
        const hours = await drill(month, 'sold_hours', p.person.userId)
        expect(actual('sold_hours'), `${month} ${p.person.name}`).toBe(hours.rows.reduce((s, r) => s + r.num, 0))
        expect(card.technician!.jobs).toBe(hours.rows.length)
        const eff = await drill(month, 'efficiency', p.person.userId)
        expect(card.technician!.clockedMs).toBe(eff.rows.reduce((s, r) => s + r.den, 0))
        expect(actual('efficiency'), `${month} ${p.person.name}`).toBe(efficiencyBp(eff.num, eff.den))
        expect(eff.value).toBe(actual('efficiency'))
        const back = await drill(month, 'reworks', p.person.userId)
        expect(actual('reworks'), `${month} ${p.person.name}`).toBe(back.rows.length)
        jobs += hours.rows.length
        reworks += back.rows.length
      }
    }
    expect(jobs).toBeGreaterThan(0)
    expect(reworks).toBeGreaterThan(0)
  })

  it('a person’s etiquette score is the average of their month’s checks', async () => {
    const month = '2026-11'
    const { token } = await t.ok(null, 'auth.login', { username: 'manager', password: DEMO_PASSWORD })
    const items = await t.ok({ token }, 'department.etiquette.checklist', {})
    const before = await t.ok('administrator', 'department.scorecards', { month })
    const advisor = before.find((p) => p.kind === 'advisor')!.person.userId
    // Two checks, one all passed and one with a single miss: the score is their plain average.
    for (const [day, miss] of [['2026-11-03', -1], ['2026-11-20', 0]] as const) {
      await t.ok({ token }, 'department.etiquette.record', { userId: advisor, checkedOn: day, results: items.map((i, n) => ({ itemId: i.id, passed: n !== miss, note: '' })) })
    }
    const people = await t.ok('administrator', 'department.scorecards', { month })
    const card = await t.ok('administrator', 'department.scorecard', { month, userId: advisor })
    expect(card.etiquette.checks).toHaveLength(2)
    expect(people.find((p) => p.person.userId === advisor)!.etiquetteBp).toBe(card.etiquette.scoreBp)
    expect(card.etiquette.scoreBp).toBe(Math.round((10_000 + Math.round(((items.length - 1) * 10_000) / items.length)) / 2))
    const checked = people.filter((p) => p.etiquetteBp !== null)
    expect(checked.length).toBeGreaterThan(0)
    for (const p of people) {
      const rows = await drill(month, 'etiquette', p.person.userId)
      expect(p.etiquetteBp, p.person.name).toBe(rows.rows.length ? Math.round(rows.rows.reduce((s, r) => s + r.num, 0) / rows.rows.length) : null)
      expect(rows.value).toBe(p.etiquetteBp)
    }
  })
})
