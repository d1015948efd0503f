import type { Ctx } from '../api/context'
import { PLATE_PROVINCES, normalisePlate } from '../../shared/domain/plate'
import { normalisePhone } from '../../shared/domain/phone'
import type { In, Out } from './types'
import { reverseVin } from './vehicle-rows'
import { CLOSED_STATES } from './ro-list'
import { sql, type Kysely } from 'kysely'
import { preparedQuery, type PreparedQuery } from '../store/query'
import type { DB } from '../store/schema'

// The front desk's one search box (hot path: every keystroke at the counter). The text is
// classified, and only the queries it could mean are run, each an index range with a LIMIT, so
// the cost does not grow with the number of vehicles. Every query is compiled once at load
// (preparedQuery): a keystroke only binds values.

type Hit = Out<'reception.search'>[number]
type MatchedBy = Hit['matchedBy']

/** A branch's bound values: `from` alone for equality, `from` ≤ x < `to` for a prefix range. */
type SearchKey = { from: string; to: string }
type SearchParams = { from: string; to: string; limit: number }

const vehicleHits = (db: Kysely<DB>) =>
  db
    .selectFrom('vehicles as v')
    .innerJoin('customers as c', 'c.id', 'v.owner_id')
    .select(['v.id as vehicle_id', 'v.vin', 'v.plate', 'v.plate_tail', 'v.make', 'v.model', 'c.id as customer_id', 'c.name as customer_name', 'c.mobile'])
const customerHits = (db: Kysely<DB>) =>
  db
    .selectFrom('customers as c')
    .leftJoin('vehicles as v', 'v.owner_id', 'c.id')
    .select(['v.id as vehicle_id', 'v.vin', 'v.plate', 'v.plate_tail', 'v.make', 'v.model', 'c.id as customer_id', 'c.name as customer_name', 'c.mobile'])

/** The end of a mobile number, as the customers_mobile_tail index is written (a literal -4). */
const mobileTail = sql<string>`substr(${sql.ref('c.mobile')}, -4)`

const search = preparedQuery<SearchParams>()
// A customer's row, with or without a vehicle: every branch's rows are of this shape.
const nameHits = search((db, p) => customerHits(db).where('c.name', '>=', p.from).where('c.name', '<', p.to).orderBy('c.name').limit(p.limit))
type Row = ReturnType<typeof nameHits.all>[number]

const SEARCH: Record<SearchBranch, PreparedQuery<SearchParams, Row>> = {
  vin: search((db, p) => vehicleHits(db).where('v.vin', '=', p.from).limit(p.limit)),
  plate: search((db, p) => vehicleHits(db).where('v.plate', '>=', p.from).where('v.plate', '<', p.to).orderBy('v.plate').limit(p.limit)),
  plateTail: search((db, p) =>
    vehicleHits(db).where('v.plate_tail', '>=', p.from).where('v.plate_tail', '<', p.to).orderBy('v.plate_tail').limit(p.limit),
  ),
  vinTail: search((db, p) => vehicleHits(db).where('v.vin_rev', '>=', p.from).where('v.vin_rev', '<', p.to).orderBy('v.vin_rev').limit(p.limit)),
  mobile: search((db, p) => customerHits(db).where('c.mobile', '>=', p.from).where('c.mobile', '<', p.to).orderBy('c.mobile').limit(p.limit)),
  mobileTail: search((db, p) => customerHits(db).where(mobileTail, '=', p.from).orderBy('c.mobile').limit(p.limit)),
  name: nameHits,
}

const openRoOf = preparedQuery<{ vehicleId: number }>()((db, p) =>
  db
    .selectFrom('repair_orders')
    .select(['id', 'number'])
    .where('vehicle_id', '=', p.vehicleId)
    .where('state', 'not in', CLOSED_STATES)
    .orderBy('opened_at', 'desc')
    .limit(sql.lit(1)),
)

export type SearchBranch = 'vin' | 'plate' | 'plateTail' | 'vinTail' | 'mobile' | 'mobileTail' | 'name'

