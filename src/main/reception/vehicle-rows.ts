import type { Ctx } from '../api/context'
import { notFound } from '../api/app-error'
import { preparedQuery } from '../store/query'
import type { VehicleOut } from './types'

const COLUMNS = [
  'id',
  'vin',
  'plate',
  'energy',
  'make',
  'model',
  'model_year',
  'colour',
  'engine_no',
  'first_registered_on',
  'owner_id',
  'odometer_km',
  'version',
] as const

const vehicleById = preparedQuery<{ id: number }>()((db, p) => db.selectFrom('vehicles').select(COLUMNS).where('id', '=', p.id))
const vehiclesOfOwner = preparedQuery<{ ownerId: number }>()((db, p) =>
  db.selectFrom('vehicles').select(COLUMNS).where('owner_id', '=', p.ownerId).orderBy('id'),
)

export type VehicleRow = NonNullable<ReturnType<typeof vehicleById.first>>

export function vehicleOf(row: VehicleRow): VehicleOut {
  return {
    id: row.id,
    vin: row.vin,
    plate: row.plate,
    energy: row.energy,
    make: row.make,
    model: row.model,
    modelYear: row.model_year,
    colour: row.colour,
    engineNo: row.engine_no,
    firstRegisteredOn: row.first_registered_on,
    ownerId: row.owner_id,
    odometerKm: row.odometer_km,
    version: row.version,
  }
}

export function loadVehicle(ctx: Ctx, id: number): VehicleRow {
  const row = vehicleById.first(ctx.store, { id })
  if (!row) throw notFound('entity.vehicle', id)
  return row
}

export function listOwnedVehicles(ctx: Ctx, customerId: number): VehicleOut[] {
  const rows = vehiclesOfOwner.all(ctx.store, { ownerId: customerId })
  return rows.map(vehicleOf)
}

/** The VIN read backwards, so "the last 6 of the VIN" becomes an index prefix range. */
export function reverseVin(vin: string): string {
  return [...vin].reverse().join('')
}

/** The plate without its province character: "A12345" finds "京A12345". */
export function plateTail(plate: string): string {
  return [...plate].slice(1).join('')
}
