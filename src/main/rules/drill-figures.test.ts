import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type App } from '../app'
import type { Envelope } from '../../shared/contract/errors'
import type { OutputOf } from '../../shared/contract/types'
import type { Contract } from '../../shared/contract'
import { DASHBOARD_TARGETS, type DashboardTarget } from '../../shared/domain/rules'
import { averageFen, turnoverCenti } from '../../shared/domain/stock-rules'
import { mulDivRound } from '../../shared/domain/stock'
import { testClock } from '../test-support/test-app'

// Every figure on the targets dashboard against its own drill-down, on the demo dealership (a
// year of ROs, invoices, payments and stock moves) plus a stocktake in October and stock received
// and counted on "today" in November: for a full past month, the month before and the month that
// is running, the rows a manager sees add up to the figure. A new target needs a line in FIGURE.

type Drill = OutputOf<Contract['dashboard.drill']>
interface Figure {
  numerator: number
  denominator: number
  value: number | null
}

const ratio = (n: number, d: number): number | null => (d > 0 ? mulDivRound(n, 10_000, d) : null)
const settledInTime = (d: Drill): Figure => {
  const decided = d.ros.filter((r) => !r.pending)
  const n = decided.filter((r) => !r.late).length
  return { numerator: n, denominator: decided.length, value: ratio(n, decided.length) }
}
const sum = (values: readonly (number | null)[]) => values.reduce<number>((s, v) => s + (v ?? 0), 0)

/** How each figure follows from the columns its drill-down shows. */
const FIGURE: Record<DashboardTarget, (d: Drill) => Figure> = {
  maintenance_settlement: settledInTime,
  insurance_settlement: settledInTime,
  insurance_collection: settledInTime,
  stock_vs_outbound: (d) => {
    const value = sum(d.parts.map((p) => p.valueFen))
    const out = sum(d.parts.map((p) => p.issuedValueFen))
    return { numerator: value, denominator: out, value: out > 0 ? mulDivRound(value, 100, out) : null }
  },
  turnover: (d) => {
    const ends = d.parts[0]?.monthEndValuesFen?.length ?? 0
    const columns = Array.from({ length: ends }, (_, k) => sum(d.parts.map((p) => p.monthEndValuesFen![k]!)))
    const issued = sum(d.parts.map((p) => p.issuedValueFen))
    const average = averageFen(columns)
    return { numerator: issued, denominator: average, value: turnoverCenti(mulDivRound(issued, 12, ends - 1), average) }
  },
  slow_moving: (d) => {
    const slow = sum(d.parts.filter((p) => p.counted).map((p) => p.valueFen))
    const total = sum(d.parts.map((p) => p.valueFen))
    return { numerator: slow, denominator: total, value: ratio(slow, total) }
  },
  fill_rate: (d) => {
    const served = d.parts.filter((p) => p.counted).length
    return { numerator: served, denominator: d.parts.length, value: ratio(served, d.parts.length) }
  },
  followup_in_time: (d) => {
    const decided = d.calls.filter((c) => !c.pending)
    const n = decided.filter((c) => c.inTime).length
    return { numerator: n, denominator: decided.length, value: ratio(n, decided.length) }
  },
  satisfaction: (d) => {
    const scores = sum(d.calls.map((c) => c.scoreSum))
    const answers = sum(d.calls.map((c) => c.answers))
    return { numerator: scores, denominator: answers, value: answers > 0 ? mulDivRound(scores, 100, answers) : null }
  },
  stocktake_variance: (d) => {
    const diff = sum(d.parts.map((p) => Math.abs(p.diffValueFen ?? 0)))
    const book = sum(d.parts.map((p) => p.valueFen))
    return { numerator: diff, denominator: book, value: ratio(diff, book) }
  },
}

const clock = testClock('2026-10-30T09:00:00Z') // 17:00 on Friday 30 October in Shanghai
let app: App
let dir: string
const tokens = new Map<string, string>()

function data<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`${envelope.code}: ${envelope.message} ${JSON.stringify(envelope.details ?? {})}`)
  return envelope.data as T
}
async function login(username: string) {
  tokens.set(username, data<{ token: string }>(await app.dispatch('auth.login', { username, password: 'demo-pass-1' })).token)
}
async function as<K extends keyof Contract>(username: string, channel: K, input: unknown): Promise<OutputOf<Contract[K]>> {
  if (!tokens.has(username)) await login(username)
  return data(await app.dispatch(channel, input, { token: tokens.get(username)!, locale: 'en' }))
}

