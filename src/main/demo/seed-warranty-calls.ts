import type { World } from './world'
import { addDays, addMonthsToDate } from '../../shared/domain/calendar'
import { EXPIRY_MILESTONES_MONTHS } from '../../shared/domain/warranty-calls'
import { all, first, run } from '../store/query'

// The warranty clerk's call list on the demo's today: a few cars whose delivery date (recorded by
// the clerk as their warranty start) puts one of the manual's milestones 3 to 28 days ahead, so
// their coverage-expiry calls are due today (the list computes them on its first read).

const CARS = 8

export function seedWarrantyCalls(world: World, today: string, nowIso: string): void {
  const { store, rng } = world
  const db = store.db
  const clerk = first(store, db.selectFrom('users').select('id').where('role', '=', 'warranty_clerk').orderBy('id').limit(1))
  const cars = all(
    store,
    db
      .selectFrom('vehicles as v')
      .innerJoin('customers as c', 'c.id', 'v.owner_id')
      .select('v.id')
      .where('c.mobile', 'is not', null)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('warranty_starts as s').select('s.vehicle_id').whereRef('s.vehicle_id', '=', 'v.id'))))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('appointments as a').select('a.id').whereRef('a.vehicle_id', '=', 'v.id').where('a.status', '=', 'booked'))))
      .orderBy('v.id')
      .limit(CARS * 20),
  )
  for (let i = 0; i < CARS && i * 20 < cars.length; i++) {
    const vehicle = cars[i * 20]!
    const months = EXPIRY_MILESTONES_MONTHS[i % EXPIRY_MILESTONES_MONTHS.length]!
    const startsOn = addMonthsToDate(addDays(today, rng.int(3, 28)), -months)
    run(store, db.insertInto('warranty_starts').values({ vehicle_id: vehicle.id, starts_on: startsOn, recorded_by: clerk?.id ?? null, recorded_at: nowIso }))
  }
}
