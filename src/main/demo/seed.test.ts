import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../app'
import { makeTestApp, testClock, type TestApp } from '../test-support/test-app'
import { checkVin } from '../../shared/domain/vin'
import { checkPlate } from '../../shared/domain/plate'
import { isLandline, isMobile } from '../../shared/domain/phone'
import { totalsOf, lineAmount } from '../../shared/domain/money'
import { parseRoNumber } from '../../shared/domain/ro-number'
import { ROLES } from '../../shared/domain/roles'
import type { Payer } from '../../shared/domain/payer'
import type { Envelope } from '../../shared/contract/errors'
import { partKey } from './catalogue-data'
import { seedDemoDealership } from './seed'

// A fixed morning at the desk, so "today" in the data does not depend on when the test runs.
const clock = testClock('2026-11-27T10:30:00+08:00')
const kits: TestApp[] = []
let app: App

/** A store nobody has set up yet, on the fixed morning. */
async function blankApp(): Promise<App> {
  const kit = await makeTestApp({ dealership: 'blank', clock, prefix: 'demo-seed-' })
  kits.push(kit)
  return kit.app
}

function data<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`${envelope.code}: ${envelope.message}`)
  return envelope.data as T
}

const all = <T>(sql: string, ...params: unknown[]) => app.store.sqlite.prepare(sql).all(...params) as T[]

beforeAll(async () => {
  app = await blankApp()
  const started = performance.now()
  data(await app.dispatch('setup.demo', { password: 'demo-pass-1', scale: 'small' }))
  // Budget: under 3 s on the build machine; logged, not asserted (a timing is no behaviour).
  console.info(`setup.demo small took ${Math.round(performance.now() - started)} ms`)
})

afterAll(async () => {
  for (const kit of kits) await kit.close()
})

