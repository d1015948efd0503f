import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createApp, type App } from '../src/main/app'
import { directCtx } from '../src/main/test-support/service-ctx'
import type { UserCtx } from '../src/main/api/context'
import { createRng } from '../src/main/demo/random'
import { FULL_PARTS_BENCH, generateCatalogue, generateMoves, type PartsBenchSize } from './parts-data'
import { postMove, stockOf } from '../src/main/parts/ledger'
import { evaluateForPart, evaluateForRo, sweep } from '../src/main/rules/engine'
import { dashboardTargets } from '../src/main/rules/dashboard'
import { receive, takeOut } from '../src/shared/domain/stock'
import { toLocalIso } from '../src/shared/domain/time'
import type { BenchArea } from './lib/area'
import { latencyMetric, type Metric } from './lib/metric'
import { FULL_RULES_BENCH, fillLastIssueAndReceipt, generateRepairOrders, type RulesBenchSize } from './rules-data'

// Rules engine benchmarks (issue: on 100k parts, 2M moves and 200k ROs the full sweep ≤ 2 s;
// the incremental re-evaluation after one stock move p95 ≤ 5 ms). The parts catalogue and ledger
// come from the parts benchmark's generator; the ROs, invoices and requests from rules-data.ts.

export interface RulesBenchOptions {
  /** Where the throw-away database goes; a temp dir by default (removed afterwards). */
  dir?: string
  /** Fraction of the full size (100k parts, 2M moves, 200k ROs). */
  scale?: number
  sweepRuns?: number
  moveRuns?: number
  log?: (line: string) => void
}

const NOW = new Date('2026-11-27T02:30:00Z')
const TZ = 'Asia/Shanghai'
const round = (ms: number) => Math.round(ms * 1000) / 1000

function adminUser(app: App): number {
  const at = toLocalIso(NOW, TZ)
  return Number(
    app.store
      .prepare(`INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at) VALUES ('bench', '压测', 'administrator', 'x', ?, ?)`)
      .run(at, at).lastInsertRowid,
  )
}

function serviceCtx(app: App, userId: number): UserCtx {
  const user = { id: userId, username: 'bench', displayName: '压测', role: 'administrator' as const, locale: 'zh-CN' as const }
  return { ...directCtx({ store: app.store, clock: app.clock, timeZone: TZ, user, channel: 'bench' }), user }
}