/** Every statement the search runs, as SQL; the query-plan test holds each to an index search. */
export const SEARCH_SQL: Record<SearchBranch | 'openRo', string> = {
  ...(Object.fromEntries(Object.entries(SEARCH).map(([branch, q]) => [branch, q.sql])) as Record<SearchBranch, string>),
  openRo: openRoOf.sql,
}

// Who else matches, for "20 of 57": only the keys (covering index reads, no row fetched), up to
// a cap, so the count costs a few index pages however common the text is.
const vehicleKeys = (db: Kysely<DB>) => db.selectFrom('vehicles as v').select(['v.id as vehicle_id', sql<number>`0`.as('customer_id')])
const customerKeys = (db: Kysely<DB>) =>
  db.selectFrom('customers as c').leftJoin('vehicles as v', 'v.owner_id', 'c.id').select(['v.id as vehicle_id', 'c.id as customer_id'])
type KeyRow = { vehicle_id: number | null; customer_id: number }
export const COUNT_CAP = 1_000
const COUNT: Record<SearchBranch, PreparedQuery<SearchParams, KeyRow>> = {
  vin: search((db, p) => vehicleKeys(db).where('v.vin', '=', p.from).limit(p.limit)),
  plate: search((db, p) => vehicleKeys(db).where('v.plate', '>=', p.from).where('v.plate', '<', p.to).limit(p.limit)),
  plateTail: search((db, p) => vehicleKeys(db).where('v.plate_tail', '>=', p.from).where('v.plate_tail', '<', p.to).limit(p.limit)),
  vinTail: search((db, p) => vehicleKeys(db).where('v.vin_rev', '>=', p.from).where('v.vin_rev', '<', p.to).limit(p.limit)),
  mobile: search((db, p) => customerKeys(db).where('c.mobile', '>=', p.from).where('c.mobile', '<', p.to).limit(p.limit)),
  mobileTail: search((db, p) => customerKeys(db).where(mobileTail, '=', p.from).limit(p.limit)),
  name: search((db, p) => customerKeys(db).where('c.name', '>=', p.from).where('c.name', '<', p.to).limit(p.limit)),
}
export const COUNT_SQL = Object.fromEntries(Object.entries(COUNT).map(([branch, q]) => [branch, q.sql])) as Record<SearchBranch, string>

interface Query {
  branch: SearchBranch
  matchedBy: MatchedBy
  key: SearchKey
  exact: (row: Row) => boolean
}

const VIN_CHARS = /^[A-HJ-NPR-Z0-9]+$/
const PLATE_BODY = '[A-HJ-NP-Z](?:[A-HJ-NP-Z0-9]{0,6})[学警]?'
const PROVINCE_PLATE = new RegExp(`^[${PLATE_PROVINCES}](?:${PLATE_BODY})?$`)
const PLATE_TAIL = new RegExp(`^${PLATE_BODY}$`)
const DIGITS = /^\d{3,11}$/

// Above every character a plate, VIN, phone or name can hold (also CJK, unlike '~'), so
// `x >= p AND x < p || END` is exactly "starts with p" under the BINARY collation.
const END = '\u{10FFFF}'
const prefix = (p: string): SearchKey => ({ from: p, to: p + END })
/** Equality branches bind `from` only. */
const equal = (p: string): SearchKey => ({ from: p, to: p })

