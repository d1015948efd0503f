import { COLOURS, CUSTOMER_NOTES, address, companyName, landline, personName, uniqueMobile } from './people-data'
import { MODELS, uniquePlate, uniqueVin } from './vehicle-data'
import { weightedSampler } from './random'
import type { World } from './world'

/**
 * Who owns which vehicle and since when, planned before anything is written so that customers
 * can be created before their first car arrived and vehicles can carry their latest odometer
 * reading. Days are offsets from today (negative = past); indexes are 0-based row numbers.
 */
export interface Fleet {
  customers: number
  vehicles: number
  firstCustomerId: number
  firstVehicleId: number
  isCompany: Uint8Array
  model: Uint8Array
  owner: Int32Array
  /** The owner before a change of ownership, or -1. */
  prevOwner: Int32Array
  /** The day the current owner took the car over (meaningful when prevOwner ≥ 0). */
  changeDay: Int32Array
  /** First registration (上牌) day. */
  regDay: Int32Array
  /** The day the car was first recorded at this dealership. */
  firstDay: Int32Array
  /** The day of its latest odometer reading: set by the repair-order plan. */
  lastDay: Int32Array
  kmPerDay: Float64Array
}

/** Odometer reading of vehicle `v` on `day`: grows steadily from first registration. */
export function kmOn(fleet: Fleet, v: number, day: number): number {
  return Math.max(0, Math.round((fleet.kmPerDay[v] ?? 0) * (day - (fleet.regDay[v] ?? 0)))) + 8
}

const drawModel = weightedSampler(
  MODELS.map((_, i) => i),
  MODELS.map((m) => m.weight),
)

export function planFleet(w: World): Fleet {
  const { rng, cal, size, store } = w
  const C = size.customers
  const V = size.vehicles
  // raw SQL: bulk generator speed — the table name varies (one max(id) per generated table)
  const maxId = (table: string) => (store.prepare(`SELECT coalesce(max(id), 0) AS n FROM ${table}`).get() as { n: number }).n
  const fleet: Fleet = {
    customers: C,
    vehicles: V,
    firstCustomerId: maxId('customers') + 1,
    firstVehicleId: maxId('vehicles') + 1,
    isCompany: new Uint8Array(C),
    model: new Uint8Array(V),
    owner: new Int32Array(V),
    prevOwner: new Int32Array(V).fill(-1),
    changeDay: new Int32Array(V),
    regDay: new Int32Array(V),
    firstDay: new Int32Array(V),
    lastDay: new Int32Array(V),
    kmPerDay: new Float64Array(V),
  }
  const companies: number[] = []
  for (let c = 0; c < C; c++) {
    if (rng.chance(0.05)) {
      fleet.isCompany[c] = 1
      companies.push(c)
    }
  }
  for (let v = 0; v < V; v++) {
    const modelIndex = drawModel(rng)
    const spec = MODELS[modelIndex]!
    fleet.model[v] = modelIndex
    const earliest = Math.max(-3650, cal.offsetOf(spec.firstYear, 3, 1))
    const reg = rng.int(earliest, -7)
    fleet.regDay[v] = reg
    const first = rng.chance(0.6) ? reg : rng.int(reg, -7)
    fleet.firstDay[v] = first
    fleet.lastDay[v] = first
    // 7,000–25,000 km a year; ride-hailing cars and company vans drive more.
    fleet.kmPerDay[v] = rng.int(19, 70) * (rng.chance(0.05) ? 2.5 : 1)
    // Everyone gets a car first; the rest go mostly to company fleets.
    fleet.owner[v] = v < C ? v : companies.length > 0 && rng.chance(0.5) ? rng.pick(companies) : rng.int(0, C - 1)
    if (first < -400 && C > 1 && rng.chance(0.03)) {
      let prev = rng.int(0, C - 1)
      if (prev === fleet.owner[v]) prev = (prev + 1) % C
      fleet.prevOwner[v] = prev
      fleet.changeDay[v] = rng.int(first + 200, -30)
    }
  }
  return fleet
}

