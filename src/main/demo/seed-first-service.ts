import type { World } from './world'
import { addDays, addMonthsToDate } from '../../shared/domain/calendar'
import { all, first, run } from '../store/query'

// First service (首保) on the demo's today. The generated cars' first registrations already give
// windows that closed unserved; the warranty clerk also recorded delivery dates (warranty starts):
// - DUE new cars (low odometer, never in the workshop) whose 6-month window closes 3 to 27 days
//   from today, so their first-service calls are due today;
// - SERVED cars whose first maintenance RO came 1 to 5 months after their delivery, so the past
//   months' return rate has first services done.
// The windows and calls themselves are worked out by the warranty desk's refresh (the sweep's rule
// or the list's first read), never written here.

const DUE = 6
const SERVED = 150

export function seedFirstService(world: World, today: string, nowIso: string): void {
  const { store, rng } = world
  const db = store.db
  const clerk = first(store, db.selectFrom('users').select('id').where('role', '=', 'warranty_clerk').orderBy('id').limit(1))
  const fresh = all(
    store,
    db
      .selectFrom('vehicles as v')
      .innerJoin('customers as c', 'c.id', 'v.owner_id')
      .select('v.id')
      .where('c.mobile', 'is not', null)
      .where('v.odometer_km', '<', 3_000)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('repair_orders as r').select('r.id').whereRef('r.vehicle_id', '=', 'v.id'))))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('warranty_starts as s').select('s.vehicle_id').whereRef('s.vehicle_id', '=', 'v.id'))))
      .orderBy('v.id')
      .limit(DUE * 4),
  )
  const record = (vehicleId: number, startsOn: string) =>
    run(store, db.insertInto('warranty_starts').values({ vehicle_id: vehicleId, starts_on: startsOn, recorded_by: clerk?.id ?? null, recorded_at: nowIso }))
  for (let i = 0; i < DUE && i * 4 < fresh.length; i++) record(fresh[i * 4]!.id, addMonthsToDate(addDays(today, rng.int(3, 27)), -6))

  const served = all(
    store,
    db
      .selectFrom('repair_orders as r')
      .select(['r.vehicle_id'])
      .select((eb) => eb.fn.min('r.opened_at').as('first_at'))
      .where('r.type', '=', 'maintenance')
      .where('r.state', '!=', 'cancelled')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('warranty_starts as s').select('s.vehicle_id').whereRef('s.vehicle_id', '=', 'r.vehicle_id'))))
      .groupBy('r.vehicle_id')
      .having((eb) => eb.fn.min('r.opened_at'), '>=', addMonthsToDate(today, -11))
      .having((eb) => eb.fn.min('r.opened_at'), '<', addMonthsToDate(today, -1))
      .orderBy('r.vehicle_id')
      .limit(SERVED),
  )
  for (const s of served) record(s.vehicle_id, addMonthsToDate(s.first_at.slice(0, 10), -rng.int(1, 5)))
}
