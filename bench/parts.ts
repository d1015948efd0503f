import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { createApp, type App } from '../src/main/app'
import { createRng } from '../src/main/demo/random'
import { refreshSearchIndex } from '../src/main/parts/search-index'
import type { BenchArea } from './lib/area'
import { latencyMetric, type Metric } from './lib/metric'
import { BENCH_ITEMS, BENCH_MODELS, FULL_PARTS_BENCH, generateCatalogue, generateMoves, type BenchCatalogue, type PartsBenchSize } from './parts-data'

// Parts benchmarks (issue: on 100k parts and 2M moves — part search p95 ≤ 5 ms, posting an
// issue p95 ≤ 5 ms, on-hand and value of all parts as of a past date ≤ 1 s, importing a
// 50k-line price list ≤ 10 s). Everything goes through the real dispatcher, as a desk would.


export interface PartsBenchOptions {
  /** Where the throw-away database goes; a temp dir by default (removed afterwards). */
  dir?: string
  /** Fraction of the full size (100k parts, 2M moves, 50k import lines). */
  scale?: number
  searchRuns?: number
  issueRuns?: number
  log?: (line: string) => void
}

const round = (ms: number) => Math.round(ms * 1000) / 1000
const PASSWORD = 'bench-pass-1'
const NOW = new Date('2026-11-27T02:30:00Z')

