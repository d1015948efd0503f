import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { createApp } from '../src/main/app'
import { directCtx } from '../src/main/test-support/service-ctx'
import { startHttpHost } from '../src/main/host/http'
import { getBoard } from '../src/main/workshop/board'
import { openEventStream } from '../src/main/workshop/sse-client'
import { BENCH_SCALE, seedBusyShop, type ShopScale } from './workshop-seed'
import type { BenchArea } from './lib/area'
import { latencyMetric, timeCalls, type Metric } from './lib/metric'

// Workshop benchmarks (issue: board query with 300 open ROs, 60 technicians, 1,500 jobs — p95
// ≤ 10 ms in the service; push latency from a write to the event at a subscribed HTTP client).

export interface WorkshopBenchOptions {
  /** Where the throw-away database goes; a temp dir by default (removed afterwards). */
  dir?: string
  scale?: ShopScale
  boardRuns?: number
  pushRuns?: number
  log?: (line: string) => void
}

const round = (ms: number) => Math.round(ms * 1000) / 1000

export async function benchWorkshop(options: WorkshopBenchOptions = {}): Promise<Metric[]> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'bench-workshop-'))
  const now = new Date('2026-11-27T02:30:00Z') // 10:30 in Shanghai, the shop's busy morning
  const app = await createApp({ dataDir: dir, clock: { now: () => now } })
  const metrics: Metric[] = []
  try {
    let started = performance.now()
    const shop = seedBusyShop(app.store, options.scale ?? BENCH_SCALE)
    metrics.push({ name: 'workshop.seed', ms: round(performance.now() - started) })
    options.log?.('workshop: busy shop seeded')

    const ctx = directCtx({ store: app.store, clock: app.clock, channel: 'workshop.board' })
    const board = getBoard(ctx, {})
    const jobs = board.cards.reduce((n, c) => n + c.jobs.length, 0)
    if (board.cards.length < 300 || jobs < 1500 || board.technicians.length < 60) {
      throw new Error(`bench shop too small: ${board.cards.length} cards, ${jobs} jobs, ${board.technicians.length} technicians`)
    }
    options.log?.(`workshop: board of ${board.cards.length} ROs, ${jobs} jobs, ${board.technicians.length} technicians`)
    const samples = await timeCalls(() => getBoard(ctx, {}), { warmup: 30, iterations: options.boardRuns ?? 300 })
    // Every desk's board re-reads after each write's live event: the first read after a write
    // reads the rows, the others find them kept (board.ts). Both are measured; the 3 ms
    // is the read every desk makes, the 10 ms of the first issue the read after a write.
    metrics.push(latencyMetric('workshop.board.service', samples, { field: 'p95_ms', max: 3 }))
    const bump = app.store.prepare(`UPDATE bays SET name = name WHERE id = (SELECT MIN(id) FROM bays)`)
    // The write itself (its commit's flush) is not the board's time: only the read is timed.
    const afterWrite: number[] = []
    const runs = options.boardRuns ?? 300
    for (let i = 0; i < 30 + runs; i++) {
      bump.run()
      const started = performance.now()
      getBoard(ctx, {})
      if (i >= 30) afterWrite.push(performance.now() - started)
    }
    metrics.push(latencyMetric('workshop.board.service.after_write', afterWrite, { field: 'p95_ms', max: 10 }))

    // Through the dispatcher as a screen calls it: session, validation, then the service.
    await app.dispatch('setup.initialise', { dealerName: '基准测试4S店', dealerCode: 'BENCH', admin: { username: 'admin', displayName: '管理员', password: 'bench-password-1' } })
    const login = await app.dispatch('auth.login', { username: 'admin', password: 'bench-password-1' })
    if (!login.ok) throw new Error(login.message)
    const token = (login.data as { token: string }).token
    const viaDispatch = await timeCalls(
      async () => {
        const res = await app.dispatch('workshop.board', {}, { token })
        if (!res.ok) throw new Error(res.message)
      },
      { warmup: 10, iterations: 100 },
    )
    metrics.push(latencyMetric('workshop.board.dispatch', viaDispatch))

    // Push latency: a write through the HTTP host until a subscribed SSE client has the event.
    const host = await startHttpHost(app, { port: 0 })
    const stream = await openEventStream(`${host.url}api/events?token=${token}`)
    const latencies: number[] = []
    const { id: jobId, roId } = shop.idleJob
    try {
      for (let i = 0; i < (options.pushRuns ?? 100); i++) {
        const input = i % 2 === 0 ? { jobId, pauseOthers: true } : { jobId, reason: 'break' }
        const channel = i % 2 === 0 ? 'workshop.clockOn' : 'workshop.pause'
        started = performance.now()
        const heard = stream.next((e) => e.type === 'workshop.changed' && e.id === roId, 2000)
        const res = await fetch(`${host.url}api/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(input),
        })
        const body = (await res.json()) as { ok: boolean; message?: string }
        if (!body.ok) throw new Error(`${channel}: ${body.message}`)
        await heard
        latencies.push(performance.now() - started)
      }
    } finally {
      stream.close()
      await host.close()
    }
    // The goal for live boards: a change shows everywhere within a second.
    metrics.push(latencyMetric('workshop.push.http_write_to_sse_event', latencies, { field: 'p95_ms', max: 1000 }))
    return metrics
  } finally {
    app.close()
    if (!options.dir) rmSync(dir, { recursive: true, force: true })
  }
}

/** The workshop area for bench/run.ts; it builds its own shop of the size. */
export const workshopBench: BenchArea = { name: 'workshop', run: (ctx) => benchWorkshop({ log: ctx.log }) }

// `npx tsx bench/workshop.ts` runs it on its own.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchWorkshop()
    .then((metrics) => {
      for (const m of metrics) console.log(JSON.stringify(m))
    })
    .catch((error: unknown) => {
      console.error(error)
      process.exitCode = 1
    })
}
