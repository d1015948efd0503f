import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connect } from './db'
import { defaultFolders, loadInbox } from './load/inbox'
import { migrate } from './schema/migrations'
import { deliver, makeDealer, night, type Dealer } from './testing/dealers'
import type { PgCluster } from './testing/pg-cluster'
import { PG_BIN, withCluster } from './testing/pg-suite'

// A loader killed in the middle of a batch (a real process, SIGKILL while it copies) leaves
// nothing half-applied, and the next run finishes the job; a dealership back after a week
// offline sends one catch-up batch that covers every missed day.

let cluster: PgCluster
let client: pg.Client
let work: string
let dealer: Dealer

const count = async (table: string) =>
  Number((await client.query(`SELECT count(*) AS n FROM warehouse."${table}" WHERE dealer_code = $1`, [dealer.code])).rows[0].n)

describe.skipIf(!PG_BIN)('head-office loader recovery', () => {
  beforeAll(async () => {
    cluster = await withCluster()
    client = await connect(cluster.url)
    await migrate(client)
    work = mkdtempSync(join(tmpdir(), 'ho-recovery-'))
    dealer = await makeDealer('KILL01')
  }, 120_000)
  afterAll(() => {
    dealer?.t.close()
    void client?.end()
    cluster?.stop()
    if (work) rmSync(work, { recursive: true, force: true })
  })

  it('leaves nothing of a batch when the loader is killed while copying it, and a restart applies it whole', async () => {
    const inbox = join(work, 'inbox')
    deliver(await night(dealer, '2026-11-27T21:30:00+08:00'), inbox)
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/head-office/cli.ts', '--database-url', cluster.url, '--inbox', inbox], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const exited = new Promise<string | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)))
    // Kill it the moment its connection is copying a file of the batch (mid-transaction).
    let seen = ''
    for (let i = 0; i < 6000 && !seen; i++) {
      const r = await client.query<{ query: string }>(
        "SELECT query FROM pg_stat_activity WHERE application_name = 'head-office-loader' AND query LIKE 'COPY %' AND state = 'active'",
      )
      if (r.rows[0]) seen = r.rows[0].query
      else await new Promise((res) => setTimeout(res, 5))
    }
    // A first batch is copied straight into the warehouse tables (the dealer holds nothing yet).
    expect(seen).toMatch(/^COPY warehouse\./)
    child.kill('SIGKILL')
    expect(await exited).toBe('SIGKILL')
    // The server rolls the dead session's transaction back when it notices the socket closed.
    for (let i = 0; i < 200; i++) {
      const r = await client.query("SELECT count(*) AS n FROM pg_stat_activity WHERE application_name = 'head-office-loader'")
      if (Number(r.rows[0].n) === 0) break
      await new Promise((res) => setTimeout(res, 25))
    }
    expect((await client.query("SELECT count(*) AS n FROM loader.batches WHERE status = 'applied'")).rows[0].n).toBe(0)
    for (const table of ['users', 'customers', 'repair_orders', 'stock_moves']) expect(await count(table)).toBe(0)

    const again = await loadInbox(client, { inbox, ...defaultFolders(inbox) })
    expect(again.applied).toEqual(['KILL01-20261127-000001'])
    for (const table of ['users', 'customers', 'repair_orders', 'ro_lines', 'stock_moves']) {
      const own = (dealer.t.app.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
      expect(await count(table), table).toBe(own)
    }
  })

  it('applies the catch-up batch of a dealership that was offline for a week, with a KPI row for every missed day', async () => {
    const inbox = join(work, 'catch-up')
    deliver(await night(dealer, '2026-11-28T21:30:00+08:00'), inbox)
    // The PC stays off until the evening of 6 December: one batch covers 29 November … 6 December.
    const dir = await night(dealer, '2026-12-06T21:40:00+08:00')
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { firstBusinessDate: string; businessDate: string }
    expect(manifest).toMatchObject({ firstBusinessDate: '2026-11-29', businessDate: '2026-12-06' })
    deliver(dir, inbox)
    const r = await loadInbox(client, { inbox, ...defaultFolders(inbox) })
    expect(r.applied).toEqual(['KILL01-20261128-000002', 'KILL01-20261206-000003'])
    const days = await client.query<{ d: string }>(
      `SELECT DISTINCT to_char(business_date, 'YYYY-MM-DD') AS d FROM warehouse.kpi_daily
        WHERE dealer_code = $1 AND business_date >= '2026-11-29' ORDER BY d`,
      [dealer.code],
    )
    expect(days.rows.map((x) => x.d)).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'])
    const last = await client.query('SELECT last_batch_id, last_cutoff FROM loader.dealers WHERE dealer_code = $1', [dealer.code])
    expect(last.rows[0]).toMatchObject({ last_batch_id: 'KILL01-20261206-000003' })
  })

  it('prints the status and the month report from the command line, and writes the XLSX', async () => {
    const cli = (...args: string[]) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/head-office/cli.ts', ...args, '--database-url', cluster.url], {
          stdio: ['ignore', 'pipe', 'pipe'],
          // A head office east of UTC: dates must not slip a day on the way out.
          env: { ...process.env, TZ: 'Asia/Shanghai' },
        })
        let out = ''
        child.stdout.on('data', (b: Buffer) => (out += b.toString()))
        child.stderr.on('data', (b: Buffer) => (out += b.toString()))
        child.once('exit', (code) => resolve({ code, out }))
      })
    // Batches were applied in-process (no refresh): a load pass with nothing new refreshes stale figures.
    const pass = await cli('--inbox', join(work, 'empty'))
    expect(pass.out).toMatch(/pass: 0 applied/)
    const status = await cli('status')
    expect(status.code).toBe(0)
    expect(status.out).toMatch(/KILL01\s+KILL01-20261206-000003\s+3\s+-\s+0\s+0\s+2026-12-06/)
    const xlsx = join(work, 'report.xlsx')
    const report = await cli('report', '--month', '2026-11', '--out', xlsx)
    expect(report.code).toBe(0)
    expect(report.out).toMatch(/fill_rate \(target ≥ 98\.00%\)\n\s+1\s+KILL01\s+\d+\.\d\d%/)
    expect(report.out).toContain(`written ${xlsx}`)
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK')
  }, 90_000)
})
