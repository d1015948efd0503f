import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { connect, refreshFigures } from './db'
import { formatReport, monthFigures, writeReport } from './report'
import { defaultFolders, loadInbox } from './load/inbox'
import { migrate } from './schema/migrations'
import { ensureRules } from '../main/rules/catalog'
import { setSetting } from '../main/settings/settings'
import { deliver, makeDealer, night, type Dealer } from './testing/dealers'
import { PG_BIN, withCluster } from './testing/pg-suite'
import type { PgCluster } from './testing/pg-cluster'

// The group's figures equal each dealership's own dashboard for the same month: four generated
// dealerships, their batches loaded, every figure of every month compared. FIG04 has set its own
// rule parameters (settlement deadline and RO types, stock windows, clock minimum): its figures
// follow them, as its dashboard does.

interface TargetPoint {
  month: string
  numerator: number
  denominator: number
  value: number | null
}
interface Targets {
  months: string[]
  targets: { key: string; series: TargetPoint[] }[]
}

/** Rule parameters unlike the manual's defaults, set as the service manager would. */
const OWN_RULES = {
  maintenance_settlement_overdue: { days: 1, roTypes: ['maintenance', 'repair'] },
  insurance_settlement_month_end: { warnDays: 3, roTypes: ['insurance', 'warranty'] },
  stock_value_vs_outbound: { factorBp: 20_000, days: 14 },
  stock_turnover: { months: 6, minCenti: 300, maxCenti: 700 },
  slow_moving_share: { months: 2, maxShareBp: 800 },
}

function ownRules(d: Dealer) {
  const store = d.t.app.store
  store.tx(() => {
    ensureRules(store, d.t.now().toISOString())
    for (const [kind, params] of Object.entries(OWN_RULES)) {
      store.sqlite.prepare('UPDATE rules SET params = ?, version = version + 1 WHERE kind = ?').run(JSON.stringify(params), kind)
    }
    setSetting(store, 'clock.minSegmentMinutes', 10)
  })
}

let cluster: PgCluster
let client: pg.Client
let inbox: string
const dealers: Dealer[] = []

