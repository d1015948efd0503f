import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { toLocalIso } from '../src/shared/domain/time'
import { getSetting } from '../src/main/settings/settings'
import { runExport } from '../src/main/export/service'
import { outboxOf } from '../src/main/export/outbox'
import { batchIdOf, type Manifest } from '../src/shared/export/manifest'
import { connect, refreshFigures } from '../src/head-office/db'
import { monthFigures, writeReport } from '../src/head-office/report'
import { startPgCluster } from '../src/head-office/testing/pg-cluster'
import type { BenchArea } from './lib/area'
import type { Metric } from './lib/metric'

// Head office (issue 15): DEALERS dealerships × a year of nightly batches loaded into a
// throw-away PostgreSQL by the real loader (a child process, so its peak RSS is its own), then the
// month report. Each dealership's year is 365 batches: its first batch (the generated dealership's
// whole history, as a dealership's first batch holds everything) and NIGHTS = 364 nightly batches,
// one business day each (the clock moves a day per batch), each an average day of the generated
// year: ROs ÷ 365 orders changing (with their lines, settlements … sent whole) and their audit
// trail. The batches are copied to every dealership under its own dealer code (rows carry no
// dealer code, so the files are hard-linked and only the manifests differ).
// HO_BENCH_DEALERS, HO_BENCH_NIGHTS, HO_BENCH_DAY_ROS and HO_BENCH_JOBS change the shape;
// HO_BENCH_LOADER_NODE_ARGS passes node flags to the loader (a CPU profile of it, say);
// HO_BENCH_PG_STATS=1 loads pg_stat_statements into the cluster and prints where PostgreSQL's
// time went, statement by statement, and keeps in .scratch/ the plans of statements slower than
// HO_BENCH_EXPLAIN_MS (auto_explain, default 100 ms) and the figures query's EXPLAIN ANALYZE.

const DEALERS = Number(process.env.HO_BENCH_DEALERS ?? 50)
const NIGHTS = Number(process.env.HO_BENCH_NIGHTS ?? 364)
const JOBS = Number(process.env.HO_BENCH_JOBS ?? 2)
const DAY_MS = 86_400_000
const PG_STATS = process.env.HO_BENCH_PG_STATS === '1'
const loads = () => loadavg().map((l) => l.toFixed(1)).join(' / ')

/** The statements that took most of the server's time (pg_stat_statements), one line each. */
async function topStatements(url: string, log: (line: string) => void) {
  const client = await connect(url)
  try {
    const r = await client.query<{ ms: number; calls: number; rows: number; query: string }>(
      `SELECT round(total_exec_time)::bigint AS ms, calls, rows, regexp_replace(left(query, 160), '\\s+', ' ', 'g') AS query
       FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 25`,
    )
    log('pg_stat_statements, by total time:')
    for (const s of r.rows) log(`  ${String(s.ms).padStart(7)} ms ${String(s.calls).padStart(6)} calls ${String(s.rows).padStart(9)} rows  ${s.query}`)
  } finally {
    await client.end()
  }
}

function simulateDay(app: Parameters<BenchArea['run']>[0]['app'], at: string, ros: number) {
  const ids = (app.store.sqlite.prepare('SELECT id FROM repair_orders ORDER BY random() LIMIT ?').all(ros) as { id: number }[]).map((r) => r.id)
  const touch = app.store.prepare('UPDATE repair_orders SET updated_at = ?, version = version + 1 WHERE id = ?')
  const audit = app.store.prepare(
    `INSERT INTO audit_log (at, user_id, channel, action, entity, entity_id, detail) VALUES (?, NULL, 'ro.saveLines', 'ro.saveLines', 'repair_order', ?, '{}')`,
  )
  app.store.tx(() => {
    for (const id of ids) {
      touch.run(at, id)
      for (let i = 0; i < 5; i++) audit.run(at, String(id))
    }
  })
}

/** Fields of /proc/<pid>/stat after the command name (field 3 is index 0). */
function statFields(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return text.slice(text.lastIndexOf(')') + 2).split(' ')
  } catch {
    return null
  }
}

