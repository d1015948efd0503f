import { formatRoNumber } from '../../shared/domain/ro-number'
import type { RoState } from '../../shared/domain/ro-state'
import type { RoType } from '../../shared/domain/ro-type'
import { MODELS } from './vehicle-data'
import { kmOn, type Fleet } from './seed-people'
import { contentHash } from '../reception/ro-content'
import { CONCERNS, RO_TYPE_DRAW, linesFor, totalsOfLines, type DemoLine } from './order-lines'
import type { World } from './world'

/** Repair orders in time order: closed history first, then today's open orders. */
export interface OrderPlan {
  count: number
  vehicle: Int32Array
  day: Int32Array
  /** Opening time as seconds since local midnight (seconds too, so numbers follow opening order). */
  second: Int32Array
  /** Index of the first of today's open orders; everything before is closed history. */
  openFrom: number
}

/** About 70 visits a working day, spread over one to four years. */
function spanDays(orders: number): number {
  return Math.max(365, Math.min(1460, Math.round(orders / 70)))
}

export function planOrders(w: World, fleet: Fleet): OrderPlan {
  const { rng, size, cal } = w
  const V = fleet.vehicles
  const total = V === 0 ? 0 : size.repairOrders
  const open = Math.min(total, V, Math.max(6, Math.min(40, Math.round(total / 400))))
  const history = total - open
  const span = spanDays(history)
  const hv = new Int32Array(history)
  const hd = new Int32Array(history)
  const hm = new Int32Array(history)
  for (let i = 0; i < history; i++) {
    let v = rng.int(0, V - 1)
    // Every planned car entered the books at least a week ago, so a day is always available.
    const lo = Math.max(fleet.firstDay[v]! + 1, -span)
    if (lo > -1) v = rng.int(0, V - 1)
    const from = Math.max(fleet.firstDay[v]! + 1, -span)
    hv[i] = v
    hd[i] = from > -1 ? -1 : rng.int(from, -1)
    hm[i] = rng.int(480 * 60, 1050 * 60)
  }
  const order = Array.from({ length: history }, (_, i) => i).sort((a, b) => hd[a]! - hd[b]! || hm[a]! - hm[b]!)
  const plan: OrderPlan = {
    count: total,
    vehicle: new Int32Array(total),
    day: new Int32Array(total),
    second: new Int32Array(total),
    openFrom: history,
  }
  order.forEach((src, i) => {
    plan.vehicle[i] = hv[src]!
    plan.day[i] = hd[src]!
    plan.second[i] = hm[src]!
  })
  // Today's cars at the desk: distinct vehicles, checked in over the morning until now.
  const taken = new Set<number>()
  const latest = Math.max(1, cal.nowMinute - 5)
  const earliest = Math.min(480, latest - 1)
  const openSeconds = Array.from({ length: open }, () => rng.int(Math.max(0, earliest) * 60, latest * 60)).sort((a, b) => a - b)
  for (let k = 0; k < open; k++) {
    let v = rng.int(0, V - 1)
    while (taken.has(v)) v = (v + 1) % V
    taken.add(v)
    const i = history + k
    plan.vehicle[i] = v
    plan.day[i] = 0
    plan.second[i] = openSeconds[k]!
  }
  for (let i = 0; i < total; i++) {
    const v = plan.vehicle[i]!
    if (plan.day[i]! > fleet.lastDay[v]!) fleet.lastDay[v] = plan.day[i]!
  }
  return plan
}

export interface OpenOrder {
  id: number
  vehicleId: number
  customerId: number
  advisorId: number
}

