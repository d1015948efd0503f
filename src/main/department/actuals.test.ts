import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OutputOf } from '../../shared/contract/types'
import type { Contract } from '../../shared/contract'
import { TARGET_MEASURES, type TargetMeasure } from '../../shared/domain/department'
import { makeTestApp, testClock, type TestApp } from '../test-support/test-app'

// Every actual on the department screen against its own drill-down, on the demo dealership (a
// year of settled ROs with invoices and parts issued from stock): for a past month, the running
// month and one advisor, the ROs a manager sees add up to the figure, measure by measure.

type Drill = OutputOf<Contract['department.drill']>

const fromRows: Record<TargetMeasure, (d: Drill) => number> = {
  ros: (d) => d.rows.length,
  production: (d) => d.rows.reduce((s, r) => s + r.productionFen, 0),
  parts: (d) => d.rows.reduce((s, r) => s + r.partsFen, 0),
  gross_profit: (d) => d.rows.reduce((s, r) => s + r.productionFen - r.partsCostFen, 0),
}

let t: TestApp
beforeAll(async () => {
  t = await makeTestApp({ dealership: 'demo', clock: testClock('2026-11-27T10:00:00+08:00'), prefix: 'dept-actuals-' })
})
afterAll(() => t.close())

describe('department actuals', () => {
  for (const month of ['2026-10', '2026-11']) {
    it(`equal the sum of their drill-down rows in ${month}, for the department and each advisor`, async () => {
      const p = await t.ok('administrator', 'department.progress', { month })
      for (const m of p.measures) {
        const d = await t.ok('administrator', 'department.drill', { month, measure: m.measure, limit: 2_000 })
        expect(d.truncated).toBe(false)
        expect(fromRows[m.measure](d), m.measure).toBe(m.actual)
        expect(d.value, m.measure).toBe(m.actual)
      }
      const ros = p.measures.find((m) => m.measure === 'ros')!
      expect(ros.actual).toBeGreaterThan(0)
      for (const person of p.people) {
        for (const measure of TARGET_MEASURES) {
          const d = await t.ok('administrator', 'department.drill', { month, measure, userId: person.userId, limit: 2_000 })
          expect(fromRows[measure](d), `${person.name} ${measure}`).toBe(person.values.find((v) => v.measure === measure)!.monthActual)
          expect(d.rows.every((r) => r.advisorId === person.userId)).toBe(true)
        }
      }
      // The people's months add up to the department's.
      for (const m of p.measures) expect(p.people.reduce((s, x) => s + x.values.find((v) => v.measure === m.measure)!.monthActual, 0)).toBe(m.actual)
    })
  }

  it('counts the parts issued to an RO as its cost, so gross profit is production less that cost', async () => {
    const d = await t.ok('administrator', 'department.drill', { month: '2026-10', measure: 'gross_profit', limit: 2_000 })
    expect(d.rows.some((r) => r.partsCostFen > 0)).toBe(true)
    for (const r of d.rows) expect(r.grossProfitFen).toBe(r.productionFen - r.partsCostFen)
  })

  it('forecasts the running month in a straight line and takes a past month as it ended', async () => {
    const now = await t.ok('administrator', 'department.progress', { month: '2026-11' })
    expect(now.daysElapsed).toBe(27)
    const ros = now.measures.find((m) => m.measure === 'ros')!
    expect(ros.forecast).toBe(Math.round((ros.actual * 30) / 27))
    const past = await t.ok('administrator', 'department.progress', { month: '2026-10' })
    expect(past.daysElapsed).toBe(31)
    for (const m of past.measures) expect(m.forecast).toBe(m.actual)
  })
})
