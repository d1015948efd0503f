// One workstation of the 15-terminal bench, as its own process: logs in as its person and works
// through that desk's mix for the given time over HTTP (keep-alive, like a browser), then prints
// one JSON line: per-channel latencies and error codes. Started by bench/terminals.ts.
import { createRng, type Rng } from '../src/main/demo/random'
import { httpCaller, type HttpCaller } from './lib/http-client'

export type Desk = 'advisor' | 'workshop' | 'parts' | 'cashier'

export interface WorkerReport {
  samples: Record<string, number[]>
  errors: Record<string, Record<string, number>>
}

interface Envelope {
  ok: boolean
  data?: unknown
  code?: string
}

const [hostUrl = '', desk = 'advisor', username = '', password = '', durationText = '60000', seedText = '1', startAtText = '0'] = process.argv.slice(2)
const report: WorkerReport = { samples: {}, errors: {} }
const rng = createRng(Number(seedText))

async function timed<T = unknown>(client: HttpCaller, channel: string, input: unknown): Promise<T | null> {
  const start = performance.now()
  let envelope: Envelope
  try {
    envelope = (await client.call(channel, input)).body as Envelope
  } catch {
    envelope = { ok: false, code: 'NETWORK' }
  }
  ;(report.samples[channel] ??= []).push(performance.now() - start)
  if (envelope.ok) return envelope.data as T
  const codes = (report.errors[channel] ??= {})
  codes[envelope.code ?? 'UNKNOWN'] = (codes[envelope.code ?? 'UNKNOWN'] ?? 0) + 1
  return null
}

const QUERIES = ['粤A', '粤B', '张', '王', '李', '朗逸', '帕萨特', '138', '139', '0', '5', '8', 'LSV', '明', '华']
const pause = (rng: Rng) => new Promise((done) => setTimeout(done, rng.int(100, 400)))

/** Service advisor: finds customers, reads and re-saves estimates, glances at the board. */
async function advisorStep(client: HttpCaller) {
  const r = rng.next()
  if (r < 0.45) return void (await timed(client, 'reception.search', { q: rng.pick(QUERIES), limit: 20 }))
  if (r < 0.65) return void (await timed(client, 'workshop.board', {}))
  const list = await timed<{ rows: { id: number }[] }>(client, 'ro.list', { state: 'estimate', limit: 30 })
  const pick = list?.rows.length ? rng.pick(list.rows) : null
  if (!pick) return
  const ro = await timed<{ id: number; version: number; state: string; lines: { kind: string; opCode: string | null; partId: number | null; description: string; quantityMilli: number; unitPriceFen: number; payer: string }[] }>(
    client, 'ro.get', { id: pick.id },
  )
  if (!ro || ro.state !== 'estimate' || ro.lines.length === 0) return
  // The advisor adjusts one line's hours and saves: two desks on one order meet as CONFLICT.
  const lines = ro.lines.map((l, i) => ({
    kind: l.kind,
    ...(l.opCode ? { opCode: l.opCode } : {}),
    ...(l.partId ? { partId: l.partId } : {}),
    description: l.description,
    quantityMilli: i === 0 && l.kind === 'labour' ? 500 + rng.int(0, 8) * 250 : l.quantityMilli,
    unitPriceFen: l.unitPriceFen,
    payer: l.payer,
  }))
  await timed(client, 'ro.saveLines', { id: ro.id, version: ro.version, lines })
}

/** Workshop office: the board all day, a job card now and then. */
async function workshopStep(client: HttpCaller) {
  const board = await timed<{ cards: { roId: number }[] }>(client, 'workshop.board', {})
  if (board?.cards.length && rng.next() < 0.4) await timed(client, 'workshop.ro', { roId: rng.pick(board.cards).roId })
}

/** Parts counter: the queue, a pick list, an issue; part look-ups in between. */
async function partsStep(client: HttpCaller) {
  if (rng.next() < 0.35) return void (await timed(client, 'parts.search', { q: rng.pick(['机油', '滤', '刹车', '火花塞', '雨刮', '06', '5Q']), limit: 20 }))
  const queue = await timed<{ roId: number }[]>(client, 'parts.counterQueue', { limit: 50 })
  if (!queue?.length) return
  const pick = await timed<{ lines: { partId: number; outstandingMilli: number; onHandMilli: number }[] }>(client, 'parts.pickList', { roId: rng.pick(queue).roId })
  // The clerk issues what is on the shelf; a shelf emptied meanwhile by another desk is INSUFFICIENT_STOCK.
  const line = pick?.lines.find((l) => l.outstandingMilli > 0 && l.onHandMilli > 0)
  if (!pick || !line) return
  const roId = (pick as unknown as { ro: { id: number } }).ro.id
  await timed(client, 'parts.issue', { roId, lines: [{ partId: line.partId, quantityMilli: Math.min(line.outstandingMilli, 1_000) }] })
}

/** Cashier: the settlement queue, receivables, a payment on an open balance. */
async function cashierStep(client: HttpCaller) {
  const r = rng.next()
  if (r < 0.35) return void (await timed(client, 'settlement.queue', { state: 'ready', limit: 50 }))
  const open = await timed<{ rows: { invoiceId: number; balanceFen: number }[] }>(client, 'receivables.list', { limit: 50, offset: rng.int(0, 20) })
  const owing = open?.rows.filter((row) => row.balanceFen >= 100) ?? []
  if (owing.length === 0 || r < 0.6) return
  await timed(client, 'settlement.pay', { invoiceId: rng.pick(owing).invoiceId, method: 'transfer', amountFen: 100, reference: 'BENCH' })
}

const STEPS: Record<Desk, (client: HttpCaller) => Promise<void>> = { advisor: advisorStep, workshop: workshopStep, parts: partsStep, cashier: cashierStep }

async function main() {
  const login = (await httpCaller(hostUrl, '').call('auth.login', { username, password })).body as Envelope
  if (!login.ok) throw new Error(`login ${username}: ${login.code}`)
  const client = httpCaller(hostUrl, (login.data as { token: string }).token)
  const step = STEPS[desk as Desk]
  // Every terminal starts together, once all 15 processes are up and logged in.
  const startAt = Number(startAtText)
  if (startAt > Date.now()) await new Promise((done) => setTimeout(done, startAt - Date.now()))
  const end = Date.now() + Number(durationText)
  while (Date.now() < end) {
    await step(client)
    await pause(rng)
  }
  client.close()
  process.stdout.write(`${JSON.stringify(report)}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
