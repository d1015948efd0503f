import type { Ctx } from '../api/context'
import { PLATE_PROVINCES, normalisePlate } from '../../shared/domain/plate'
import { normalisePhone } from '../../shared/domain/phone'
import type { In, Out } from './types'
import { reverseVin } from './vehicle-rows'
import { CLOSED_STATES_SQL } from './ro-list'

// The front desk's one search box (hot path: every keystroke at the counter). The text is
// classified, and only the queries it could mean are run, each an index range with a LIMIT, so
// the cost does not grow with the number of vehicles. Raw prepared statements: no query building.

type Hit = Out<'reception.search'>[number]
type MatchedBy = Hit['matchedBy']

const VEHICLE_HIT = `SELECT v.id AS vehicle_id, v.vin, v.plate, v.plate_tail, v.make, v.model,
       c.id AS customer_id, c.name AS customer_name, c.mobile
  FROM vehicles v JOIN customers c ON c.id = v.owner_id`
const CUSTOMER_HIT = `SELECT v.id AS vehicle_id, v.vin, v.plate, v.plate_tail, v.make, v.model,
       c.id AS customer_id, c.name AS customer_name, c.mobile
  FROM customers c LEFT JOIN vehicles v ON v.owner_id = c.id`

/** Every statement the search runs; the query-plan test holds each to an index search. */
export const SEARCH_SQL = {
  vin: `${VEHICLE_HIT} WHERE v.vin = ? LIMIT ?`,
  plate: `${VEHICLE_HIT} WHERE v.plate >= ? AND v.plate < ? ORDER BY v.plate LIMIT ?`,
  plateTail: `${VEHICLE_HIT} WHERE v.plate_tail >= ? AND v.plate_tail < ? ORDER BY v.plate_tail LIMIT ?`,
  vinTail: `${VEHICLE_HIT} WHERE v.vin_rev >= ? AND v.vin_rev < ? ORDER BY v.vin_rev LIMIT ?`,
  mobile: `${CUSTOMER_HIT} WHERE c.mobile >= ? AND c.mobile < ? ORDER BY c.mobile LIMIT ?`,
  mobileTail: `${CUSTOMER_HIT} WHERE substr(c.mobile, -4) = ? ORDER BY c.mobile LIMIT ?`,
  name: `${CUSTOMER_HIT} WHERE c.name >= ? AND c.name < ? ORDER BY c.name LIMIT ?`,
  openRo: `SELECT id, number FROM repair_orders
            WHERE vehicle_id = ? AND state NOT IN ${CLOSED_STATES_SQL} ORDER BY opened_at DESC LIMIT 1`,
} as const

export type SearchBranch = Exclude<keyof typeof SEARCH_SQL, 'openRo'>

// Who else matches, for "20 of 57": only the keys (covering index reads, no row fetched), up to
// a cap, so the count costs a few index pages however common the text is.
const VEHICLE_KEY = `SELECT v.id AS vehicle_id, 0 AS customer_id FROM vehicles v`
const CUSTOMER_KEY = `SELECT v.id AS vehicle_id, c.id AS customer_id FROM customers c LEFT JOIN vehicles v ON v.owner_id = c.id`
export const COUNT_CAP = 1_000
export const COUNT_SQL: Record<SearchBranch, string> = {
  vin: `${VEHICLE_KEY} WHERE v.vin = ? LIMIT ?`,
  plate: `${VEHICLE_KEY} WHERE v.plate >= ? AND v.plate < ? LIMIT ?`,
  plateTail: `${VEHICLE_KEY} WHERE v.plate_tail >= ? AND v.plate_tail < ? LIMIT ?`,
  vinTail: `${VEHICLE_KEY} WHERE v.vin_rev >= ? AND v.vin_rev < ? LIMIT ?`,
  mobile: `${CUSTOMER_KEY} WHERE c.mobile >= ? AND c.mobile < ? LIMIT ?`,
  mobileTail: `${CUSTOMER_KEY} WHERE substr(c.mobile, -4) = ? LIMIT ?`,
  name: `${CUSTOMER_KEY} WHERE c.name >= ? AND c.name < ? LIMIT ?`,
}

interface Row {
  vehicle_id: number | null
  vin: string | null
  plate: string | null
  plate_tail: string | null
  make: string | null
  model: string | null
  customer_id: number
  customer_name: string
  mobile: string | null
}

interface Query {
  branch: SearchBranch
  matchedBy: MatchedBy
  /** Bound values before the LIMIT: one for equality, two for a prefix range. */
  params: string[]
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
const prefix = (p: string) => [p, p + END]

/** Which queries the text could mean. A string can mean several: 'A12345' is a plate tail and a VIN tail. */
export function classify(q: string): Query[] {
  const text = q.trim()
  const n = normalisePlate(text)
  const digits = normalisePhone(text)
  const queries: Query[] = []
  if (n.length === 17 && VIN_CHARS.test(n)) {
    queries.push({ branch: 'vin', matchedBy: 'vin', params: [n], exact: () => true })
  }
  if (PROVINCE_PLATE.test(n)) {
    queries.push({ branch: 'plate', matchedBy: 'plate', params: prefix(n), exact: (r) => r.plate === n })
  }
  if (PLATE_TAIL.test(n)) {
    queries.push({ branch: 'plateTail', matchedBy: 'plate', params: prefix(n), exact: (r) => r.plate_tail === n })
  }
  if (n.length >= 6 && n.length <= 8 && VIN_CHARS.test(n)) {
    queries.push({ branch: 'vinTail', matchedBy: 'vin', params: prefix(reverseVin(n)), exact: () => false })
  }
  if (DIGITS.test(digits)) {
    queries.push({ branch: 'mobile', matchedBy: 'mobile', params: prefix(digits), exact: (r) => r.mobile === digits })
  }
  // The last four digits a customer reads out: matched on the end of the number.
  if (/^\d{4}$/.test(digits)) {
    queries.push({ branch: 'mobileTail', matchedBy: 'mobile', params: [digits], exact: () => false })
  }
  // Names also when the text starts with a Chinese character: 苏, 云, 黑 … are surnames as well
  // as the province character of a plate.
  if (queries.length === 0 || (text.codePointAt(0) ?? 0) > 0x7f) {
    queries.push({ branch: 'name', matchedBy: 'name', params: prefix(text), exact: (r) => r.customer_name === text })
  }
  return queries
}

const keyOf = (row: { vehicle_id: number | null; customer_id: number }) => (row.vehicle_id === null ? `c${row.customer_id}` : `v${row.vehicle_id}`)

/** How many vehicles (or customers without one) the text finds in all, up to COUNT_CAP. */
export function countReception(ctx: Ctx, q: string): { total: number; capped: boolean } {
  const keys = new Set<string>()
  for (const query of classify(q)) {
    const rows = ctx.store.prepare(COUNT_SQL[query.branch]).all(...query.params, COUNT_CAP + 1) as { vehicle_id: number | null; customer_id: number }[]
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
    const rows = ctx.store.prepare(SEARCH_SQL[query.branch]).all(...query.params, input.limit) as Row[]
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
  const openRo = ctx.store.prepare(SEARCH_SQL.openRo)
  for (const hit of hits) {
    if (hit.vehicleId === null) continue
    const ro = openRo.get(hit.vehicleId) as { id: number; number: string } | undefined
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
