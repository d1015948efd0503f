import type { Envelope } from '../src/shared/contract/errors'
import type { BenchArea } from './lib/area'
import { login } from './lib/dataset'
import { latencyMetric, timeCalls, type Metric } from './lib/metric'
import { directCtx } from '../src/main/test-support/service-ctx'
import { precheck } from '../src/main/warranty/precheck'

// The warranty desk (issue 12: the claim pre-check ≤ 5 ms p95, the desk's today view ≤ 20 ms p95).
// Through the dispatcher as the warranty clerk's screens ask: an editable claim opened in the
// editor runs the pre-submission check on every read (`warranty.claim.get` of draft and returned
// claims, round the generator's claims; the check on its own is timed too, as check and submit run it), and the today view (`warranty.today`). The first-service
// list and rate are timed too; their first read of the day works out every vehicle's window, which
// is timed on its own and left out of the lists' figures.

const RUNS = 50

function data<T>(envelope: Envelope<unknown>, channel: string): T {
  if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.message}`)
  return envelope.data as T
}

export const warrantyBench: BenchArea = {
  name: 'warranty',
  async run(ctx): Promise<Metric[]> {
    const { app } = ctx
    const token = await login(app, 'warranty')
    const count = (sql: string) => (app.store.sqlite.prepare(sql).get() as { n: number }).n
    const editable = (app.store.sqlite.prepare(`SELECT id FROM warranty_claims WHERE state IN ('draft', 'returned') ORDER BY id`).all() as { id: number }[]).map((r) => r.id)
    if (editable.length === 0) throw new Error('the data set has no draft or returned claim to check')
    const claimGet = async (i: number) => {
      const claim = data<{ findings: unknown[] }>(await app.dispatch('warranty.claim.get', { id: editable[i % editable.length]! }, { token }), 'warranty.claim.get')
      return claim.findings.length
    }
    const today = async () => data<{ toCheck: unknown[] }>(await app.dispatch('warranty.today', {}, { token }), 'warranty.today')
    const fsList = async () => data<unknown[]>(await app.dispatch('warranty.firstService.list', {}, { token }), 'warranty.firstService.list')
    const fsRates = async () => data<unknown>(await app.dispatch('warranty.firstService.rates', { months: 12 }, { token }), 'warranty.firstService.rates')

    const refreshStart = performance.now()
    const due = await fsList()
    const refreshMs = performance.now() - refreshStart
    const view = await today()
    ctx.log(
      `warranty: ${count('SELECT COUNT(*) AS n FROM warranty_claims')} claims (${editable.length} editable, ${view.toCheck.length} to check today), ` +
        `${count('SELECT COUNT(*) AS n FROM warranty_first_services')} first-service windows (${due.length} on the list); first read with the day's refresh ${Math.round(refreshMs)} ms`,
    )
    const checkCtx = directCtx({ store: app.store, clock: app.clock, channel: 'warranty.claim.check' })
    const precheckSamples = await timeCalls((i) => precheck(checkCtx, editable[i % editable.length]!), { warmup: 5, iterations: Math.max(RUNS, Math.min(editable.length, 200)) })
    const checkSamples = await timeCalls(claimGet, { warmup: 5, iterations: Math.max(RUNS, Math.min(editable.length, 200)) })
    const todaySamples = await timeCalls(today, { warmup: 5, iterations: RUNS })
    const listSamples = await timeCalls(fsList, { warmup: 5, iterations: RUNS })
    const rateSamples = await timeCalls(fsRates, { warmup: 3, iterations: RUNS })
    return [
      latencyMetric(`warranty pre-check (${editable.length} editable claims)`, precheckSamples, { field: 'p95_ms', max: 5 }),
      latencyMetric('warranty.claim.get (editor read, with the pre-check)', checkSamples),
      latencyMetric('warranty.today', todaySamples, { field: 'p95_ms', max: 20 }),
      latencyMetric(`warranty.firstService.list (${due.length} rows)`, listSamples, { field: 'p95_ms', max: 20 }),
      latencyMetric('warranty.firstService.rates (12 months)', rateSamples),
      { name: 'warranty.firstService refresh (first read of the day)', ms: Math.round(refreshMs) },
    ]
  },
}