/**
 * CPU used so far by the PostgreSQL cluster, in ms: the postmaster with its reaped children
 * (cutime/cstime hold the backends that already exited) plus the live ones. On a shared machine
 * this, with the loader's own CPU, says what the load costs independent of the contention.
 */
function pgCpuMs(dataDir: string): number {
  const tick = 10 // ms per clock tick (CLK_TCK 100 on Linux)
  const master = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
  const own = statFields(master)
  let ticks = own ? Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]) : 0
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const f = statFields(Number(name))
    if (f && Number(f[1]) === master) ticks += Number(f[11]) + Number(f[12])
  }
  return ticks * tick
}

/** What the loader's "applied" lines say: its first batches and its nights apart (apply time per batch, on its connection). */
interface Applies {
  first: { batches: number; rows: number; ms: number }
  nights: { batches: number; rows: number; ms: number }
}

/**
 * The loader's own peak (VmHWM) while it runs, sampled from /proc. Every PROGRESS_MS the bench's
 * log gets a line of how far the load is (batches, rows, rows/s so far, load average), so a run
 * stopped half-way still tells its rate.
 */
async function runLoader(url: string, inbox: string, total: { batches: number; rows: number }, log: (line: string) => void): Promise<{ ms: number; peakMb: number; out: string; applies: Applies }> {
  const started = performance.now()
  // HO_BENCH_LOADER_NODE_ARGS: extra node flags for the loader only, e.g. `--cpu-prof --cpu-prof-dir=.scratch/prof`.
  const extra = (process.env.HO_BENCH_LOADER_NODE_ARGS ?? '').split(' ').filter(Boolean)
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', 'src/head-office/cli.ts', '--database-url', url, '--inbox', inbox, '--jobs', String(JOBS)], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  let partial = ''
  const applies: Applies = { first: { batches: 0, rows: 0, ms: 0 }, nights: { batches: 0, rows: 0, ms: 0 } }
  const seen = new Set<string>()
  child.stdout.on('data', (b: Buffer) => {
    const text = b.toString()
    out = (out + text).slice(-4000)
    const lines = (partial + text).split('\n')
    partial = lines.pop() ?? ''
    for (const line of lines) {
      const m = /^applied (\S+?)-\S+: (\d+) rows, \d+ changes in (\d+) ms/.exec(line)
      if (!m) continue
      // A dealer's first batch is the first applied of its code (the chain is applied in order).
      const kind = seen.has(m[1]!) ? applies.nights : applies.first
      seen.add(m[1]!)
      kind.batches++
      kind.rows += Number(m[2])
      kind.ms += Number(m[3])
    }
  })
  const PROGRESS_MS = Number(process.env.HO_BENCH_PROGRESS_MS ?? 60_000)
  const progress = setInterval(() => {
    const done = applies.first.batches + applies.nights.batches
    const rows = applies.first.rows + applies.nights.rows
    const s = (performance.now() - started) / 1000
    log(
      `progress at ${Math.round(s)} s: ${done} of ${total.batches} batches (${applies.first.batches} first, ${applies.nights.batches} nights), ` +
        `${rows} of ${total.rows} rows, ${Math.round(rows / s)} rows/s so far (load average ${loads()})`,
    )
  }, PROGRESS_MS)
  let peakKb = 0
  const sample = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))
      if (m) peakKb = Math.max(peakKb, Number(m[1]))
    } catch {
      // exited between samples
    }
  }, 100)
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  clearInterval(sample)
  clearInterval(progress)
  if (code !== 0) throw new Error(`loader exited with ${code}: ${out}`)
  return { ms: performance.now() - started, peakMb: peakKb / 1024, out, applies }
}

