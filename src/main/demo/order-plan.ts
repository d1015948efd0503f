import type { Fleet } from './seed-people'
import type { ShopSpec } from './shop-plan'
import type { World } from './world'

/** A closed order of the past. */
export const HISTORY = -1
/** One of today's orders at the reception desk (estimate or authorised). */
export const DESK = -2

/** Repair orders in opening order (so their numbers follow it). */
export interface OrderPlan {
  count: number
  vehicle: Int32Array
  day: Int32Array
  /** Opening time as seconds since local midnight (seconds too, so numbers follow opening order). */
  second: Int32Array
  /** HISTORY, DESK, or the index of the order's ShopSpec (a car in today's workshop). */
  role: Int16Array
  /** How many are HISTORY. */
  history: number
}

/** About 70 visits a working day, spread over one to four years. */
function spanDays(orders: number): number {
  return Math.max(365, Math.min(1460, Math.round(orders / 70)))
}

/** Sorted random minutes in [lo, hi]. */
function minutes(w: World, count: number, lo: number, hi: number): number[] {
  return Array.from({ length: count }, () => w.rng.int(lo, Math.max(lo, hi)) * 60 + w.rng.int(0, 59)).sort((a, b) => a - b)
}

export function planOrders(w: World, fleet: Fleet, shop: readonly ShopSpec[]): OrderPlan {
  const { rng, size, cal } = w
  const V = fleet.vehicles
  const total = V === 0 ? 0 : size.repairOrders
  const desk = Math.min(total, V, Math.max(6, Math.min(40, Math.round(total / 400))))
  const shopCount = Math.max(0, Math.min(shop.length, total - desk, V - desk))
  const history = total - desk - shopCount
  const span = spanDays(history)
  const vehicle = new Int32Array(total)
  const day = new Int32Array(total)
  const second = new Int32Array(total)
  const role = new Int16Array(total)
  const lastVisit = new Int32Array(V).fill(-1_000_000)
  for (let i = 0; i < history; i++) {
    let v = rng.int(0, V - 1)
    // Every planned car entered the books at least a week ago, so a day is always available.
    const lo = Math.max(fleet.firstDay[v]! + 1, -span)
    if (lo > -1) v = rng.int(0, V - 1)
    const from = Math.max(fleet.firstDay[v]! + 1, -span)
    vehicle[i] = v
    day[i] = from > -1 ? -1 : rng.int(from, -1)
    second[i] = rng.int(480 * 60, 1050 * 60)
    role[i] = HISTORY
    if (day[i]! > lastVisit[v]!) lastVisit[v] = day[i]!
  }

  // Cars still here: distinct vehicles, none of which came back after the day it checked in.
  const taken = new Set<number>()
  const freeVehicle = (onDay: number): number => {
    const fits = (v: number) => !taken.has(v) && lastVisit[v]! < onDay && fleet.firstDay[v]! < onDay
    let v = rng.int(0, V - 1)
    for (let tries = 0; tries < 200 && !fits(v); tries++) v = rng.int(0, V - 1)
    for (let step = 0; step < V && !fits(v); step++) v = (v + 1) % V
    taken.add(v)
    return v
  }
  const latest = Math.max(1, cal.nowMinute - 5)
  const shopToday = Math.max(466, Math.min(cal.nowMinute - 40, 600))
  const byDay = new Map<number, number[]>()
  for (let k = 0; k < shopCount; k++) byDay.set(shop[k]!.day, [...(byDay.get(shop[k]!.day) ?? []), k])
  let i = history
  for (const [d, ks] of byDay) {
    const times = d < 0 ? minutes(w, ks.length, 510, 900) : minutes(w, ks.length, 465, shopToday)
    ks.forEach((k, n) => {
      vehicle[i] = freeVehicle(d)
      day[i] = d
      second[i] = times[n]!
      role[i] = k
      i += 1
    })
  }
  // Today's cars at the reception desk, checked in over the morning until now.
  const earliest = Math.min(480, latest - 1)
  const deskSeconds = Array.from({ length: desk }, () => rng.int(Math.max(0, earliest) * 60, latest * 60))
  for (const s of deskSeconds) {
    vehicle[i] = freeVehicle(0)
    day[i] = 0
    second[i] = s
    role[i] = DESK
    i += 1
  }

  const order = Array.from({ length: total }, (_, k) => k).sort((a, b) => day[a]! - day[b]! || second[a]! - second[b]! || a - b)
  const plan: OrderPlan = {
    count: total,
    vehicle: new Int32Array(total),
    day: new Int32Array(total),
    second: new Int32Array(total),
    role: new Int16Array(total),
    history,
  }
  order.forEach((src, k) => {
    plan.vehicle[k] = vehicle[src]!
    plan.day[k] = day[src]!
    plan.second[k] = second[src]!
    plan.role[k] = role[src]!
  })
  for (let k = 0; k < total; k++) {
    const v = plan.vehicle[k]!
    if (plan.day[k]! > fleet.lastDay[v]!) fleet.lastDay[v] = plan.day[k]!
  }
  return plan
}
