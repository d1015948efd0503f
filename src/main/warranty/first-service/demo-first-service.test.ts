import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoApp, type DemoTestApp } from '../../test-support/test-app'

// The demo dealership's first services: new cars due their first service today, overdue ones, and
// past months' return rate with first services done — each month's figure the count of its rows.

let t: DemoTestApp
type Row = { status: 'due' | 'overdue'; state: string; reason: string; dueDate: string; endsOn: string }
type Rates = { points: { month: string; done: number; closed: number; valueBp: number | null }[] }
type Drill = { vehicles: { done: boolean }[] }

// Generating the demo dealership takes a while on a loaded machine.
beforeAll(async () => {
  t = await demoApp()
}, 240_000)
afterAll(() => t.close())

describe('the demo first services', () => {
  it('has cars due today and overdue on the list, with their reasons', async () => {
    const toCall = await t.call<Row[]>('warranty.firstService.list', { toCall: true })
    expect(toCall.filter((r) => r.status === 'due').length).toBeGreaterThanOrEqual(5)
    expect(toCall.some((r) => r.status === 'overdue')).toBe(true)
    expect(toCall.every((r) => r.state === 'open' && r.reason.length > 10 && r.dueDate <= r.endsOn)).toBe(true)
  })

  it('has a return rate with first services done in most of the last 12 months, each equal to its drill-down', async () => {
    const rates = await t.call<Rates>('warranty.firstService.rates', { months: 12 })
    expect(rates.points.filter((p) => p.done > 0).length).toBeGreaterThanOrEqual(8)
    for (const p of rates.points) {
      const drill = await t.call<Drill>('warranty.firstService.drill', { month: p.month })
      expect([drill.vehicles.length, drill.vehicles.filter((v) => v.done).length]).toEqual([p.closed, p.done])
    }
  })
})