/** Inserts customers, then vehicles with their ownership rows and first odometer reading. */
export function insertPeople(w: World, fleet: Fleet): void {
  const { store, rng, cal } = w
  // A customer was recorded when their first car (or the car they later bought) arrived.
  const customerDay = new Int32Array(fleet.customers).fill(1)
  const earlier = (c: number, day: number) => {
    if (day < (customerDay[c] ?? 1)) customerDay[c] = day
  }
  for (let v = 0; v < fleet.vehicles; v++) {
    const prev = fleet.prevOwner[v]!
    if (prev >= 0) {
      earlier(prev, fleet.firstDay[v]!)
      earlier(fleet.owner[v]!, fleet.changeDay[v]!)
    } else {
      earlier(fleet.owner[v]!, fleet.firstDay[v]!)
    }
  }

  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const insertCustomer = store.prepare(
    `INSERT INTO customers (id, name, kind, mobile, phone2, address, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const mobiles = new Set<string>()
  for (let c = 0; c < fleet.customers; c++) {
    const company = fleet.isCompany[c] === 1
    const day = customerDay[c] === 1 ? rng.int(-1000, -7) : customerDay[c]!
    const at = cal.iso(day, rng.int(480, 1080), rng.int(0, 59))
    insertCustomer.run(
      fleet.firstCustomerId + c,
      company ? companyName(rng) : personName(rng),
      company ? 'company' : 'person',
      rng.chance(company ? 0.9 : 0.97) ? uniqueMobile(rng, mobiles) : null,
      rng.chance(company ? 0.6 : 0.08) ? landline(rng) : null,
      rng.chance(company ? 1 : 0.6) ? address(rng) : null,
      rng.chance(0.05) ? rng.pick(CUSTOMER_NOTES) : null,
      at,
      at,
    )
  }

  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const insertVehicle = store.prepare(
    `INSERT INTO vehicles (id, vin, vin_rev, plate, plate_tail, energy, make, model, model_year, colour, engine_no,
       first_registered_on, owner_id, odometer_km, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const insertOwner = store.prepare(
    'INSERT INTO vehicle_owners (vehicle_id, customer_id, from_at, to_at) VALUES (?, ?, ?, ?)',
  )
  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const insertReading = store.prepare(
    `INSERT INTO odometer_readings (vehicle_id, km, at, source) VALUES (?, ?, ?, 'registration')`,
  )
  const vins = new Set<string>()
  const plates = new Set<string>()
  for (let v = 0; v < fleet.vehicles; v++) {
    const spec = MODELS[fleet.model[v]!]!
    const id = fleet.firstVehicleId + v
    const reg = fleet.regDay[v]!
    const first = fleet.firstDay[v]!
    const regYear = cal.year(reg)
    const modelYear = Math.max(spec.firstYear, regYear - (rng.chance(0.25) ? 1 : 0))
    const vin = uniqueVin(rng, spec, modelYear, vins)
    // Brand-new cars may still wait for their plates.
    const plate = reg > -20 && rng.chance(0.5) ? null : uniquePlate(rng, spec, plates)
    const createdAt = cal.iso(first, rng.int(480, 1080), rng.int(0, 59))
    const last = fleet.lastDay[v]!
    const updatedAt = last === first ? createdAt : cal.iso(last, 1080)
    const prev = fleet.prevOwner[v]!
    insertVehicle.run(
      id,
      vin,
      [...vin].reverse().join(''),
      plate,
      plate ? plate.slice(1) : null,
      spec.energy,
      spec.make,
      spec.model,
      modelYear,
      rng.pick(COLOURS),
      `${spec.engine}${rng.digits(6)}`,
      cal.date(reg),
      fleet.firstCustomerId + fleet.owner[v]!,
      kmOn(fleet, v, last),
      createdAt,
      updatedAt,
    )
    if (prev >= 0) {
      const changedAt = cal.iso(fleet.changeDay[v]!, 600)
      insertOwner.run(id, fleet.firstCustomerId + prev, createdAt, changedAt)
      insertOwner.run(id, fleet.firstCustomerId + fleet.owner[v]!, changedAt, null)
    } else {
      insertOwner.run(id, fleet.firstCustomerId + fleet.owner[v]!, createdAt, null)
    }
    insertReading.run(id, kmOn(fleet, v, first), createdAt)
  }
}
