import { spawn } from 'node:child_process'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startHttpHost } from '../src/main/host/http'
import type { BenchArea } from './lib/area'
import { BENCH_PASSWORD } from './lib/dataset'
import { latencyMetric, type Metric } from './lib/metric'
import type { Desk, WorkerReport } from './terminal-worker'

// A busy Monday: 15 workstations, each its own process talking HTTP to the host, doing their
// desk's mix for 60 s (searches, estimate saves, board reads, parts issues, payments). Reported:
// p95 per channel (target ≤ 50 ms) and every error; CONFLICT (two desks on one order) and
// INSUFFICIENT_STOCK are the expected ones, anything else is counted against the target of 0.
// `npm run bench -- --only terminals` runs it alone; TERMINALS_BENCH_MS shortens it.

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const EXPECTED = new Set(['CONFLICT', 'INSUFFICIENT_STOCK'])
const DESKS: { desk: Desk; username: string }[] = [
  ...Array.from({ length: 6 }, (_, i) => ({ desk: 'advisor' as const, username: `advisor${i + 1}` })),
  { desk: 'workshop', username: 'workshop' },
  { desk: 'workshop', username: 'tech1' },
  { desk: 'workshop', username: 'frontdesk' },
  { desk: 'parts', username: 'parts1' },
  { desk: 'parts', username: 'parts2' },
  { desk: 'parts', username: 'partsup' },
  { desk: 'cashier', username: 'cashier' },
  { desk: 'cashier', username: 'manager' },
  { desk: 'cashier', username: 'frontdesk' },
]

function runWorker(url: string, desk: Desk, username: string, durationMs: number, seed: number, startAt: number): Promise<WorkerReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['bench/terminal-worker.ts', url, desk, username, BENCH_PASSWORD, String(durationMs), String(seed), String(startAt)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr.on('data', (c: Buffer) => (err += c.toString()))
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`terminal ${username} (${desk}) exited ${code}: ${err}`))
      resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as WorkerReport)
    })
  })
}

export const terminalsBench: BenchArea = {
  name: 'terminals',
  async run(ctx) {
    const durationMs = Number(process.env.TERMINALS_BENCH_MS ?? 60_000)
    const host = await startHttpHost(ctx.app, { port: 0, staticDir: null })
    try {
      // The machine may be shared: the load average before the run goes beside the figures.
      ctx.log(`15 terminals × ${durationMs / 1000} s against ${host.url}; load average ${loadavg().map((n) => n.toFixed(2)).join(' ')} …`)
      // Process start-up (tsx compiling on a busy machine) is not the host's time: all begin together.
      const startAt = Date.now() + 20_000
      const reports = await Promise.all(DESKS.map((d, i) => runWorker(host.url, d.desk, d.username, durationMs, 100 + i, startAt)))
      const samples = new Map<string, number[]>()
      const errors = new Map<string, number>()
      for (const report of reports) {
        for (const [channel, list] of Object.entries(report.samples)) samples.set(channel, [...(samples.get(channel) ?? []), ...list])
        for (const [channel, codes] of Object.entries(report.errors)) {
          for (const [code, count] of Object.entries(codes)) errors.set(`${channel}.${code}`, (errors.get(`${channel}.${code}`) ?? 0) + count)
        }
      }
      const metrics: Metric[] = [...samples.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([channel, list]) => latencyMetric(`terminals.${channel}.http`, list, { field: 'p95_ms', max: 50 }))
      const total = [...samples.values()].reduce((n, list) => n + list.length, 0)
      metrics.push({ name: 'terminals.calls_per_s', n: Math.round(total / (durationMs / 1000)) })
      let unexpected = 0
      for (const [key, count] of [...errors.entries()].sort()) {
        const code = key.split('.').at(-1) ?? ''
        if (!EXPECTED.has(code)) unexpected += count
        metrics.push({ name: `terminals.errors.${key}`, n: count })
      }
      metrics.push({ name: 'terminals.errors.unexpected', n: unexpected, target: { field: 'n', max: 0 } })
      return metrics
    } finally {
      await host.close()
    }
  },
}
