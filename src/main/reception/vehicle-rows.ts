import type { Ctx } from '../api/context'
import { notFound } from '../api/app-error'
import type { VehicleOut } from './types'

export interface VehicleRow {
  id: number
  vin: string
  plate: string | null
  energy: 'fuel' | 'new_energy'
  make: string
  model: string
  model_year: number | null
  colour: string | null
  engine_no: string | null
  first_registered_on: string | null
  owner_id: number
  odometer_km: number
  version: number
}

const COLUMNS =
  'id, vin, plate, energy, make, model, model_year, colour, engine_no, first_registered_on, owner_id, odometer_km, version'

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
  const row = ctx.store.prepare(`SELECT ${COLUMNS} FROM vehicles WHERE id = ?`).get(id) as VehicleRow | undefined
  if (!row) throw notFound('entity.vehicle', id)
  return row
}

export function listOwnedVehicles(ctx: Ctx, customerId: number): VehicleOut[] {
  const rows = ctx.store.prepare(`SELECT ${COLUMNS} FROM vehicles WHERE owner_id = ? ORDER BY id`).all(customerId) as VehicleRow[]
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
