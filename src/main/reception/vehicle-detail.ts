import type { Ctx } from '../api/context'
import type { In, Out } from './types'
import { preparedQuery } from '../store/query'
import { customerOf, loadCustomer } from './customers'
import { loadVehicle, vehicleOf } from './vehicle-rows'
import { vehicleRoSummaries } from './ro-list'

// One vehicle with everything the advisor looks at before talking to the customer: owners,
// odometer readings, repair orders and the service history (车历).

const ownersOf = preparedQuery<{ vehicleId: number }>()((db, p) =>
  db
    .selectFrom('vehicle_owners as o')
    .innerJoin('customers as c', 'c.id', 'o.customer_id')
    .select(['o.customer_id', 'c.name', 'o.from_at', 'o.to_at'])
    .where('o.vehicle_id', '=', p.vehicleId)
    .orderBy('o.from_at', 'desc')
    .orderBy('o.id', 'desc'),
)
const readingsOf = preparedQuery<{ vehicleId: number }>()((db, p) =>
  db
    .selectFrom('odometer_readings')
    .select(['km', 'at', 'source', 'override_reason'])
    .where('vehicle_id', '=', p.vehicleId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc'),
)
const visitsOf = preparedQuery<{ vehicleId: number }>()((db, p) =>
  db
    .selectFrom('repair_orders as r')
    .leftJoin('ro_lines as l', 'l.ro_id', 'r.id')
    .select(['r.id', 'r.number', 'r.opened_at', 'r.odometer_km', 'l.description'])
    .where('r.vehicle_id', '=', p.vehicleId)
    .where('r.state', '<>', 'cancelled')
    .orderBy('r.opened_at', 'desc')
    .orderBy('r.id', 'desc')
    .orderBy('l.position'),
)

export function getVehicle(ctx: Ctx, input: In<'vehicles.get'>): Out<'vehicles.get'> {
  const vehicle = loadVehicle(ctx, input.id)
  const owners = ownersOf.all(ctx.store, { vehicleId: input.id })
  const odometer = readingsOf.all(ctx.store, { vehicleId: input.id })
  const repairOrders = vehicleRoSummaries(ctx, input.id)
  return {
    vehicle: vehicleOf(vehicle),
    owner: customerOf(loadCustomer(ctx, vehicle.owner_id)),
    owners: owners.map((o) => ({ customerId: o.customer_id, name: o.name, fromAt: o.from_at, toAt: o.to_at })),
    odometer: odometer.map((r) => ({ km: r.km, at: r.at, source: r.source, overrideReason: r.override_reason })),
    repairOrders,
    history: serviceHistory(ctx, input.id),
  }
}

/** Every visit that was not cancelled, newest first, with the work written on it. */
function serviceHistory(ctx: Ctx, vehicleId: number): Out<'vehicles.get'>['history'] {
  const rows = visitsOf.all(ctx.store, { vehicleId })
  const visits: Out<'vehicles.get'>['history'] = []
  for (const row of rows) {
    let visit = visits.at(-1)
    if (visit?.roId !== row.id) {
      visit = { roId: row.id, number: row.number, openedAt: row.opened_at, odometerKm: row.odometer_km, lines: [] }
      visits.push(visit)
    }
    if (row.description !== null) visit.lines.push(row.description)
  }
  return visits
}
