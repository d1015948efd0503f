import type { Ctx } from '../api/context'
import type { In, Out } from './types'
import { customerOf, loadCustomer } from './customers'
import { loadVehicle, vehicleOf } from './vehicle-rows'
import { vehicleRoSummaries } from './ro-list'

// One vehicle with everything the advisor looks at before talking to the customer: owners,
// odometer readings, repair orders and the service history (车历).

export function getVehicle(ctx: Ctx, input: In<'vehicles.get'>): Out<'vehicles.get'> {
  const vehicle = loadVehicle(ctx, input.id)
  const owners = ctx.store
    .prepare(
      `SELECT o.customer_id, c.name, o.from_at, o.to_at FROM vehicle_owners o JOIN customers c ON c.id = o.customer_id
        WHERE o.vehicle_id = ? ORDER BY o.from_at DESC, o.id DESC`,
    )
    .all(input.id) as { customer_id: number; name: string; from_at: string; to_at: string | null }[]
  const odometer = ctx.store
    .prepare(
      `SELECT km, at, source, override_reason FROM odometer_readings WHERE vehicle_id = ? ORDER BY at DESC, id DESC`,
    )
    .all(input.id) as { km: number; at: string; source: string; override_reason: string | null }[]
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
  const rows = ctx.store
    .prepare(
      `SELECT r.id, r.number, r.opened_at, r.odometer_km, l.description
         FROM repair_orders r LEFT JOIN ro_lines l ON l.ro_id = r.id
        WHERE r.vehicle_id = ? AND r.state <> 'cancelled'
        ORDER BY r.opened_at DESC, r.id DESC, l.position`,
    )
    .all(vehicleId) as { id: number; number: string; opened_at: string; odometer_km: number; description: string | null }[]
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
