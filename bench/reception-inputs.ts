import type Database from 'better-sqlite3'
import type { Rng } from '../src/main/demo/random'

// Inputs for the reception measurements, drawn from the generated data so every query finds
// something, in the mix a front desk types: VIN tails, full plates, plates without the province,
// mobile prefixes and surnames.

export const QUERY_KINDS = ['vin_tail', 'plate', 'plate_tail', 'mobile_prefix', 'surname'] as const
export type QueryKind = (typeof QUERY_KINDS)[number]

export interface SearchQuery {
  kind: QueryKind
  q: string
}

interface Sample {
  vin: string
  plate: string | null
  mobile: string | null
  name: string
  kind: string
}

export function sampleQueries(db: Database.Database, rng: Rng, perKind: number): SearchQuery[] {
  const maxId = db.prepare('SELECT max(id) FROM vehicles').pluck().get() as number
  const row = db.prepare(
    `SELECT v.vin, v.plate, c.mobile, c.name, c.kind FROM vehicles v JOIN customers c ON c.id = v.owner_id WHERE v.id = ?`,
  )
  const byKind = new Map<QueryKind, string[]>(QUERY_KINDS.map((k) => [k, []]))
  const want = (k: QueryKind) => (byKind.get(k)?.length ?? 0) < perKind
  const add = (k: QueryKind, q: string) => {
    if (want(k)) byKind.get(k)?.push(q)
  }
  for (let guard = 0; QUERY_KINDS.some(want) && guard < perKind * 50; guard++) {
    const s = row.get(rng.int(1, maxId)) as Sample | undefined
    if (!s) continue
    add('vin_tail', s.vin.slice(-6))
    if (s.plate) {
      add('plate', s.plate)
      add('plate_tail', s.plate.slice(1))
    }
    if (s.mobile) add('mobile_prefix', s.mobile.slice(0, 7))
    if (s.kind === 'person') add('surname', s.name.slice(0, 1))
  }
  // Interleaved, so every stretch of iterations carries the whole mix.
  const queries: SearchQuery[] = []
  for (let i = 0; i < perKind; i++) {
    for (const kind of QUERY_KINDS) {
      const q = byKind.get(kind)?.[i]
      if (q !== undefined) queries.push({ kind, q })
    }
  }
  return queries
}

export interface CheckInInput {
  vehicleId: number
  odometerKm: number
}

/** Vehicles without an open repair order, to check in once each. */
export function sampleCheckIns(db: Database.Database, rng: Rng, count: number): CheckInInput[] {
  const maxId = db.prepare('SELECT max(id) FROM vehicles').pluck().get() as number
  const vehicle = db.prepare('SELECT id, odometer_km FROM vehicles WHERE id = ?')
  const open = db.prepare(`SELECT 1 FROM repair_orders WHERE vehicle_id = ? AND state NOT IN ('settled', 'delivered', 'cancelled')`)
  const seen = new Set<number>()
  const out: CheckInInput[] = []
  for (let guard = 0; out.length < count && guard < count * 20; guard++) {
    const id = rng.int(1, maxId)
    if (seen.has(id) || open.get(id)) continue
    seen.add(id)
    const v = vehicle.get(id) as { id: number; odometer_km: number } | undefined
    if (v) out.push({ vehicleId: v.id, odometerKm: v.odometer_km + rng.int(50, 3000) })
  }
  return out
}

export interface EstimateLine {
  kind: 'labour' | 'part'
  opCode?: string
  partId?: number
  description: string
  quantityMilli: number
  unitPriceFen: number
  payer: 'customer'
}

/** 3–6 estimate lines: one or two labour operations and parts from the active catalogue. */
export function estimateLines(db: Database.Database, rng: Rng, labourRateFen: number): () => EstimateLine[] {
  const ops = db.prepare('SELECT code, description, flat_hours_milli FROM labour_operations WHERE active = 1').all() as {
    code: string
    description: string
    flat_hours_milli: number
  }[]
  const parts = db.prepare('SELECT id, name, price_fen FROM parts WHERE active = 1 ORDER BY id LIMIT 2000').all() as {
    id: number
    name: string
    price_fen: number
  }[]
  return () => {
    const count = rng.int(3, 6)
    const labour = rng.int(1, 2)
    return Array.from({ length: count }, (_, i): EstimateLine => {
      if (i < labour) {
        const op = rng.pick(ops)
        return { kind: 'labour', opCode: op.code, description: op.description, quantityMilli: op.flat_hours_milli, unitPriceFen: labourRateFen, payer: 'customer' }
      }
      const part = rng.pick(parts)
      return { kind: 'part', partId: part.id, description: part.name, quantityMilli: rng.pick([1000, 2000, 4000]), unitPriceFen: part.price_fen, payer: 'customer' }
    })
  }
}
