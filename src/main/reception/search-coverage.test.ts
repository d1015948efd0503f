import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type App } from '../app'
import type { Envelope } from '../../shared/contract/errors'

// Everything an advisor types into the desk's search box, against the demo dealership: each kind
// of input finds the car it was taken from, and a broad text says how many there are in all.

const clock = { now: () => new Date('2026-11-27T10:30:00+08:00') }
let app: App
let dir: string
let token: string

function data<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`${envelope.code}: ${envelope.message}`)
  return envelope.data as T
}
interface Found {
  hits: { vehicleId: number | null; customerId: number }[]
  total: number
  capped: boolean
}
const find = async (q: string, limit = 200) => data<Found>(await app.dispatch('reception.find', { q, limit }, { token }))

interface Car {
  id: number
  vin: string
  plate: string
  mobile: string
  name: string
}
let cars: Car[]

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'search-coverage-'))
  app = await createApp({ dataDir: dir, clock })
  data(await app.dispatch('setup.demo', { password: 'demo-pass-1', scale: 'small' }))
  token = data<{ token: string }>(await app.dispatch('auth.login', { username: 'advisor1', password: 'demo-pass-1' })).token
  // A spread of cars with a plate and an owner with a mobile number.
  cars = app.store.sqlite
    .prepare(
      `SELECT v.id, v.vin, v.plate, c.mobile, c.name FROM vehicles v JOIN customers c ON c.id = v.owner_id
        WHERE v.plate IS NOT NULL AND c.mobile IS NOT NULL AND length(c.name) >= 2 ORDER BY v.id`,
    )
    .all()
    .filter((_, i) => i % 37 === 0) as Car[]
}, 120_000)
afterAll(() => {
  app.close()
  rmSync(dir, { recursive: true, force: true })
})

const INPUTS: Record<string, (c: Car) => string> = {
  'full VIN': (c) => c.vin,
  'full VIN in lower case with spaces': (c) => `${c.vin.slice(0, 8).toLowerCase()} ${c.vin.slice(8)}`,
  'last 6 of the VIN': (c) => c.vin.slice(-6),
  'last 7 of the VIN': (c) => c.vin.slice(-7),
  'last 8 of the VIN': (c) => c.vin.slice(-8),
  'plate with its province': (c) => c.plate,
  'plate without its province': (c) => c.plate.slice(1),
  'plate typed with a dot and lower case': (c) => `${c.plate.slice(0, 2)}·${c.plate.slice(2).toLowerCase()}`,
  'partial plate': (c) => c.plate.slice(0, c.plate.length - 2),
  'full mobile': (c) => c.mobile,
  'full mobile with spaces': (c) => `${c.mobile.slice(0, 3)} ${c.mobile.slice(3, 7)} ${c.mobile.slice(7)}`,
  'last 4 of the mobile': (c) => c.mobile.slice(-4),
  'full name': (c) => c.name,
  'part of a name (its start)': (c) => Array.from(c.name).slice(0, 2).join(''),
}

describe('the desk search finds what advisors type', () => {
  it('has cars to look for', () => expect(cars.length).toBeGreaterThan(5))
  for (const [kind, typed] of Object.entries(INPUTS)) {
    it(`finds the car by its ${kind}`, async () => {
      for (const car of cars) {
        const q = typed(car)
        const found = await find(q)
        expect(found.hits.map((h) => h.vehicleId), `${kind}: ${q}`).toContain(car.id)
        expect(found.total).toBeGreaterThanOrEqual(found.hits.length)
      }
    })
  }

  it('says "20 of N" for a broad plate prefix, N counted the same way as the hits, and shows more on request', async () => {
    const expected = (app.store.sqlite.prepare(`SELECT COUNT(*) AS n FROM vehicles WHERE plate LIKE '粤A%'`).get() as { n: number }).n
    expect(expected).toBeGreaterThan(20)
    const first = await find('粤A', 20)
    expect(first).toMatchObject({ total: expected, capped: false })
    expect(first.hits).toHaveLength(20)
    const more = await find('粤A', 200)
    expect(more.hits).toHaveLength(Math.min(expected, 200))
    expect(more.hits.slice(0, 20)).toEqual(first.hits)
  })

  it('counts a last-4 mobile search by the customers whose number ends so', async () => {
    const tail = cars[0]!.mobile.slice(-4)
    const expected = app.store.sqlite
      .prepare(`SELECT COUNT(*) AS n FROM customers c LEFT JOIN vehicles v ON v.owner_id = c.id WHERE c.mobile LIKE ? OR c.mobile LIKE ?`)
      .get(`%${tail}`, `${tail}%`) as { n: number }
    expect((await find(tail)).total).toBe(expected.n)
  })
})