describe('the small demo dealership', () => {
  it('has about 300 customers, 400 vehicles, 600 repair orders and 800 parts', () => {
    const count = (table: string) => (app.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
    expect(count('customers')).toBe(300)
    expect(count('vehicles')).toBe(400)
    expect(count('repair_orders')).toBe(600)
    expect(count('parts')).toBe(800)
    expect(count('labour_operations')).toBeGreaterThan(20)
    expect(count('appointments')).toBeGreaterThan(10)
  })

  it('is marked as an initialised demo with a dealer name and code', async () => {
    const status = data<{ initialised: boolean; demo: boolean; dealerName: string; dealerCode: string }>(await app.dispatch('setup.status', {}))
    expect(status).toMatchObject({ initialised: true, demo: true, dealerCode: 'DEMO01' })
    expect(status.dealerName).toContain('演示')
  })

  it('has a user for every role and lets advisor1 log in with the demo password', async () => {
    const roles = new Set(all<{ role: string }>('SELECT role FROM users').map((u) => u.role))
    expect([...roles].sort()).toEqual([...ROLES].sort())
    const login = data<{ token: string; user: { role: string } }>(
      await app.dispatch('auth.login', { username: 'advisor1', password: 'demo-pass-1' }),
    )
    expect(login.user.role).toBe('service_advisor')
    expect((await app.dispatch('auth.login', { username: 'advisor1', password: 'wrong-pass-1' })).ok).toBe(false)
  })

  it('writes only valid VINs and plates, with their search columns and energy kind', () => {
    const vehicles = all<{ vin: string; vin_rev: string; plate: string | null; plate_tail: string | null; energy: string }>(
      'SELECT vin, vin_rev, plate, plate_tail, energy FROM vehicles',
    )
    for (const v of vehicles) {
      expect(checkVin(v.vin), v.vin).toBeNull()
      expect(v.vin_rev).toBe([...v.vin].reverse().join(''))
      if (v.plate === null) {
        expect(v.plate_tail).toBeNull()
        continue
      }
      expect(checkPlate(v.plate)?.kind, v.plate).toBe(v.energy)
      expect(v.plate_tail).toBe(v.plate.slice(1))
    }
    expect(vehicles.filter((v) => v.plate !== null).length).toBeGreaterThan(350)
  })

  it('gives customers valid, distinct mobiles and landlines', () => {
    const customers = all<{ mobile: string | null; phone2: string | null }>('SELECT mobile, phone2 FROM customers')
    const mobiles = customers.flatMap((c) => (c.mobile ? [c.mobile] : []))
    for (const m of mobiles) expect(isMobile(m) && /^1[358]\d{9}$/.test(m), m).toBe(true)
    for (const c of customers) if (c.phone2) expect(isLandline(c.phone2), c.phone2).toBe(true)
    expect(new Set(mobiles).size).toBe(mobiles.length)
    expect(mobiles.length).toBeGreaterThan(280)
  })

  it('keys every part by its number without punctuation', () => {
    for (const p of all<{ part_number: string; part_key: string; price_fen: number; cost_fen: number }>('SELECT * FROM parts')) {
      expect(p.part_key).toBe(partKey(p.part_number))
      expect(p.cost_fen).toBeLessThanOrEqual(p.price_fen)
    }
  })

  it('stores repair-order totals equal to their lines, to the fen and with VAT per payer', () => {
    const ros = all<{ id: number; net_fen: number; vat_fen: number; gross_fen: number }>('SELECT id, net_fen, vat_fen, gross_fen FROM repair_orders')
    const lines = all<{ ro_id: number; quantity_milli: number; unit_price_fen: number; amount_fen: number; payer: Payer; vat_rate_bp: number }>(
      'SELECT ro_id, quantity_milli, unit_price_fen, amount_fen, payer, vat_rate_bp FROM ro_lines ORDER BY ro_id, position',
    )
    const byRo = new Map<number, typeof lines>()
    for (const l of lines) {
      expect(l.amount_fen).toBe(lineAmount(l.quantity_milli, l.unit_price_fen))
      expect(l.vat_rate_bp).toBe(1300)
      byRo.set(l.ro_id, [...(byRo.get(l.ro_id) ?? []), l])
    }
    for (const ro of ros) {
      const t = totalsOf((byRo.get(ro.id) ?? []).map((l) => ({ amountFen: l.amount_fen, vatRateBp: l.vat_rate_bp, payer: l.payer })))
      expect({ net: ro.net_fen, vat: ro.vat_fen, gross: ro.gross_fen }, `RO ${ro.id}`).toEqual({ net: t.netFen, vat: t.vatFen, gross: t.grossFen })
    }
    expect(new Set(lines.map((l) => l.payer)).size).toBeGreaterThanOrEqual(4)
  })

  it('numbers repair orders per year in opening order and leaves each year sequence at its last number', () => {
    const ros = all<{ number: string; opened_at: string }>('SELECT number, opened_at FROM repair_orders ORDER BY opened_at, id')
    const lastByYear = new Map<number, number>()
    for (const ro of ros) {
      const parts = parseRoNumber(ro.number)
      expect(parts, ro.number).not.toBeNull()
      expect(ro.opened_at.startsWith(String(parts!.year))).toBe(true)
      expect(parts!.seq).toBe((lastByYear.get(parts!.year) ?? 0) + 1)
      lastByYear.set(parts!.year, parts!.seq)
    }
    const sequences = all<{ name: string; value: number }>(`SELECT name, value FROM sequences WHERE name LIKE 'ro:%'`)
    expect(new Map(sequences.map((s) => [Number(s.name.slice(3)), s.value]))).toEqual(lastByYear)
  })

  it('closes history orders in time order before now: opened, completed, settled, delivered', () => {
    const now = clock.now().getTime()
    const ros = all<{ number: string; opened_at: string; completed_at: string | null; settled_at: string | null; delivered_at: string | null; state: string }>(
      'SELECT number, opened_at, completed_at, settled_at, delivered_at, state FROM repair_orders',
    )
    for (const ro of ros) {
      const times = [ro.opened_at, ro.completed_at, ro.settled_at, ro.delivered_at].flatMap((t) => (t ? [Date.parse(t)] : []))
      expect(times, ro.number).toEqual([...times].sort((a, b) => a - b))
      expect(Math.max(...times), ro.number).toBeLessThanOrEqual(now)
      expect(ro.settled_at !== null, ro.number).toBe(ro.state === 'settled' || ro.state === 'delivered')
      expect(ro.delivered_at !== null, ro.number).toBe(ro.state === 'delivered')
    }
  })

  it('keeps odometer readings rising over time and each vehicle at its latest reading', () => {
    const rows = all<{ vehicle_id: number; km: number; odometer_km: number }>(
      `SELECT r.vehicle_id, r.km, v.odometer_km FROM odometer_readings r JOIN vehicles v ON v.id = r.vehicle_id
        ORDER BY r.vehicle_id, r.at, r.id`,
    )
    const last = new Map<number, { km: number; odometer: number }>()
    for (const r of rows) {
      const prev = last.get(r.vehicle_id)
      if (prev) expect(r.km).toBeGreaterThanOrEqual(prev.km)
      last.set(r.vehicle_id, { km: r.km, odometer: r.odometer_km })
    }
    for (const { km, odometer } of last.values()) expect(odometer).toBe(km)
  })

  it('opens today with open orders and appointments for the advisors, approvals that the desk recognises', async () => {
    const token = data<{ token: string }>(await app.dispatch('auth.login', { username: 'frontdesk', password: 'demo-pass-1' })).token
    const open = all<{ id: number; state: string }>(`SELECT id, state FROM repair_orders WHERE state IN ('estimate', 'authorised')`)
    expect(open.length).toBeGreaterThanOrEqual(6)
    for (const ro of open) {
      const detail = data<{ state: string; authorised: boolean }>(await app.dispatch('ro.get', { id: ro.id }, { token }))
      expect(detail.authorised, `RO ${ro.id}`).toBe(ro.state === 'authorised')
    }
    const advisors = all<{ id: number }>(`SELECT id FROM users WHERE role = 'service_advisor'`)
    for (const a of advisors) {
      const day = data<unknown[]>(await app.dispatch('appointments.day', { date: '2026-11-27', advisorId: a.id }, { token }))
      expect(day.length).toBeGreaterThan(0)
    }
  })

  it('is found by the reception search by plate, plate tail, VIN tail and mobile', async () => {
    const token = data<{ token: string }>(await app.dispatch('auth.login', { username: 'advisor1', password: 'demo-pass-1' })).token
    const v = all<{ id: number; vin: string; plate: string; mobile: string }>(
      `SELECT v.id, v.vin, v.plate, c.mobile FROM vehicles v JOIN customers c ON c.id = v.owner_id
        WHERE v.plate IS NOT NULL AND c.mobile IS NOT NULL LIMIT 1`,
    )[0]!
    for (const q of [v.plate, v.plate.slice(1), v.vin.slice(-6), v.mobile]) {
      const hits = data<{ vehicleId: number | null }[]>(await app.dispatch('reception.search', { q }, { token }))
      expect(hits.map((h) => h.vehicleId), q).toContain(v.id)
    }
  })

  it('is generated the same way every time, also when called directly', async () => {
    const other = await blankApp()
    try {
      const timeZone = 'Asia/Shanghai'
      const result = seedDemoDealership({ store: other.store, clock, timeZone }, { password: 'demo-pass-1', scale: 'small' })
      expect(result.usernames.map((u) => u.username)).toContain('advisor1')
      const digest = (a: App) =>
        a.store.sqlite
          .prepare(`SELECT group_concat(vin || coalesce(plate, '') || owner_id, ',') AS d FROM (SELECT * FROM vehicles ORDER BY id)`)
          .pluck()
          .get()
      expect(digest(other)).toBe(digest(app))
      const roDigest = (a: App) =>
        a.store.sqlite.prepare(`SELECT group_concat(number || gross_fen || content_hash, ',') FROM (SELECT * FROM repair_orders ORDER BY id)`).pluck().get()
      expect(roDigest(other)).toBe(roDigest(app))
      // The replayed areas too: the workshop's clock, the parts ledger and the cashier.
      const digest2 = (a: App, sql: string) => a.store.sqlite.prepare(sql).pluck().get()
      for (const sql of [
        `SELECT group_concat(job_id || technician_id || started_at || coalesce(ended_at, '-'), ',') FROM (SELECT * FROM job_time_segments ORDER BY id)`,
        `SELECT group_concat(part_id || at || quantity_milli || value_fen, ',') FROM (SELECT * FROM stock_moves ORDER BY id)`,
        `SELECT group_concat(number || payer || gross_fen || issued_at, ',') FROM (SELECT * FROM invoices ORDER BY id)`,
      ]) {
        expect(digest2(other, sql), sql).toBe(digest2(app, sql))
      }
    } finally {
      other.close()
    }
  })
})
