import { formatRoNumber } from '../../shared/domain/ro-number'
import type { RoState } from '../../shared/domain/ro-state'
import type { RoType } from '../../shared/domain/ro-type'
import { MODELS } from './vehicle-data'
import { kmOn, type Fleet } from './seed-people'
import { contentHash } from '../repair-order/content-hash'
import { CONCERNS, RO_TYPE_DRAW, carOf, linesFor, linesOfJobs, totalsOfLines, type DemoLine } from './order-lines'
import { DESK, HISTORY, type OrderPlan } from './order-plan'
import type { ShopSpec } from './shop-plan'
import type { World } from './world'
import { all, first, run } from '../store/query'

/**
 * History orders from here on (the most recent ones) are written as ready for delivery and then
 * settled and delivered through the cashier's services; older ones are written closed. Settling
 * by the services costs about a millisecond an order, so the biggest benchmark sets keep only
 * their latest months of invoices.
 */
export const SETTLED_BY_SERVICE = 12_000

export interface OpenOrder {
  id: number
  vehicleId: number
  customerId: number
  advisorId: number
  day: number
  /** The car's scene in today's workshop, or null for an order still at the desk. */
  shop: ShopSpec | null
  openedAt: string
}

/** A closed order still to go through the cashier: when it was settled and collected. */
export interface PendingSettlement {
  roId: number
  settledAt: string
  deliveredAt: string | null
}

export interface InsertedOrders {
  open: OpenOrder[]
  settle: PendingSettlement[]
}

/** Writes every planned repair order with lines, authorisation and check-in reading; sets the year sequences. */
export function insertOrders(w: World, fleet: Fleet, plan: OrderPlan, shop: readonly ShopSpec[]): InsertedOrders {
  const { store, rng, cal } = w
  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const insertRo = store.prepare(
    `INSERT INTO repair_orders (id, number, type, state, customer_id, vehicle_id, advisor_id, odometer_km, fuel_eighths,
       concerns, promised_at, return_old_parts, net_fen, vat_fen, gross_fen, content_hash, opened_at, completed_at,
       settled_at, delivered_at, created_at, updated_at, version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const insertLine = store.prepare(
    `INSERT INTO ro_lines (ro_id, position, kind, op_code, part_id, description, quantity_milli, unit_price_fen,
       amount_fen, payer, vat_rate_bp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const insertAuth = store.prepare(
    `INSERT INTO ro_authorisations (ro_id, content_hash, gross_fen, method, authorised_by, note, recorded_by, at)
     VALUES (?, ?, ?, ?, ?, '', ?, ?)`,
  )
  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const insertReading = store.prepare(
    `INSERT INTO odometer_readings (vehicle_id, km, at, source, ro_id) VALUES (?, ?, ?, 'check_in', ?)`,
  )
  // raw SQL: bulk generator speed — a lookup run for every replayed order or action
  const customerName = store.prepare('SELECT name FROM customers WHERE id = ?').pluck()
  const firstId = (first(store, store.db.selectFrom('repair_orders').select((eb) => eb.fn.coalesce(eb.fn.max('id'), eb.lit(0)).as('n')))?.n ?? 0) + 1
  const seqByYear = new Map<number, number>()
  for (const row of all(store, store.db.selectFrom('sequences').select(['name', 'value']).where('name', 'like', 'ro:%'))) {
    seqByYear.set(Number(row.name.slice(3)), row.value)
  }
  const open: OpenOrder[] = []
  const settle: PendingSettlement[] = []
  const settleFrom = plan.history - SETTLED_BY_SERVICE
  let historyIndex = 0

  for (let i = 0; i < plan.count; i++) {
    const v = plan.vehicle[i]!
    const day = plan.day[i]!
    const second = plan.second[i]!
    const minute = Math.floor(second / 60)
    const role = plan.role[i]!
    const spec = role >= 0 ? shop[role]! : null
    const isOpen = role !== HISTORY
    const id = firstId + i
    const year = cal.year(day)
    const seq = (seqByYear.get(year) ?? 0) + 1
    seqByYear.set(year, seq)
    const prev = fleet.prevOwner[v]!
    const owner = prev >= 0 && day < fleet.changeDay[v]! ? prev : fleet.owner[v]!
    const customerId = fleet.firstCustomerId + owner
    const vehicleId = fleet.firstVehicleId + v
    const advisorId = rng.pick(w.advisorIds)
    const model = MODELS[fleet.model[v]!]!
    const type: RoType = spec?.type ?? RO_TYPE_DRAW(rng)
    // An order at the desk may still be waiting for its estimate; a car in the shop has its work.
    const lines: DemoLine[] =
      role === DESK && rng.chance(0.25)
        ? []
        : spec?.jobs
          ? linesOfJobs(w, rng, spec.jobs, type, carOf(model))
          : linesFor(w, rng, type, carOf(model))
    const totals = totalsOfLines(lines)
    // The reception desk's own fingerprint, so an approval recorded here counts there.
    const hash = contentHash(type, lines)
    const km = kmOn(fleet, v, day)
    const openedAt = cal.iso(day, minute, second % 60)
    const labourMinutes = lines.reduce((sum, l) => sum + (l.kind === 'labour' ? (l.quantityMilli * 60) / 1000 : 0), 0)
    const doneMinute = minute + 30 + Math.round(labourMinutes) + rng.int(20, 120)
    const promisedAt = spec
      ? spec.promisedOn
        ? cal.iso(spec.promisedOn[0], spec.promisedOn[1])
        : inMinutes(w, spec.promiseIn)
      : cal.iso(day, Math.min(1380, Math.max(minute + 60, Math.min(1140, doneMinute + 30))))
    let state: RoState
    let completedAt: string | null = null
    let settledAt: string | null = null
    let deliveredAt: string | null = null
    if (spec) {
      state = 'authorised'
    } else if (isOpen) {
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
      if (historyIndex++ >= settleFrom) {
        settle.push({ roId: id, settledAt, deliveredAt })
        state = 'ready'
        settledAt = null
        deliveredAt = null
      }
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
    if (isOpen) open.push({ id, vehicleId, customerId, advisorId, day, shop: spec, openedAt })
  }

  for (const [year, seq] of seqByYear) {
    run(store, store.db.insertInto('sequences').values({ name: `ro:${year}`, value: seq }).onConflict((oc) => oc.column('name').doUpdateSet({ value: seq })))
  }
  return { open, settle }
}

/** Local time `offset` minutes from now (the calendar's day boundaries taken into account). */
function inMinutes(w: World, offset: number): string {
  const total = w.cal.nowMinute + offset
  const day = Math.floor(total / 1440)
  return w.cal.iso(day, total - day * 1440)
}
