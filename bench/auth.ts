import { request } from 'node:http'
import { startHttpHost } from '../src/main/host/http'
import { getSetting, setSetting } from '../src/main/settings/settings'
import { recordLoginEvent } from '../src/main/auth/throttle'
import { toLocalIso } from '../src/shared/domain/time'
import type { BenchArea, BenchContext } from './lib/area'
import { login } from './lib/dataset'
import { httpCaller } from './lib/http-client'
import { latencyMetric, type Metric } from './lib/metric'

// A password-guessing burst against the real HTTP host: 50 wrong logins a second arrive (wrong
// passwords for the dealership's real user names, taken in turn) while a logged-in
// desk keeps calling `auth.me`. Its p95 shows whether the burst stalls other users. Measured twice:
// with the dealership's lockout rules (the address locks after a few dozen failures) and with the
// lockout out of reach, where every wrong login costs a full scrypt.

const RATE_PER_S = 50
const DURATION_MS = 8_000

function wrongLogin(base: URL, username: string, i: number): Promise<void> {
  const payload = Buffer.from(JSON.stringify({ username, password: `wrong-${i}` }))
  return new Promise((resolve) => {
    const req = request(
      { host: base.hostname, port: base.port, method: 'POST', path: '/api/auth.login', headers: { 'content-type': 'application/json', 'content-length': payload.length } },
      (res) => {
        res.resume()
        res.on('end', () => resolve())
      },
    )
    req.on('error', () => resolve())
    req.end(payload)
  })
}

async function meDuringBurst(ctx: BenchContext, url: string, token: string): Promise<number[]> {
  const base = new URL(url)
  const caller = httpCaller(url, token)
  const inFlight: Promise<void>[] = []
  let sent = 0
  const names = (ctx.app.store.prepare('SELECT username FROM users ORDER BY id').all() as { username: string }[]).map((u) => u.username)
  const burst = setInterval(() => {
    inFlight.push(wrongLogin(base, names[sent % names.length]!, sent))
    sent++
  }, 1000 / RATE_PER_S)
  const samples: number[] = []
  const end = performance.now() + DURATION_MS
  try {
    while (performance.now() < end) {
      const start = performance.now()
      const answer = await caller.call('auth.me', {})
      samples.push(performance.now() - start)
      if (answer.status !== 200) throw new Error(`auth.me answered ${answer.status}`)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  } finally {
    clearInterval(burst)
    await Promise.all(inFlight)
    caller.close()
  }
  ctx.log(`auth: ${sent} wrong logins in ${DURATION_MS / 1000} s`)
  return samples
}

export const authBench: BenchArea = {
  name: 'auth',
  async run(ctx) {
    const token = await login(ctx.app, 'advisor1')
    const host = await startHttpHost(ctx.app, { port: 0 })
    const metrics: Metric[] = []
    try {
      const target = { field: 'p95_ms' as const, max: 20 }
      metrics.push(latencyMetric('auth.me.http.p95_during_50_wrong_logins_per_s', await meDuringBurst(ctx, host.url, token), target))
      // The same burst with the lockout out of reach (and the first run's lockout lifted): every
      // attempt runs scrypt on the thread pool and records its failure.
      setSetting(ctx.app.store, 'auth.lockAfterFailures', 1_000_000)
      setSetting(ctx.app.store, 'auth.failureDelayMs', 0)
      const at = toLocalIso(ctx.app.clock.now(), getSetting(ctx.app.store, 'time.zone'))
      const local = { address: '127.0.0.1', device: null }
      recordLoginEvent(ctx.app.store, at, { username: '', userId: null, outcome: 'unlock', scope: 'address', client: local }, 'UTC')
      for (const { username } of ctx.app.store.prepare('SELECT username FROM users').all() as { username: string }[]) {
        recordLoginEvent(ctx.app.store, at, { username, userId: null, outcome: 'unlock', scope: 'user', client: local }, 'UTC')
      }
      metrics.push(latencyMetric('auth.me.http.p95_during_50_unthrottled_wrong_logins_per_s', await meDuringBurst(ctx, host.url, token), target))
    } finally {
      await host.close()
    }
    return metrics
  },
}