/** Which queries the text could mean. A string can mean several: 'A12345' is a plate tail and a VIN tail. */
export function classify(q: string): Query[] {
  const text = q.trim()
  const n = normalisePlate(text)
  const digits = normalisePhone(text)
  const queries: Query[] = []
  if (n.length === 17 && VIN_CHARS.test(n)) {
    queries.push({ branch: 'vin', matchedBy: 'vin', key: equal(n), exact: () => true })
  }
  if (PROVINCE_PLATE.test(n)) {
    queries.push({ branch: 'plate', matchedBy: 'plate', key: prefix(n), exact: (r) => r.plate === n })
  }
  if (PLATE_TAIL.test(n)) {
    queries.push({ branch: 'plateTail', matchedBy: 'plate', key: prefix(n), exact: (r) => r.plate_tail === n })
  }
  if (n.length >= 6 && n.length <= 8 && VIN_CHARS.test(n)) {
    queries.push({ branch: 'vinTail', matchedBy: 'vin', key: prefix(reverseVin(n)), exact: () => false })
  }
  if (DIGITS.test(digits)) {
    queries.push({ branch: 'mobile', matchedBy: 'mobile', key: prefix(digits), exact: (r) => r.mobile === digits })
  }
  // The last four digits a customer reads out: matched on the end of the number.
  if (/^\d{4}$/.test(digits)) {
    queries.push({ branch: 'mobileTail', matchedBy: 'mobile', key: equal(digits), exact: () => false })
  }
  // Names also when the text starts with a Chinese character: 苏, 云, 黑 … are surnames as well
  // as the province character of a plate.
  if (queries.length === 0 || (text.codePointAt(0) ?? 0) > 0x7f) {
    queries.push({ branch: 'name', matchedBy: 'name', key: prefix(text), exact: (r) => r.customer_name === text })
  }
  return queries
}

const keyOf = (row: { vehicle_id: number | null; customer_id: number }) => (row.vehicle_id === null ? `c${row.customer_id}` : `v${row.vehicle_id}`)

/** How many vehicles (or customers without one) the text finds in all, up to COUNT_CAP. */
export function countReception(ctx: Ctx, q: string): { total: number; capped: boolean } {
  const keys = new Set<string>()
  for (const query of classify(q)) {
    const rows = COUNT[query.branch].all(ctx.store, { ...query.key, limit: COUNT_CAP + 1 })
    for (const row of rows) keys.add(keyOf(row))
    if (keys.size > COUNT_CAP) break
  }
  return { total: Math.min(keys.size, COUNT_CAP), capped: keys.size > COUNT_CAP }
}

/** The hits and how many there are in all: the desk shows "20 of 57" and can ask for more. */
export function findReception(ctx: Ctx, input: In<'reception.find'>): Out<'reception.find'> {
  const hits = searchReception(ctx, input)
  if (hits.length < input.limit) return { hits, total: hits.length, capped: false }
  const { total, capped } = countReception(ctx, input.q)
  return { hits, total: Math.max(total, hits.length), capped }
}

export function searchReception(ctx: Ctx, input: In<'reception.search'>): Hit[] {
  const byKey = new Map<string, { hit: Hit; exact: boolean; order: number }>()
  for (const query of classify(input.q)) {
    const rows = SEARCH[query.branch].all(ctx.store, { ...query.key, limit: input.limit })
    for (const row of rows) {
      // One hit per vehicle (or per customer without one), however many queries found it.
      const key = keyOf(row)
      const exact = query.exact(row)
      const existing = byKey.get(key)
      if (existing) existing.exact ||= exact
      else byKey.set(key, { hit: hitOf(row, query.matchedBy), exact, order: byKey.size })
    }
  }
  const ranked = [...byKey.values()]
  ranked.sort((a, b) => Number(b.exact) - Number(a.exact) || a.order - b.order)
  const hits = ranked.slice(0, input.limit).map((r) => r.hit)
  for (const hit of hits) {
    if (hit.vehicleId === null) continue
    const ro = openRoOf.first(ctx.store, { vehicleId: hit.vehicleId })
    hit.openRoId = ro?.id ?? null
    hit.openRoNumber = ro?.number ?? null
  }
  return hits
}

function hitOf(row: Row, matchedBy: MatchedBy): Hit {
  return {
    vehicleId: row.vehicle_id,
    vin: row.vin,
    plate: row.plate,
    make: row.make,
    model: row.model,
    customerId: row.customer_id,
    customerName: row.customer_name,
    mobile: row.mobile,
    openRoId: null,
    openRoNumber: null,
    matchedBy,
  }
}