/** A stocktake of the bins holding the first few stocked parts: one short, one over, the rest right. */
async function stocktake(offset: number, shortBy: number, overBy: number) {
  const stocked = app.store.sqlite
    .prepare(`SELECT p.bin FROM parts p JOIN part_stock s ON s.part_id = p.id WHERE s.on_hand_milli > 2000 AND p.bin IS NOT NULL AND p.bin <> '' ORDER BY p.bin LIMIT 4 OFFSET ?`)
    .all(offset) as { bin: string }[]
  const st = await as('partsup', 'stocktake.create', { binFrom: stocked[0]!.bin, binTo: stocked.at(-1)!.bin, note: '' })
  const sheet = await as('partsup', 'stocktake.sheet', { id: st.id })
  const onHand = app.store.sqlite.prepare('SELECT on_hand_milli AS q FROM part_stock WHERE part_id = ?')
  for (const [i, line] of sheet.lines.entries()) {
    const book = (onHand.get(line.partId) as { q: number } | undefined)?.q ?? 0
    const counted = i === 0 ? book - shortBy : i === 1 ? book + overBy : book
    await as('partsup', 'stocktake.count', { id: st.id, partNumber: line.partNumber, quantityMilli: Math.max(counted, 0) })
  }
  const counted = (await as('partsup', 'stocktake.list', { limit: 5 })).find((s) => s.id === st.id)!
  await as('manager', 'stocktake.approve', { id: st.id, version: counted.version })
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'drill-figures-'))
  app = await createApp({ dataDir: dir, clock })
  data(await app.dispatch('setup.demo', { password: 'demo-pass-1', scale: 'small' }))
  await stocktake(0, 1_000, 2_000)
  // Four weeks on: today a new part arrives and an old one is topped up, and today's count.
  clock.set('2026-11-27T02:30:00Z')
  tokens.clear()
  const fresh = await as('partsup', 'parts.create', { partNumber: 'NEW-TODAY-1', name: '今天到货的新件', priceFen: 20_000, costFen: 10_000 })
  await as('parts1', 'stock.receive', { partId: fresh.id, quantityMilli: 5_000, unitCostFen: 10_000, reason: '到货' })
  const old = app.store.sqlite.prepare(`SELECT part_id AS id FROM part_stock WHERE on_hand_milli > 0 ORDER BY value_fen DESC LIMIT 1`).get() as { id: number }
  await as('parts1', 'stock.receive', { partId: old.id, quantityMilli: 7_000, unitCostFen: 3_000, reason: '补货' })
  await stocktake(40, 3_000, 1_000)
}, 120_000)
afterAll(() => {
  app.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('each dashboard figure is the sum of its drill-down', () => {
  const months = ['2026-09', '2026-10', '2026-11']
  for (const target of DASHBOARD_TARGETS) {
    it(`${target}: the rows listed for September, October and the running November add up to the figure`, async () => {
      const board = await as('manager', 'dashboard.targets', { months: 3 })
      const care = await as('manager', 'dashboard.care', { months: 3 })
      const series = [...board.targets, ...care.targets].find((s) => s.key === target)!.series
      let nonEmpty = 0
      for (const month of months) {
        const point = series.find((p) => p.month === month)!
        const drill = await as('manager', 'dashboard.drill', { target, month, limit: 1000 })
        expect(drill.truncated, `${month} fits in one drill-down`).toBe(false)
        expect(FIGURE[target](drill), `${target} ${month}`).toEqual({ numerator: point.numerator, denominator: point.denominator, value: point.value })
        if (point.denominator !== 0) nonEmpty += 1
      }
      // Not a comparison of nothing with nothing: the demo has data for this figure.
      expect(nonEmpty).toBeGreaterThan(0)
    })
  }

  it('lists October’s stock as it stood on 31 October, without the part received today', async () => {
    const october = await as('manager', 'dashboard.drill', { target: 'turnover', month: '2026-10', limit: 1000 })
    expect(october.asOf).toBe('2026-11-01T00:00:00+08:00')
    expect(october.parts.map((p) => p.partNumber)).not.toContain('NEW-TODAY-1')
    const november = await as('manager', 'dashboard.drill', { target: 'stock_vs_outbound', month: '2026-11', limit: 1000 })
    expect(november.parts.find((p) => p.partNumber === 'NEW-TODAY-1')).toMatchObject({ onHandMilli: 5_000, valueFen: 50_000 })
    const slowOctober = await as('manager', 'dashboard.drill', { target: 'slow_moving', month: '2026-10', limit: 1000 })
    expect(slowOctober.parts.map((p) => p.partNumber)).not.toContain('NEW-TODAY-1')
  })

  it('splits the month’s satisfaction by advisor, each advisor’s figure the sum of their own calls', async () => {
    const month = '2026-10'
    const board = await as('manager', 'dashboard.care', { months: 3 })
    const point = board.targets.find((s) => s.key === 'satisfaction')!.series.find((p) => p.month === month)!
    const { advisors } = await as('manager', 'dashboard.satisfactionByAdvisor', { month })
    expect(advisors.length).toBeGreaterThan(1)
    expect(sum(advisors.map((a) => a.scoreSum))).toBe(point.numerator)
    expect(sum(advisors.map((a) => a.answers))).toBe(point.denominator)
    for (const a of advisors) {
      const drill = await as('manager', 'dashboard.drill', { target: 'satisfaction', month, advisorId: a.advisorId, limit: 1000 })
      expect(drill.calls.every((c) => c.advisorId === a.advisorId)).toBe(true)
      expect(drill.calls).toHaveLength(a.calls)
      expect(FIGURE.satisfaction(drill)).toEqual({ numerator: a.scoreSum, denominator: a.answers, value: a.valueCenti })
    }
  })

  it('shows a stocktake shortage as a negative difference and a surplus as a positive one', async () => {
    const drill = await as('manager', 'dashboard.drill', { target: 'stocktake_variance', month: '2026-10', limit: 1000 })
    const diffs = drill.parts.map((p) => p.diffMilli).filter((d) => d !== 0)
    expect(diffs.sort((a, b) => a! - b!)).toEqual([-1_000, 2_000])
    expect(drill.parts.find((p) => p.diffMilli === -1_000)!.diffValueFen).toBeLessThan(0)
  })
})