/** Writes every planned repair order with lines, authorisation and check-in reading; sets the year sequences. */
export function insertOrders(w: World, fleet: Fleet, plan: OrderPlan): OpenOrder[] {
  const { store, rng, cal } = w
  const insertRo = store.prepare(
    `INSERT INTO repair_orders (id, number, type, state, customer_id, vehicle_id, advisor_id, odometer_km, fuel_eighths,
       concerns, promised_at, return_old_parts, net_fen, vat_fen, gross_fen, content_hash, opened_at, completed_at,
       settled_at, delivered_at, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertLine = store.prepare(
    `INSERT INTO ro_lines (ro_id, position, kind, op_code, part_id, description, quantity_milli, unit_price_fen,
       amount_fen, payer, vat_rate_bp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertAuth = store.prepare(
    `INSERT INTO ro_authorisations (ro_id, content_hash, gross_fen, method, authorised_by, note, recorded_by, at)
     VALUES (?, ?, ?, ?, ?, '', ?, ?)`,
  )
  const insertReading = store.prepare(
    `INSERT INTO odometer_readings (vehicle_id, km, at, source, ro_id) VALUES (?, ?, ?, 'check_in', ?)`,
  )
  const customerName = store.prepare('SELECT name FROM customers WHERE id = ?').pluck()
  const firstId = (store.prepare('SELECT coalesce(max(id), 0) AS n FROM repair_orders').get() as { n: number }).n + 1
  const seqByYear = new Map<number, number>()
  for (const row of store.prepare(`SELECT name, value FROM sequences WHERE name LIKE 'ro:%'`).all() as { name: string; value: number }[]) {
    seqByYear.set(Number(row.name.slice(3)), row.value)
  }
  const open: OpenOrder[] = []

  for (let i = 0; i < plan.count; i++) {
    const v = plan.vehicle[i]!
    const day = plan.day[i]!
    const second = plan.second[i]!
    const minute = Math.floor(second / 60)
    const isOpen = i >= plan.openFrom
    const id = firstId + i
    const year = cal.year(day)
    const seq = (seqByYear.get(year) ?? 0) + 1
    seqByYear.set(year, seq)
    const prev = fleet.prevOwner[v]!
    const owner = prev >= 0 && day < fleet.changeDay[v]! ? prev : fleet.owner[v]!
    const customerId = fleet.firstCustomerId + owner
    const vehicleId = fleet.firstVehicleId + v
    const advisorId = rng.pick(w.advisorIds)
    const spec = MODELS[fleet.model[v]!]!
    const type: RoType = RO_TYPE_DRAW(rng)
    // An open order may still be waiting for its estimate.
    const lines: DemoLine[] = isOpen && rng.chance(0.25) ? [] : linesFor(w, rng, type, spec.energy === 'new_energy')
    const totals = totalsOfLines(lines)
    // The reception desk's own fingerprint, so an approval recorded here counts there.
    const hash = contentHash(type, lines)
    const km = kmOn(fleet, v, day)
    const openedAt = cal.iso(day, minute, second % 60)
    const labourMinutes = lines.reduce((sum, l) => sum + (l.kind === 'labour' ? (l.quantityMilli * 60) / 1000 : 0), 0)
    const doneMinute = minute + 30 + Math.round(labourMinutes) + rng.int(20, 120)
    const promisedAt = cal.iso(day, Math.min(1380, Math.max(minute + 60, Math.min(1140, doneMinute + 30))))
    let state: RoState
    let completedAt: string | null = null
    let settledAt: string | null = null
    let deliveredAt: string | null = null
    if (isOpen) {
      state = lines.length > 0 && rng.chance(0.5) ? 'authorised' : 'estimate'
    } else {
      // Insurance jobs wait for the assessor and the claim; long jobs run into the next morning.
      let doneDay = day
      let doneMin = doneMinute
      if (type === 'insurance') {
        doneDay = day + rng.int(1, 12)
        doneMin = rng.int(540, 1020)
      } else if (doneMin > 1110) {
        doneDay = day + 1
        doneMin = Math.min(1020, 510 + (doneMin - 1110))
      }
      if (doneDay > -1) {
        doneDay = Math.max(day, -1)
        doneMin = Math.min(doneMin, 1110)
      }
      if (doneDay === day) doneMin = Math.max(doneMin, Math.min(doneMinute, 1110))
      const settleMin = doneMin + rng.int(10, 40)
      completedAt = cal.iso(doneDay, doneMin)
      settledAt = cal.iso(doneDay, settleMin)
      const pickedUp = !(doneDay === -1 && rng.chance(0.3))
      state = pickedUp ? 'delivered' : 'settled'
      if (pickedUp) deliveredAt = cal.iso(doneDay, settleMin + rng.int(5, 20))
    }
    const concerns = rng.pick(CONCERNS[type])
    const updatedAt = deliveredAt ?? settledAt ?? openedAt
    insertRo.run(
      id, formatRoNumber(year, seq), type, state, customerId, vehicleId, advisorId, km, rng.int(1, 8),
      type === 'maintenance' ? `${concerns}（${Math.round(km / 1000) * 1000}公里）` : concerns,
      promisedAt, type === 'warranty' ? 1 : rng.chance(0.1) ? 1 : 0,
      totals.netFen, totals.vatFen, totals.grossFen, hash, openedAt, completedAt, settledAt, deliveredAt,
      openedAt, updatedAt, isOpen ? 1 : 6,
    )
    lines.forEach((l, position) => {
      insertLine.run(id, position + 1, l.kind, l.opCode, l.partId, l.description, l.quantityMilli, l.unitPriceFen, l.amountFen, l.payer, l.vatRateBp)
    })
    if (lines.length > 0 && state !== 'estimate') {
      const name = customerName.get(customerId) as string
      insertAuth.run(id, hash, totals.grossFen, rng.chance(0.7) ? 'in_person' : 'phone', name, advisorId, cal.iso(day, day === 0 ? Math.min(minute + 15, cal.nowMinute) : minute + 15))
    }
    insertReading.run(vehicleId, km, openedAt, id)
    if (isOpen) open.push({ id, vehicleId, customerId, advisorId })
  }

  const upsertSeq = store.prepare('INSERT INTO sequences (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = excluded.value')
  for (const [year, seq] of seqByYear) upsertSeq.run(`ro:${year}`, seq)
  return open
}