async function call<T>(app: App, token: string, channel: string, input: unknown): Promise<T> {
  const envelope = await app.dispatch(channel, input, { token, locale: 'en' })
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.code} ${envelope.message}`)
  return envelope.data as T
}

async function timed(runs: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.min(50, runs); i++) await fn(runs + i) // warm-up: statement cache, page cache
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await fn(i)
    samples.push(performance.now() - t0)
  }
  return samples
}

/** What people type at the counter: numbers (with and without dashes), name fragments, bins. */
function searchQueries(cat: BenchCatalogue, n: number): string[] {
  const rng = createRng(21)
  const out: string[] = []
  for (let i = 0; i < n; i++) {
    const pn = cat.partNumbers[rng.int(0, cat.partNumbers.length - 1)]!
    const item = rng.pick(BENCH_ITEMS)
    const r = rng.next()
    if (r < 0.2) out.push(pn.slice(0, rng.int(3, pn.length)))
    else if (r < 0.3) out.push(pn.replace(/-/g, '').slice(0, rng.int(4, 9)).toLowerCase())
    else if (r < 0.55) out.push(item.slice(0, Math.min(item.length, rng.int(2, 4))))
    else if (r < 0.7) out.push(`${item.slice(-2)}${rng.pick(BENCH_MODELS)}`)
    else if (r < 0.8) out.push(item.charAt(rng.int(0, item.length - 1)))
    else out.push(cat.bins[rng.int(0, 999)]!.slice(0, rng.int(3, 7)))
  }
  return out
}

/** ROs in the workshop, each waiting for one part that is on the shelf. */
function seedRepairOrders(app: App, cat: BenchCatalogue, count: number, advisorId: number): { roId: number; partId: number }[] {
  const s = app.store
  const at = '2026-11-27T09:00:00+08:00'
  const customer = Number(s.prepare(`INSERT INTO customers (name, created_at, updated_at) VALUES ('压测客户', ?, ?)`).run(at, at).lastInsertRowid)
  const vehicle = Number(
    s.prepare(`INSERT INTO vehicles (vin, vin_rev, make, model, owner_id, created_at, updated_at) VALUES ('LSVBENCH000000001', '100000000HCNEBVSL', '大众', '朗逸', ?, ?, ?)`)
      .run(customer, at, at).lastInsertRowid,
  )
  const stocked = s.prepare('SELECT part_id FROM part_stock WHERE on_hand_milli >= 5000 ORDER BY part_id LIMIT ?').all(count) as { part_id: number }[]
  const ro = s.prepare(
    `INSERT INTO repair_orders (number, type, state, customer_id, vehicle_id, advisor_id, odometer_km, fuel_eighths, concerns, opened_at, created_at, updated_at)
     VALUES (?, 'repair', 'in_progress', ?, ?, ?, 10000, 4, '压测', ?, ?, ?)`,
  )
  const line = s.prepare(
    `INSERT INTO ro_lines (ro_id, position, kind, part_id, description, quantity_milli, unit_price_fen, amount_fen, payer, vat_rate_bp)
     VALUES (?, 1, 'part', ?, '配件', 1000, 10000, 10000, 'customer', 1300)`,
  )
  return s.tx(() =>
    stocked.map((p, i) => {
      const roId = Number(ro.run(`RO2026B${String(i).padStart(5, '0')}`, customer, vehicle, advisorId, at, at, at).lastInsertRowid)
      line.run(roId, p.part_id)
      return { roId, partId: p.part_id }
    }),
  )
}

/** A price list of `lines` rows: half of them parts already in the catalogue (new prices), half new parts. */
function priceListRows(cat: BenchCatalogue, lines: number, seed: number): string[][] {
  const rng = createRng(seed)
  const rows: string[][] = [['序号', '零件号', '零件名称', '品牌', '单位', '建议零售价', '经销商价']]
  // A random run of distinct catalogue parts: consecutive indexes from a random start.
  const first = rng.int(0, Math.max(0, cat.partNumbers.length - lines))
  for (let i = 0; i < lines; i++) {
    const existing = i % 2 === 0
    const pn = existing ? cat.partNumbers[(first + i / 2) % cat.partNumbers.length]! : `NEW${seed}-${String(i).padStart(6, '0')}`
    const price = rng.int(100, 500_000)
    rows.push([String(i + 1), pn, `${rng.pick(BENCH_ITEMS)} ${rng.pick(BENCH_MODELS)}`, '大众原厂', '个', (price / 100).toLocaleString('en-US', { minimumFractionDigits: 2 }), ((price * 0.7) / 100).toFixed(2)])
  }
  return rows
}

async function importFile(app: App, token: string, fileName: string, bytes: Buffer): Promise<{ preview: number; apply: number; lines: number }> {
  const t0 = performance.now()
  const preview = await call<{ rows: { row: unknown }[]; add: number; change: number; errors: unknown[] }>(app, token, 'parts.import.preview', {
    fileName,
    contentBase64: bytes.toString('base64'),
  })
  const t1 = performance.now()
  if (preview.errors.length > 0) throw new Error(`${fileName}: ${preview.errors.length} bad rows`)
  await call(app, token, 'parts.import.apply', { fileName, rows: preview.rows.map((r) => r.row), expect: { add: preview.add, change: preview.change } })
  return { preview: t1 - t0, apply: performance.now() - t1, lines: preview.rows.length }
}

export async function benchParts(options: PartsBenchOptions = {}): Promise<Metric[]> {
  const scale = options.scale ?? 1
  const log = options.log ?? ((line: string) => process.stderr.write(`[bench parts] ${line}\n`))
  const size: PartsBenchSize = {
    parts: Math.round(FULL_PARTS_BENCH.parts * scale),
    stocked: Math.round(FULL_PARTS_BENCH.stocked * scale),
    moves: Math.round(FULL_PARTS_BENCH.moves * scale),
    days: FULL_PARTS_BENCH.days,
  }
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'bench-parts-'))
  const app = await createApp({ dataDir: dir, clock: { now: () => NOW } })
  const metrics: Metric[] = []
  try {
    await call(app, '', 'setup.initialise', { dealerName: '压测4S店', dealerCode: 'BENCH', admin: { username: 'admin', displayName: '管理员', password: PASSWORD } })
    const admin = await call<{ token: string; user: { id: number } }>(app, '', 'auth.login', { username: 'admin', password: PASSWORD })
    for (const [username, role] of [['clerk', 'parts_clerk'], ['super', 'parts_supervisor']] as const) {
      await call(app, admin.token, 'users.create', { username, displayName: username, role, password: PASSWORD })
    }
    const clerk = (await call<{ token: string }>(app, '', 'auth.login', { username: 'clerk', password: PASSWORD })).token
    const supervisor = (await call<{ token: string }>(app, '', 'auth.login', { username: 'super', password: PASSWORD })).token

    log(`generating ${size.parts} parts and ${size.moves} moves …`)
    let t0 = performance.now()
    const cat = generateCatalogue(app.store, size, NOW)
    metrics.push({ name: 'parts.generate.catalogue', ms: round(performance.now() - t0) })
    t0 = performance.now()
    generateMoves(app.store, cat, size, NOW, admin.user.id)
    metrics.push({ name: 'parts.generate.moves', ms: round(performance.now() - t0) })
    t0 = performance.now()
    refreshSearchIndex(app.store)
    metrics.push({ name: 'parts.search_index.build', ms: round(performance.now() - t0) })
    app.store.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    app.store.sqlite.exec('ANALYZE')

    log('search …')
    const queries = searchQueries(cat, options.searchRuns ?? 2_000)
    const search = await timed(queries.length, (i) => call(app, clerk, 'parts.search', { q: queries[i % queries.length]!, limit: 30 }))
    metrics.push(latencyMetric('parts.search.dispatch', search, { field: 'p95_ms', max: 5 }))

    log('issue …')
    const issueRuns = options.issueRuns ?? 1_000
    const ros = seedRepairOrders(app, cat, issueRuns + 50, admin.user.id)
    const issue = await timed(issueRuns, (i) => call(app, clerk, 'parts.issue', { roId: ros[i]!.roId, lines: [{ partId: ros[i]!.partId, quantityMilli: 1_000 }] }))
    metrics.push(latencyMetric('parts.issue.dispatch', issue, { field: 'p95_ms', max: 5 }))

    log('valuation …')
    const past = '2025-11-27T00:00:00+08:00'
    const runs: number[] = []
    for (let i = 0; i < 3; i++) {
      t0 = performance.now()
      await call(app, clerk, 'stock.valuation', { at: past, limit: 100 })
      runs.push(performance.now() - t0)
    }
    metrics.push({ name: 'stock.valuation.past.first', ms: round(runs[0]!), target: { field: 'ms', max: 1_000 } })
    metrics.push({ name: 'stock.valuation.past.median3', ms: round([...runs].sort((a, b) => a - b)[1]!), target: { field: 'ms', max: 1_000 } })

    const lines = Math.round(50_000 * scale)
    log(`import ${lines}-line price lists …`)
    const csvRows = priceListRows(cat, lines, 31)
    const csv = iconv.encode(csvRows.map((r) => r.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n'), 'gbk')
    const a = await importFile(app, supervisor, 'price-list.csv', csv)
    metrics.push({ name: 'parts.import.csv_gbk.dry_run', ms: round(a.preview) })
    metrics.push({ name: 'parts.import.csv_gbk.apply', ms: round(a.apply) })
    metrics.push({ name: 'parts.import.csv_gbk.total', ms: round(a.preview + a.apply), target: { field: 'ms', max: 10_000 } })
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('价格表')
    for (const r of priceListRows(cat, lines, 32)) ws.addRow(r)
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer())
    const b = await importFile(app, supervisor, 'price-list.xlsx', xlsx)
    metrics.push({ name: 'parts.import.xlsx.dry_run', ms: round(b.preview) })
    metrics.push({ name: 'parts.import.xlsx.total', ms: round(b.preview + b.apply), target: { field: 'ms', max: 10_000 } })
    return metrics
  } finally {
    app.close()
    if (!options.dir) rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * For bench/run.ts: the parts area builds its own store (the demo data set has no stock ledger)
 * at the run's scale: 100k parts, 2M moves and 50k-line price lists at scale 1.
 */
export const partsBench: BenchArea = {
  name: 'parts',
  run: ({ scale, log }) => benchParts({ scale, log }),
}

// `npx tsx bench/parts.ts [scale]` runs it on its own.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchParts({ scale: Number(process.argv[2] ?? 1) })
    .then((metrics) => {
      for (const m of metrics) console.log(JSON.stringify(m))
    })
    .catch((error: unknown) => {
      console.error(error)
      process.exitCode = 1
    })
}