export async function benchRules(options: RulesBenchOptions = {}): Promise<Metric[]> {
  const scale = options.scale ?? 1
  const log = options.log ?? ((line: string) => process.stderr.write(`[bench rules] ${line}\n`))
  const parts: PartsBenchSize = {
    parts: Math.round(FULL_PARTS_BENCH.parts * scale),
    stocked: Math.round(FULL_PARTS_BENCH.stocked * scale),
    moves: Math.round(FULL_PARTS_BENCH.moves * scale),
    days: FULL_PARTS_BENCH.days,
  }
  const ros: RulesBenchSize = {
    ...FULL_RULES_BENCH,
    ros: Math.round(FULL_RULES_BENCH.ros * scale),
    customers: Math.max(10, Math.round(FULL_RULES_BENCH.customers * scale)),
    requests: Math.round(FULL_RULES_BENCH.requests * scale),
    stocktakeLines: Math.round(FULL_RULES_BENCH.stocktakeLines * scale),
  }
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'bench-rules-'))
  const app = await createApp({ dataDir: dir, clock: { now: () => NOW } })
  const metrics: Metric[] = []
  try {
    const userId = adminUser(app)
    log(`generating ${parts.parts} parts, ${parts.moves} moves, ${ros.ros} ROs …`)
    let t0 = performance.now()
    const cat = generateCatalogue(app.store, parts, NOW)
    generateMoves(app.store, cat, parts, NOW, userId)
    fillLastIssueAndReceipt(app.store)
    const data = generateRepairOrders(app.store, ros, NOW, userId, cat.ids.slice(0, parts.stocked))
    metrics.push({ name: 'rules.generate', ms: round(performance.now() - t0) })
    app.store.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    app.store.sqlite.exec('ANALYZE')

    const ctx = serviceCtx(app, userId)
    log('full sweep …')
    const sweeps: number[] = []
    let first = { raised: 0, cleared: 0, changed: 0, rules: 0 }
    for (let i = 0; i < (options.sweepRuns ?? 5); i++) {
      t0 = performance.now()
      const result = app.store.tx(() => sweep(ctx))
      sweeps.push(performance.now() - t0)
      if (i === 0) first = result
    }
    log(`first sweep raised ${first.raised} alerts over ${first.rules} rules`)
    metrics.push({ name: 'rules.sweep.first', ms: round(sweeps[0]!), target: { field: 'ms', max: 2_000 } })
    metrics.push(latencyMetric('rules.sweep.repeat', sweeps.slice(1), { field: 'p95_ms', max: 2_000 }))

    log('incremental evaluation after one stock move …')
    const rng = createRng(51)
    const runs = options.moveRuns ?? 1_000
    const evalSamples: number[] = []
    const txSamples: number[] = []
    for (let i = 0; i < runs + 50; i++) {
      const index = Math.floor(parts.stocked * rng.next() ** 2)
      const partId = cat.ids[index]!
      const tx0 = performance.now()
      let evalMs = 0
      app.store.tx(() => {
        const before = stockOf(app.store, partId)
        const effect = before.onHandMilli >= 1_000 ? takeOut(before, 1_000) : receive(before, 10_000, cat.costFen[index]!)
        postMove(ctx, partId, before.onHandMilli >= 1_000 ? 'issue' : 'receipt', before, effect, { refType: 'manual', refId: null, bin: null, reason: 'bench' })
        const e0 = performance.now()
        evaluateForPart(ctx, partId)
        evalMs = performance.now() - e0
      })
      if (i >= 50) {
        evalSamples.push(evalMs)
        txSamples.push(performance.now() - tx0)
      }
    }
    metrics.push(latencyMetric('rules.incremental.part', evalSamples, { field: 'p95_ms', max: 5 }))
    metrics.push(latencyMetric('rules.move_and_evaluate.part', txSamples))

    const roSamples: number[] = []
    for (let i = 0; i < 550; i++) {
      const roId = data.roIds[data.roIds.length - 1 - rng.int(0, Math.min(5_000, data.roIds.length - 1))]!
      const e0 = performance.now()
      app.store.tx(() => evaluateForRo(ctx, roId))
      if (i >= 50) roSamples.push(performance.now() - e0)
    }
    metrics.push(latencyMetric('rules.incremental.ro', roSamples, { field: 'p95_ms', max: 5 }))

    log('dashboard …')
    // The first read computes every closed month from the ledger (what an upgrade's first sweep
    // does once); afterwards closed months are read from month_figures and only the running month
    // from the rows, which is what a manager opening the dashboard waits for.
    app.store.sqlite.exec('DELETE FROM month_figures')
    t0 = performance.now()
    dashboardTargets(ctx, { months: 12 })
    metrics.push({ name: 'dashboard.targets.12_months.nothing_kept', ms: round(performance.now() - t0) })
    const dashSamples: number[] = []
    for (let i = 0; i < 20; i++) {
      const d0 = performance.now()
      dashboardTargets(ctx, { months: 12 })
      dashSamples.push(performance.now() - d0)
    }
    metrics.push(latencyMetric('dashboard.targets.12_months', dashSamples, { field: 'p95_ms', max: 150 }))
  } finally {
    app.close()
    if (!options.dir) rmSync(dir, { recursive: true, force: true })
  }
  return metrics
}

export const rulesBench: BenchArea = { name: 'rules', run: (ctx) => benchRules({ scale: ctx.scale, log: ctx.log }) }
