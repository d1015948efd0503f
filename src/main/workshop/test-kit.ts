import { makeTestApp, registerVehicle, TEST_PASSWORD, type TestApp } from '../test-support/test-app'
import type { RoType } from '../../shared/domain/ro-type'

// A small workshop for the tests: a real app (SQLite in a temp dir, the real dispatcher), two
// technicians with different skills, three bays, and authorised repair orders made through the
// reception channels exactly as the front desk makes them.

export interface Shop {
  t: TestApp
  techA: { id: number; token: string }
  techB: { id: number; token: string }
  bays: { lift1: number; lift2: number; wash: number }
}

export async function makeShop(): Promise<Shop> {
  const t = await makeTestApp({
    roles: ['service_advisor', 'workshop_supervisor', 'technician', 'technical_supervisor', 'service_manager', 'cashier'],
  })
  const b = await t.ok('administrator', 'users.create', { username: 'tech-b', displayName: '李师傅', role: 'technician', password: TEST_PASSWORD })
  const login = await t.ok(null, 'auth.login', { username: 'tech-b', password: TEST_PASSWORD })
  const techA = { id: t.userIds.technician, token: t.tokens.technician }
  const techB = { id: b.id, token: login.token }
  await t.ok('workshop_supervisor', 'workshop.saveTechnician', { userId: techA.id, skills: ['general', 'mechanical'], allowParallel: false })
  await t.ok('workshop_supervisor', 'workshop.saveTechnician', { userId: techB.id, skills: ['general', 'electrical'], allowParallel: false })
  const bay = (code: string, name: string, kind: 'lift' | 'wash') => t.ok('workshop_supervisor', 'workshop.saveBay', { code, name, kind })
  const bays = { lift1: (await bay('L1', '举升机一', 'lift')).id, lift2: (await bay('L2', '举升机二', 'lift')).id, wash: (await bay('W1', '洗车位', 'wash')).id }
  return { t, techA, techB, bays }
}

export interface RoOptions {
  type?: RoType
  /** Labour lines: description and flat-rate hours in thousandths. */
  labour?: [string, number][]
  promisedAt?: string
  model?: string
}

/** Checks a car in, writes the estimate and records the customer's approval: an authorised RO. */
export async function authorisedRo(t: TestApp, serial: number, options: RoOptions = {}) {
  const vehicle = await registerVehicle(t, { serial, plate: `京A${String(serial).padStart(5, '0')}`, ...(options.model ? { model: options.model } : {}) })
  const ro = await t.ok('service_advisor', 'ro.checkIn', {
    vehicleId: vehicle.id,
    type: options.type ?? 'repair',
    odometerKm: 20_000,
    fuelEighths: 4,
    concerns: '刹车异响',
    ...(options.promisedAt ? { promisedAt: options.promisedAt } : {}),
  })
  const labour = options.labour ?? [['更换前刹车片', 1200], ['四轮定位', 800]]
  const saved = await t.ok('service_advisor', 'ro.saveLines', {
    id: ro.id,
    version: ro.version,
    lines: labour.map(([description, quantityMilli]) => ({ kind: 'labour' as const, description, quantityMilli, unitPriceFen: 30000, payer: 'customer' as const })),
  })
  const authorised = await t.ok('service_advisor', 'ro.authorise', { id: ro.id, version: saved.version, method: 'in_person', authorisedBy: '张三' })
  return { ...authorised, vehicleId: vehicle.id, labourLineIds: authorised.lines.filter((l) => l.kind === 'labour').map((l) => l.id) }
}

/** The job id made from a labour line (after its first dispatch). */
export async function jobOfLine(t: TestApp, roId: number, lineId: number): Promise<number> {
  const ro = await t.ok('workshop_supervisor', 'workshop.ro', { roId })
  const job = ro.jobs.find((j) => j.lineId === lineId)
  if (!job?.id) throw new Error(`No job for line ${lineId}`)
  return job.id
}

/** Local Shanghai wall-clock time as an instant, for setting the test clock. */
export const shanghai = (local: string) => `${local}+08:00`

const HOUR = 3_600_000

/**
 * Moves the test clock to `to` (local Shanghai text), keeping every session of the shop alive on
 * the way: sessions end after 12 idle hours, and a shop day with a night in it is longer.
 */
export async function travel(shop: Shop, to: string): Promise<void> {
  const target = Date.parse(shanghai(to))
  const tokens = [...Object.values(shop.t.tokens), shop.techA.token, shop.techB.token]
  const touch = () => Promise.all(tokens.map((token) => shop.t.call({ token }, 'auth.me', {})))
  while (target - shop.t.clock.now().getTime() > 10 * HOUR) {
    shop.t.clock.advance(10 * HOUR)
    await touch()
  }
  shop.t.clock.set(new Date(target))
  await touch()
}
