import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, datesBetween, dayBounds } from './calendar'
import { computeKpis } from './kpi'
import { demoApp, type DemoTestApp as TestApp } from '../test-support/test-app'

let t: TestApp
beforeAll(async () => {
  t = await demoApp('2026-11-27T10:00:00+08:00', 'kpi-')
})
afterAll(() => t.close())

describe('the KPI snapshot', () => {
  it('computes a run of caught-up days in one pass exactly as day-by-day counting would', () => {
    const db = t.app.store.sqlite
    const last = '2026-11-20'
    const dates = datesBetween(addDays(last, -9), last)
    const rows = computeKpis(db, dates, 'Asia/Shanghai', '2026-11-27T10:00:00+08:00')
    const value = (date: string, metric: string, dimension = '') =>
      rows.find((r) => r.business_date === date && r.metric === metric && r.dimension === dimension)?.value
    let seen = 0
    for (const date of dates) {
      const { from, to } = dayBounds(date, 'Asia/Shanghai')
      const one = <T>(sql: string) => db.prepare(sql).get({ from, to }) as T
      const opened = one<{ n: number }>('SELECT count(*) AS n FROM repair_orders WHERE opened_at >= @from AND opened_at < @to').n
      const gross = one<{ n: number }>('SELECT coalesce(sum(gross_fen), 0) AS n FROM repair_orders WHERE settled_at >= @from AND settled_at < @to').n
      const maintenance = one<{ n: number }>(
        `SELECT count(*) AS n FROM repair_orders WHERE type = 'maintenance' AND opened_at >= @from AND opened_at < @to`,
      ).n
      const inShop = one<{ n: number }>(
        `SELECT count(*) AS n FROM repair_orders WHERE opened_at < @to
         AND (delivered_at IS NULL OR delivered_at >= @to) AND (cancelled_at IS NULL OR cancelled_at >= @to)`,
      ).n
      expect(value(date, 'ros_opened'), date).toBe(opened)
      expect(value(date, 'ros_opened', 'maintenance'), date).toBe(maintenance)
      expect(value(date, 'gross_settled_fen'), date).toBe(gross)
      expect(value(date, 'ros_in_shop_at_close'), date).toBe(inShop)
      seen += opened
    }
    expect(seen).toBeGreaterThan(0)
    // Every metric and dimension on every day, zeros included, so a re-sent day overwrites.
    expect(rows.filter((r) => r.business_date === dates[0])).toHaveLength(7 * 7 + 4)
  })
})
