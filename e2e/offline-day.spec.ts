import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import type { ChildProcess } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLan, namespacesUnavailable, type Lan } from './lan/netns'
import { HOST_PORT, startHostPc, startTerminalPc, type HostPc, type TerminalPc } from './lan/pcs'

// A whole service day at a dealership whose internet line is down: the host's namespace has the
// shop LAN and nothing else (no default route). Every call of the day is timed, and the host runs
// under strace so any attempt to reach an address off the LAN (DNS included) is seen. Head office
// sits on another subnet of the same wire, reachable only once a route appears.
const unavailable =
  namespacesUnavailable() ?? (['/usr/bin/strace', '/bin/strace'].some((p) => existsSync(p)) ? null : 'strace is not installed (apt-get install strace)')
if (unavailable) console.warn(`[offline-day.spec] skipped: ${unavailable}`)

const ROOT = resolve(import.meta.dirname, '..')
const PASSWORD = 'offline-day-pass'
const HEAD_OFFICE = { ip: '10.231.1.2', port: 8443, token: 'head-office-token-1' }
const LAN_OR_LOCAL = /^(127\.|10\.231\.0\.|0\.0\.0\.0$)/

describe.skipIf(unavailable !== null)('a full day without internet', () => {
  let lan: Lan
  let host: HostPc
  let desk: TerminalPc
  let admin: TerminalPc
  let receiver: ChildProcess
  const received: { path: string; ok: boolean }[] = []
  const traceDir = mkdtempSync(join(tmpdir(), 'offline-day-trace-'))
  const tokens: Record<string, string> = {}
  const timings: { channel: string; ms: number }[] = []

  async function ok<T>(pc: TerminalPc, who: string, channel: string, input: unknown): Promise<T> {
    const started = Date.now()
    const { result } = await pc.call<T>(channel, input, tokens[who] ?? null)
    timings.push({ channel, ms: Date.now() - started })
    if (!result.ok) throw new Error(`${channel} as ${who}: ${result.code} ${result.message}`)
    return result.data
  }

  /** Every address the host's processes tried to reach, from strace's record of the syscalls. */
  function addressesTried(): string[] {
    const text = readFileSync(join(traceDir, 'host.trace'), 'utf8')
    return [...text.matchAll(/sin_addr=inet_addr\("([\d.]+)"\)/g)].map((m) => m[1]!)
  }

  beforeAll(async () => {
    lan = createLan(['host', 'desk', 'ho'], { ho: HEAD_OFFICE.ip })
    // Head office knows its way back to the dealership; the dealership knows no way out.
    lan.ipIn(lan.pcs.ho!, 'route', 'add', '10.231.0.0/24', 'dev', 'eth0')
    receiver = lan.spawnIn(lan.pcs.ho!, join(ROOT, 'node_modules/.bin/tsx'), ['e2e/lan/receiver.ts', String(HEAD_OFFICE.port), HEAD_OFFICE.token], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const receiverReady = new Promise<void>((ready) =>
      createInterface({ input: receiver.stdout! }).on('line', (line) => {
        const message = JSON.parse(line) as { ready?: true; path?: string; ok?: boolean }
        if (message.ready) ready()
        else if (message.path) received.push({ path: message.path, ok: message.ok === true })
      }),
    )
    const strace = ['strace', '-f', '--seccomp-bpf', '-qq', '-e', 'trace=connect,sendto,sendmsg', '-o', join(traceDir, 'host.trace')]
    const [started, d, a] = await Promise.all([
      startHostPc(lan, lan.pcs.host!, PASSWORD, '0.0.0.0', strace),
      startTerminalPc(lan, lan.pcs.desk!),
      startTerminalPc(lan, lan.pcs.host!),
      receiverReady,
    ])
    host = started
    desk = d
    admin = a
    // The administrator at the host PC itself (loopback) pairs the front desk.
    await admin.connect(`http://127.0.0.1:${HOST_PORT}/`, 'loopback-needs-no-device-token')
    tokens.admin = (await ok<{ token: string }>(admin, 'admin', 'auth.login', { username: 'admin', password: PASSWORD })).token
    const paired = await ok<{ token: string }>(admin, 'admin', 'devices.pair', { name: '前台1号机' })
    await desk.connect(host.url, paired.token)
    for (const username of ['advisor1', 'workshop', 'tech1', 'techsup', 'parts1', 'cashier', 'manager']) {
      tokens[username] = (await ok<{ token: string }>(desk, username, 'auth.login', { username, password: PASSWORD })).token
    }
  }, 150_000)

  afterAll(async () => {
    await Promise.allSettled([desk?.dispose(), admin?.dispose()])
    await host?.dispose().catch(() => {})
    receiver?.kill('SIGTERM')
    lan?.destroy()
    rmSync(traceDir, { recursive: true, force: true })
  })

  it('runs the day from check-in to delivery without waiting on or asking for the internet', async () => {
    timings.length = 0
    // Reception: a customer's car checked in, estimated and authorised.
    const hits = await ok<{ vehicleId: number | null; plate: string | null; openRoId: number | null }[]>(desk, 'advisor1', 'reception.search', { q: '粤', limit: 50 })
    const free = hits.find((h) => h.vehicleId && h.plate && !h.openRoId)!
    const vehicle = await ok<{ vehicle: { odometerKm: number } }>(desk, 'advisor1', 'vehicles.get', { id: free.vehicleId })
    let ro = await ok<{ id: number; version: number }>(desk, 'advisor1', 'ro.checkIn', {
      vehicleId: free.vehicleId, type: 'repair', odometerKm: vehicle.vehicle.odometerKm + 900, fuelEighths: 5, concerns: '断网日：刹车异响',
    })
    const [part] = await ok<{ id: number; name: string; priceFen: number }[]>(desk, 'advisor1', 'catalog.parts.search', { q: '刹车', limit: 5 })
    if (!part) throw new Error('the demo catalogue has no brake part')
    ro = await ok(desk, 'advisor1', 'ro.saveLines', {
      id: ro.id,
      version: ro.version,
      lines: [
        { kind: 'labour', description: '更换前刹车片', quantityMilli: 1000, unitPriceFen: 20000, payer: 'customer' },
        { kind: 'part', partId: part.id, description: part.name, quantityMilli: 1000, unitPriceFen: part.priceFen, payer: 'customer' },
      ],
    })
    await ok(desk, 'advisor1', 'ro.authorise', { id: ro.id, version: ro.version, method: 'in_person', authorisedBy: '车主' })

    // Parts counter: the part is put on the shelf if need be, then issued to the order.
    await ok(desk, 'manager', 'auth.me', {})
    const pick = await ok<{ lines: { partId: number; onHandMilli: number }[] }>(desk, 'parts1', 'parts.pickList', { roId: ro.id })
    if ((pick.lines.find((l) => l.partId === part.id)?.onHandMilli ?? 0) < 1000) {
      await ok(desk, 'parts1', 'stock.receive', { partId: part.id, quantityMilli: 2000, reason: '断网日到货' })
    }
    await ok(desk, 'parts1', 'parts.issue', { roId: ro.id, lines: [{ partId: part.id, quantityMilli: 1000 }] })

    // Workshop: dispatch, the technician's clock, final inspection.
    const me = await ok<{ id: number }>(desk, 'tech1', 'auth.me', {})
    let shop = await ok<{ jobs: { id: number; lineId: number | null }[]; roVersion: number; roState: string; checklist: { id: number }[] }>(desk, 'workshop', 'workshop.ro', { roId: ro.id })
    for (const job of shop.jobs.filter((j) => j.lineId !== null)) {
      const dispatched = await ok<{ id: number }>(desk, 'workshop', 'workshop.dispatch', { lineId: job.lineId, technicianId: me.id })
      await ok(desk, 'tech1', 'workshop.clockOn', { jobId: dispatched.id, pauseOthers: true })
      await ok(desk, 'tech1', 'workshop.finish', { jobId: dispatched.id })
    }
    shop = await ok(desk, 'techsup', 'workshop.ro', { roId: ro.id })
    expect(shop.roState).toBe('quality_check')
    shop = await ok(desk, 'techsup', 'workshop.qc.record', { roId: ro.id, version: shop.roVersion, result: 'pass', items: shop.checklist.map((i) => ({ itemId: i.id, ok: true })) })
    expect(shop.roState).toBe('ready')

    // Cashier: settle in cash, hand the car over.
    let view = await ok<{ ro: { version: number; grossFen: number; state: string } }>(desk, 'cashier', 'settlement.get', { roId: ro.id })
    view = await ok(desk, 'cashier', 'settlement.settle', {
      roId: ro.id, version: view.ro.version, payments: [{ payer: 'customer', method: 'cash', amountFen: view.ro.grossFen }],
    })
    view = await ok(desk, 'cashier', 'settlement.deliver', { roId: ro.id, version: view.ro.version })
    expect(view.ro.state).toBe('delivered')

    const slowest = timings.reduce((a, b) => (b.ms > a.ms ? b : a))
    console.log(`[offline-day] ${timings.length} calls, slowest ${slowest.channel} ${slowest.ms} ms; off-LAN addresses tried: ${addressesTried().filter((a) => !LAN_OR_LOCAL.test(a)).length}`)
    expect(slowest.ms).toBeLessThan(1_000)
    expect(addressesTried().filter((a) => !LAN_OR_LOCAL.test(a))).toEqual([])
  })

  it('queues the nightly head-office batch while there is no route, and sends it once there is', async () => {
    await ok(desk, 'manager', 'data.export.settings', {
      targets: [{ id: 'head-office', kind: 'https', label: '集团总部', url: `http://${HEAD_OFFICE.ip}:${HEAD_OFFICE.port}/batches`, token: HEAD_OFFICE.token, allowHttp: true }],
    })
    await ok(desk, 'manager', 'data.export.run', {})
    type Status = { lastBatch: { id: string; deliveries: { status: string; lastError: string | null }[] } | null }
    const status = () => ok<Status>(desk, 'manager', 'data.export.status', {})
    await expect.poll(async () => (await status()).lastBatch?.deliveries[0]?.lastError ?? null, { timeout: 30_000 }).not.toBeNull()
    const queued = (await status()).lastBatch!
    expect(queued.deliveries[0]).toMatchObject({ status: 'pending' })
    expect(received).toEqual([])

    // The line comes back: a route to head office. The queued batch goes out, manifest last.
    lan.ipIn(lan.pcs.host!, 'route', 'add', 'default', 'dev', 'eth0')
    await ok(desk, 'manager', 'data.export.resend', { batchId: queued.id })
    await expect.poll(async () => (await status()).lastBatch?.deliveries[0]?.status, { timeout: 30_000 }).toBe('delivered')
    expect(received.length).toBeGreaterThan(1)
    expect(received.every((r) => r.ok && r.path.startsWith(`/batches/${queued.id}/`))).toBe(true)
    expect(received.at(-1)?.path).toBe(`/batches/${queued.id}/manifest.json`)
    // Off the LAN, the host only ever tried head office.
    expect([...new Set(addressesTried().filter((a) => !LAN_OR_LOCAL.test(a)))]).toEqual([HEAD_OFFICE.ip])
  })
})
