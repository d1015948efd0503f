import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { progressBp } from '../../shared/domain/department'
import { varianceRateBp } from '../../shared/domain/stock'
import { DEMO_PASSWORD, makeTestApp, testClock, type TestApp } from '../test-support/test-app'

// A parts clerk's scorecard on the demo dealership (parts1 issues every RO's parts over the year):
// each figure equals the rows its drill-down lists; a stocktake counted by two people and approved
// by the manager gives each their own variance.

let t: TestApp
const token: Record<string, { token: string }> = {}
const ids: Record<string, number> = {}
const month = '2026-11'

beforeAll(async () => {
  t = await makeTestApp({ dealership: 'demo', clock: testClock('2026-11-27T10:00:00+08:00'), prefix: 'dept-parts-' })
  for (const username of ['parts1', 'parts2', 'partsup', 'manager', 'advisor1']) {
    const login = await t.ok(null, 'auth.login', { username, password: DEMO_PASSWORD })
    token[username] = { token: login.token }
    ids[username] = login.user.id
  }
})
afterAll(() => t.close())

describe('the parts counter’s scorecards', () => {
  it('lists every parts clerk and supervisor with the requests they handled', async () => {
    const list = await t.ok('administrator', 'department.scorecards', { month })
    const parts = list.filter((p) => p.kind === 'parts')
    expect(parts.map((p) => p.person.userId).sort()).toEqual([ids.parts1!, ids.parts2!, ids.partsup!].sort())
    const fill = await t.ok('administrator', 'department.figure.drill', { month, figure: 'fill_rate', userId: ids.parts1!, limit: 5_000 })
    expect(parts.find((p) => p.person.userId === ids.parts1)!.headline).toBe(fill.count)
    expect(fill.count).toBeGreaterThan(0)
  })

  it('gives a clerk’s fill rate and parts sales from the requests and moves they handled, equal to their rows', async () => {
    for (const m of ['2026-10', month]) {
      const card = await t.ok('administrator', 'department.scorecard', { month: m, userId: ids.parts1! })
      expect(card.kind).toBe('parts')
      const p = card.parts!
      const fill = await t.ok('administrator', 'department.figure.drill', { month: m, figure: 'fill_rate', userId: ids.parts1!, limit: 5_000 })
      expect(fill.truncated).toBe(false)
      expect(p.requested, m).toBe(fill.rows.length)
      expect(p.served, m).toBe(fill.rows.filter((r) => r.num === 1).length)
      expect(p.fillRateBp).toBe(progressBp(p.served, p.requested))
      expect(card.kpis.find((k) => k.kpi === 'fill_rate')!.actual).toBe(p.fillRateBp)
      const sales = await t.ok('administrator', 'department.figure.drill', { month: m, figure: 'parts_sales', userId: ids.parts1!, limit: 5_000 })
      expect(sales.rows.length, m).toBeGreaterThan(0)
      expect(p.saleMoves).toBe(sales.rows.length)
      expect(p.salesFen).toBe(sales.rows.reduce((s, r) => s + r.num, 0))
      expect(p.salesFen).toBeGreaterThan(0)
    }
    // Someone who handled nothing has nothing, and no rate to divide by.
    const quiet = await t.ok('administrator', 'department.scorecard', { month, userId: ids.parts2! })
    expect(quiet.parts).toMatchObject({ requested: 0, served: 0, fillRateBp: null, salesFen: 0, saleMoves: 0 })
  })

  it('the department’s fill rate is every clerk’s requests together', async () => {
    const all = await t.ok('administrator', 'department.figure.drill', { month, figure: 'fill_rate', limit: 5_000 })
    const view = await t.ok('administrator', 'department.kpi.targets', { month })
    expect(view.rows.find((r) => r.kpi === 'fill_rate')!.departmentActual).toBe(all.value)
    expect(all.value).toBe(progressBp(all.rows.filter((r) => r.num === 1).length, all.rows.length))
  })

  it('gives each counter the variance of the lines they counted, and the approver the whole stocktake', async () => {
    const st = await t.ok(token.partsup!, 'stocktake.create', { note: '' })
    const sheet = await t.ok(token.partsup!, 'stocktake.sheet', { id: st.id })
    const lines = sheet.lines
    expect(lines.length).toBeGreaterThan(4)
    const book = await t.ok(token.partsup!, 'stocktake.variance', { id: st.id })
    const bookOf = new Map(book.lines.map((l) => [l.partId, l.bookMilli]))
    // parts2 counts the first three lines, one of them a unit short; parts1 the rest, one a unit over.
    for (const [i, line] of lines.entries()) {
      const counter = i < 3 ? token.parts2! : token.parts1!
      const delta = i === 0 ? -1_000 : i === 3 ? 1_000 : 0
      await t.ok(counter, 'stocktake.count', { id: st.id, partNumber: line.partNumber, quantityMilli: Math.max(0, bookOf.get(line.partId)! + delta) })
    }
    const table = await t.ok(token.partsup!, 'stocktake.variance', { id: st.id })
    await t.ok(token.manager!, 'stocktake.approve', { id: st.id, version: table.stocktake.version })

    const own = await t.ok('administrator', 'department.figure.drill', { month, figure: 'stocktake_variance', userId: ids.parts2!, limit: 5_000 })
    expect(own.rows.map((r) => r.item).sort()).toEqual(lines.slice(0, 3).map((l) => `${l.partNumber} ${l.name}`).sort())
    const card = await t.ok('administrator', 'department.scorecard', { month, userId: ids.parts2! })
    const abs = own.rows.reduce((s, r) => s + r.num, 0)
    const bookValue = own.rows.reduce((s, r) => s + r.den, 0)
    expect(abs).toBeGreaterThan(0)
    expect(card.parts).toMatchObject({ stocktakeLines: 3, absVarianceFen: abs, bookValueFen: bookValue, varianceBp: varianceRateBp(abs, bookValue) })
    expect(card.kpis.find((k) => k.kpi === 'stocktake_variance')!.actual).toBe(varianceRateBp(abs, bookValue))

    const other = await t.ok('administrator', 'department.figure.drill', { month, figure: 'stocktake_variance', userId: ids.parts1!, limit: 5_000 })
    expect(other.count).toBe(lines.length - 3)
    // The manager approved it: every line is theirs, and the department's figure is the variance table's.
    const approver = await t.ok('administrator', 'department.figure.drill', { month, figure: 'stocktake_variance', userId: ids.manager!, limit: 5_000 })
    expect(approver.count).toBe(lines.length)
    expect(approver.num).toBe(table.absVarianceFen)
    expect(approver.den).toBe(table.bookValueFen)
    const view = await t.ok('administrator', 'department.kpi.targets', { month })
    expect(view.rows.find((r) => r.kpi === 'stocktake_variance')!.departmentActual).toBe(table.rateBp)
    const dept = await t.ok('administrator', 'department.figure.drill', { month, figure: 'stocktake_variance', limit: 1 })
    expect(dept).toMatchObject({ value: table.rateBp, count: lines.length, truncated: true })
    expect(dept.rows[0]!.num).toBe(Math.max(...approver.rows.map((r) => r.num)))
  })

  it('is read by those who read the department only', async () => {
    expect(await t.call(token.advisor1!, 'department.figure.drill', { month, figure: 'fill_rate' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})
