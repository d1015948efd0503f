import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoApp, type DemoTestApp } from '../test-support/test-app'

// The demo dealership's customer care: the call list has follow-ups due today and a few overdue,
// most past ones are done with a reached call and a complete survey, and the complaints register
// holds closed cases and open ones, each linked to its RO and follow-up.

let demo: DemoTestApp
beforeAll(async () => {
  demo = await demoApp('2026-11-27T10:00:00+08:00', 'care-demo-')
})
afterAll(() => demo.close())

const count = (sql: string) => (demo.app.store.sqlite.prepare(sql).get() as { n: number }).n

describe('the demo’s follow-ups and complaints', () => {
  it('has follow-ups open, overdue, done with a survey and unreachable, and every done one proven by a reached call', async () => {
    const open = await demo.call<{ overdue: boolean; dueDate: string }[]>('care.followups.list', { state: 'open', limit: 500 })
    expect(open.some((f) => !f.overdue)).toBe(true)
    expect(open.some((f) => f.overdue)).toBe(true)
    expect(count(`SELECT COUNT(*) AS n FROM care_followups WHERE state = 'done'`)).toBeGreaterThan(open.length)
    expect(count(`SELECT COUNT(*) AS n FROM care_followups WHERE state = 'unreachable' AND attempts >= 3`)).toBeGreaterThan(0)
    // Done means a reached call with every question answered.
    expect(
      count(`SELECT COUNT(*) AS n FROM care_followups f LEFT JOIN care_calls k ON k.id = f.done_call_id
              WHERE f.state = 'done' AND (k.outcome IS NOT 'reached' OR (SELECT COUNT(*) FROM care_call_answers a WHERE a.call_id = k.id) < 5)`),
    ).toBe(0)
    // Every delivered RO has its follow-up.
    expect(count(`SELECT COUNT(*) AS n FROM repair_orders r WHERE r.state = 'delivered' AND NOT EXISTS (SELECT 1 FROM care_followups f WHERE f.ro_id = r.id)`)).toBe(0)
  })

  it('has closed and open complaints from low scores, linked to their RO', async () => {
    const active = await demo.call<{ roId: number | null; number: string }[]>('care.complaints.list', { state: 'active' })
    const closed = await demo.call<{ roId: number | null; number: string }[]>('care.complaints.list', { state: 'closed' })
    expect(active.length).toBeGreaterThan(0)
    expect(closed.length).toBeGreaterThan(0)
    expect([...active, ...closed].every((c) => c.roId !== null)).toBe(true)
    // New complaints continue the demo's numbering.
    const vehicle = demo.app.store.sqlite.prepare(`SELECT customer_id AS c FROM repair_orders ORDER BY id DESC LIMIT 1`).get() as { c: number }
    const fresh = await demo.call<{ number: string }>('care.complaints.open', { source: 'desk', customerId: vehicle.c, category: 'other', severity: 'low', words: '停车位不够' })
    const numbers = new Set([...active, ...closed].map((c) => c.number))
    expect(numbers.has(fresh.number)).toBe(false)
  })
})