export const headOfficeBench: BenchArea = {
  name: 'head-office',
  async run({ app, log }) {
    const tz = getSetting(app.store, 'time.zone')
    const outbox = outboxOf(app.dataDir)
    // The first batch must hold the whole store, as a dealership's first batch does.
    app.store.tx(() => app.store.sqlite.exec('DELETE FROM export_deliveries; DELETE FROM export_batches'))
    rmSync(outbox.root, { recursive: true, force: true })
    // The nights run on a clock of their own, a day apart, so each batch is its own business day.
    const start = Math.floor(app.clock.now().getTime() / 1000) * 1000
    let now = start
    const deps = { store: app.store, dataDir: app.dataDir, clock: { now: () => new Date(now) } }
    const roCount = (app.store.sqlite.prepare('SELECT count(*) AS n FROM repair_orders').get() as { n: number }).n
    const dayRos = Number(process.env.HO_BENCH_DAY_ROS ?? Math.max(1, Math.round(roCount / 365)))
    const built: { dir: string; manifest: Manifest }[] = []
    const t0 = performance.now()
    built.push(await runExport(deps))
    for (let n = 1; n <= NIGHTS; n++) {
      now = start + n * DAY_MS
      simulateDay(app, toLocalIso(new Date(now - 60_000), tz), dayRos)
      built.push(await runExport(deps))
    }
    const rowsOf = (b: { manifest: Manifest }) => b.manifest.files.reduce((n, f) => n + f.rows, 0)
    const perDealer = built.reduce((s, b) => s + rowsOf(b), 0)
    const firstRows = rowsOf(built[0]!)
    log(
      `batches for one dealership: ${built.length} = the first (${firstRows} rows, the whole history) + ${NIGHTS} nights of ${dayRos} ROs ` +
        `(${Math.round((perDealer - firstRows) / Math.max(NIGHTS, 1))} rows a night); ${perDealer} rows, built in ${Math.round(performance.now() - t0)} ms`,
    )

    const work = mkdtempSync(join(tmpdir(), 'ho-bench-'))
    const cluster = await startPgCluster(
      PG_STATS
        ? `-c shared_preload_libraries=pg_stat_statements,auto_explain -c pg_stat_statements.track=all -c auto_explain.log_min_duration=${process.env.HO_BENCH_EXPLAIN_MS ?? 100} -c auto_explain.log_analyze=on -c auto_explain.log_timing=off`
        : '',
    )
    try {
      const inbox = join(work, 'inbox')
      for (let d = 1; d <= DEALERS; d++) {
        const code = `HO${String(d).padStart(3, '0')}`
        let previous: string | null = null
        for (const b of built) {
          const id = batchIdOf(code, b.manifest.businessDate, b.manifest.seq)
          const dir = join(inbox, id)
          mkdirSync(dir, { recursive: true })
          for (const f of b.manifest.files) linkSync(join(b.dir, f.file), join(dir, f.file))
          writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...b.manifest, dealerCode: code, batchId: id, previousBatchId: previous }))
          previous = id
        }
      }
      const rows = perDealer * DEALERS
      const batches = DEALERS * built.length
      if (PG_STATS) {
        mkdirSync(join(process.cwd(), '.scratch'), { recursive: true })
        const c = await connect(cluster.url)
        await c.query('CREATE EXTENSION pg_stat_statements').finally(() => c.end())
      }
      log(`loading ${DEALERS} dealerships × ${built.length} batches = ${batches} batches, ${rows} rows (load average ${loads()})`)
      const pgBefore = pgCpuMs(join(cluster.dir, 'data'))
      const load = await runLoader(cluster.url, inbox, { batches, rows }, log)
      const pgMs = pgCpuMs(join(cluster.dir, 'data')) - pgBefore
      const cpu = /loader cpu: (\d+) ms user, (\d+) ms system/.exec(load.out)
      const loaderMs = cpu ? Number(cpu[1]) + Number(cpu[2]) : 0
      const rowsPerS = Math.round(rows / (load.ms / 1000))
      log(`loaded in ${Math.round(load.ms)} ms: ${rowsPerS} rows/s, loader peak RSS ${Math.round(load.peakMb)} MB (load average ${loads()})`)
      log(`cpu: loader ${loaderMs} ms, PostgreSQL ${pgMs} ms = ${Math.round(rows / ((loaderMs + pgMs) / 1000))} rows per CPU-second`)
      log(
        `cpu per 100k rows ${Math.round(((loaderMs + pgMs) * 100_000) / rows)} ms; per batch ${Math.round(loaderMs / batches)} + ${Math.round(pgMs / batches)} ms (loader + PostgreSQL)`,
      )
      const { first, nights } = load.applies
      log(
        `apply time per batch (one connection, wall): first batches ${first.batches} × ${Math.round(first.ms / Math.max(first.batches, 1))} ms (${first.rows} rows); ` +
          `nights ${nights.batches} × ${(nights.ms / Math.max(nights.batches, 1)).toFixed(1)} ms (${Math.round(nights.rows / Math.max(nights.batches, 1))} rows each)`,
      )
      for (const line of load.out.split('\n')) if (/^(figures refreshed|pass:)/.test(line)) log(`loader: ${line}`)
      if (PG_STATS) await topStatements(cluster.url, log)
      if (existsSync(join(inbox, '.quarantine'))) throw new Error('the bench batches were refused')

      const client = await connect(cluster.url)
      let reportMs = 0
      try {
        // What one refresh of the figures costs the server on the loaded warehouse (the loader
        // refreshes once per pass; the same again changes nothing but costs the same query).
        const before = pgCpuMs(join(cluster.dir, 'data'))
        const t0 = performance.now()
        await refreshFigures(client)
        log(`figures refresh again: ${Math.round(performance.now() - t0)} ms, PostgreSQL cpu ${pgCpuMs(join(cluster.dir, 'data')) - before} ms (load average ${loads()})`)
        if (PG_STATS) {
          // Where the refresh's time goes, node by node.
          const def = await client.query<{ d: string }>("SELECT pg_get_viewdef('figures.monthly'::regclass) AS d")
          const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${def.rows[0]!.d.replace(/;\s*$/, '')}`)
          writeFileSync(join(process.cwd(), '.scratch', 'ho-bench-refresh-plan.txt'), plan.rows.map((r) => r['QUERY PLAN']).join('\n'))
        }
        const month = String(built.at(-1)!.manifest.businessDate).slice(0, 7)
        const t = performance.now()
        await writeReport(await monthFigures(client, month), month, join(work, 'report.xlsx'))
        reportMs = performance.now() - t
        const size = await client.query<{ s: string }>("SELECT pg_size_pretty(pg_database_size('postgres')) AS s")
        log(`month report ${month} in ${Math.round(reportMs)} ms; database ${size.rows[0]?.s}`)
      } finally {
        await client.end()
      }
      const metrics: Metric[] = [
        { name: `head_office.load.total (${DEALERS} dealers × ${built.length} batches)`, ms: Math.round(load.ms), n: rows },
        // ≥ 100k rows/s is ≤ 1000 ms per 100k rows.
        { name: 'head_office.load.ms_per_100k_rows', ms: Math.round((load.ms * 100_000) / rows), target: { field: 'ms', max: 1000 } },
        { name: 'head_office.load.cpu_ms_per_100k_rows', ms: Math.round(((loaderMs + pgMs) * 100_000) / rows) },
        { name: 'head_office.load.cpu_ms_per_batch', ms: Math.round((loaderMs + pgMs) / batches) },
        { name: 'head_office.loader.peak_rss', peak_rss_mb: Math.round(load.peakMb), target: { field: 'peak_rss_mb', max: 200 } },
        { name: 'head_office.report.month', ms: Math.round(reportMs), target: { field: 'ms', max: 2000 } },
      ]
      return metrics
    } finally {
      // The slow statements' plans (auto_explain) are in the server's log: kept for a look.
      if (PG_STATS) copyFileSync(join(cluster.dir, 'log'), join(process.cwd(), '.scratch', 'ho-bench-pg.log'))
      cluster.stop()
      rmSync(work, { recursive: true, force: true })
      rmSync(outbox.root, { recursive: true, force: true })
    }
  },
}