describe.skipIf(!PG_BIN)('group figures', () => {
  beforeAll(async () => {
    cluster = await withCluster()
    client = await connect(cluster.url)
    await migrate(client)
    inbox = mkdtempSync(join(tmpdir(), 'ho-figures-'))
    // The same generator started on different days: each dealership's months differ.
    const starts = { FIG01: '2026-11-27', FIG02: '2026-10-20', FIG03: '2026-09-13', FIG04: '2026-11-27' }
    for (const [code, day] of Object.entries(starts)) {
      const d = await makeDealer(code, `${day}T10:00:00+08:00`)
      if (code === 'FIG04') ownRules(d)
      dealers.push(d)
      deliver(await night(d, `${day}T21:30:00+08:00`), inbox)
    }
    await loadInbox(client, { inbox, ...defaultFolders(inbox) })
    await refreshFigures(client)
  }, 240_000)
  afterAll(() => {
    for (const d of dealers) d.t.close()
    void client?.end()
    cluster?.stop()
    if (inbox) rmSync(inbox, { recursive: true, force: true })
  })

  const figure = async (dealer: string, month: string, key: string) =>
    (
      await client.query<{ numerator: number; denominator: number | null; value: number | null }>(
        'SELECT numerator, denominator, value FROM figures.monthly WHERE dealer_code = $1 AND month = $2 AND figure = $3',
        [dealer, month, key],
      )
    ).rows[0] ?? null

  it('equals each dealership dashboard target, month by month', async () => {
    let compared = 0
    for (const d of dealers) {
      const dash = await d.t.call<Targets>('dashboard.targets', { months: 12 })
      for (const target of dash.targets) {
        for (const p of target.series) {
          const ours = await figure(d.code, p.month, target.key)
          // A month without any underlying record has no row at head office; the dashboard shows 0/0.
          const got = ours ?? { numerator: 0, denominator: 0, value: null }
          expect({ dealer: d.code, key: target.key, month: p.month, value: got.value, n: got.numerator, d: got.denominator ?? 0 }).toEqual({
            dealer: d.code,
            key: target.key,
            month: p.month,
            value: p.value,
            n: p.numerator,
            d: p.denominator,
          })
          if (p.value !== null) compared++
        }
      }
    }
    expect(compared).toBeGreaterThan(30)
  })

  it('uses each dealership\'s own rule parameters, the defaults where it sent none', async () => {
    const rules = await client.query<{ dealer_code: string; maintenance_days: number; maintenance_types: string[]; turnover_months: number; slow_months: number; min_segment_minutes: number; outbound_days: number }>(
      'SELECT dealer_code, maintenance_days, maintenance_types, turnover_months, slow_months, min_segment_minutes, outbound_days FROM figures.dealer_rules ORDER BY dealer_code',
    )
    expect(rules.rows.find((r) => r.dealer_code === 'FIG04')).toEqual({
      dealer_code: 'FIG04',
      maintenance_days: 1,
      maintenance_types: ['maintenance', 'repair'],
      turnover_months: 6,
      slow_months: 2,
      min_segment_minutes: 10,
      outbound_days: 14,
    })
    expect(rules.rows.find((r) => r.dealer_code === 'FIG01')).toMatchObject({ maintenance_days: 3, maintenance_types: ['maintenance'], turnover_months: 12, min_segment_minutes: 3 })
    // The same generated history, other rules: the figures differ where the rules bite.
    const differ = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM figures.monthly a JOIN figures.monthly b USING (month, figure)
        WHERE a.dealer_code = 'FIG01' AND b.dealer_code = 'FIG04' AND a.value IS DISTINCT FROM b.value
          AND figure IN ('maintenance_settlement', 'turnover', 'slow_moving')`,
    )
    expect(differ.rows[0]!.n).toBeGreaterThan(0)
  })

  it('counts ROs, revenue, hours sold and technician efficiency as the dealership does', async () => {
    for (const d of dealers) {
      const months = (d.t.app.store.sqlite.prepare(`SELECT DISTINCT substr(opened_at, 1, 7) AS m FROM repair_orders ORDER BY m`).all() as { m: string }[]).map((r) => r.m)
      expect(months.length).toBeGreaterThan(1)
      for (const month of months) {
        const own = d.t.app.store.sqlite
          .prepare(
            `SELECT (SELECT count(*) FROM repair_orders WHERE substr(opened_at, 1, 7) = ?) AS opened,
                    (SELECT sum(net_fen) FROM repair_orders WHERE substr(settled_at, 1, 7) = ?) AS net`,
          )
          .get(month, month) as { opened: number; net: number | null }
        expect((await figure(d.code, month, 'ros_opened'))?.value ?? 0).toBe(own.opened)
        expect((await figure(d.code, month, 'revenue_net_fen'))?.value ?? null).toBe(own.net)
        const [y, m] = month.split('-').map(Number) as [number, number]
        const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
        const eff = await d.t.call<{ total: { soldHoursMilli: number; efficiencyBp: number | null } }>('workshop.efficiency', { from: `${month}-01`, to: last })
        expect((await figure(d.code, month, 'hours_sold_milli'))?.value ?? 0, `${d.code} ${month} hours`).toBe(eff.total.soldHoursMilli)
        expect((await figure(d.code, month, 'technician_efficiency'))?.value ?? null, `${d.code} ${month} efficiency`).toBe(eff.total.efficiencyBp)
      }
    }
  })

  it('equals each dealership\'s warranty first-submission pass rate and care follow-ups in time, month by month', async () => {
    const compared = { claim_first_pass: 0, followup_in_time: 0 }
    const same = async (code: string, key: keyof typeof compared, month: string, own: { n: number; d: number; value: number | null }) => {
      const got = (await figure(code, month, key)) ?? { numerator: 0, denominator: 0, value: null }
      expect({ dealer: code, key, month, value: got.value, n: got.numerator, d: got.denominator ?? 0 }).toEqual({ dealer: code, key, month, ...own })
      if (own.value !== null) compared[key]++
    }
    for (const d of dealers) {
      const warranty = await d.t.call<{ pass: { month: string; passed: number; decided: number; valueBp: number | null }[] }>('warranty.figures', { months: 12 })
      for (const p of warranty.pass) await same(d.code, 'claim_first_pass', p.month, { n: p.passed, d: p.decided, value: p.valueBp })
      const care = await d.t.call<Targets>('dashboard.care', { months: 12 })
      for (const p of care.targets.find((t) => t.key === 'followup_in_time')!.series) {
        await same(d.code, 'followup_in_time', p.month, { n: p.numerator, d: p.denominator, value: p.value })
      }
    }
    // Every dealership decided claims and followed up deliveries in more than one month.
    expect(compared.claim_first_pass).toBeGreaterThan(dealers.length)
    expect(compared.followup_in_time).toBeGreaterThan(dealers.length)
  })

  it('writes the month report: a sheet per figure, dealerships ranked, off-target values coloured', async () => {
    // A month all three have a figure for, before any of their current months.
    const { month } = (
      await client.query<{ month: string }>(
        `SELECT month FROM figures.monthly WHERE figure = 'maintenance_settlement' AND value IS NOT NULL AND month < '2026-09'
          GROUP BY month HAVING count(*) = 4 ORDER BY month DESC LIMIT 1`,
      )
    ).rows[0]!
    // One dealership behind on settlement: its maintenance ROs of the month count as late.
    await client.query(
      `UPDATE warehouse.repair_orders SET settled_at = NULL WHERE dealer_code = 'FIG02' AND type = 'maintenance' AND left(completed_at, 7) = $1`,
      [month],
    )
    await refreshFigures(client)
    const figures = await monthFigures(client, month)
    const path = join(inbox, 'report.xlsx')
    await writeReport(figures, month, path)
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(path)
    expect(book.worksheets.map((w) => w.name)).toContain('maintenance_settlement')
    expect(book.worksheets).toHaveLength(14)
    const sheet = book.getWorksheet('maintenance_settlement')!
    const rows = [3, 4, 5, 6].map((i) => sheet.getRow(i))
    const ranked = figures.get('maintenance_settlement')!
    expect(ranked.map((r) => r.dealerCode)).toEqual(rows.map((r) => r.getCell(2).value))
    // Best first: values never rise down the sheet, and the late dealership is last.
    const values = ranked.map((r) => r.value ?? -1)
    expect(values).toEqual([...values].sort((a, b) => b - a))
    expect(rows[3]!.getCell(2).value).toBe('FIG02')
    expect(rows[3]!.getCell(3).value).toBe('0.00%')
    expect((rows[3]!.getCell(3).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFFFC7CE')
    expect(formatReport(figures, month)).toMatch(/FIG02\s+0\.00% {2}✗ off target/)
  })
})
