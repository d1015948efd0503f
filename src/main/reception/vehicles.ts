import type { Ctx, UserCtx } from '../api/context'
import { fieldError } from '../api/app-error'
import { checkPlate } from '../../shared/domain/plate'
import { preparedQuery } from '../store/query'
import type { In, VehicleOut } from './types'
import { createCustomer, emptyToNull, loadCustomer } from './customers'
import { recordReading } from './odometer'
import { loadVehicle, plateTail, reverseVin, vehicleOf } from './vehicle-rows'
import { expectVersion, updateVersioned, type VersionedSet } from '../api/versioned'

// Vehicles (车辆): one record per VIN, one plate per vehicle, and an ownership history so a car
// sold on keeps its service history (车历) while the new owner is billed.

const vehicleOfVin = preparedQuery<{ vin: string }>()((db, p) => db.selectFrom('vehicles').select('id').where('vin', '=', p.vin))
const vehicleOfPlate = preparedQuery<{ plate: string }>()((db, p) => db.selectFrom('vehicles').select('id').where('plate', '=', p.plate))
const insertOwnership = preparedQuery<{ vehicleId: number; customerId: number; fromAt: string; recordedBy: number }>()((db, p) =>
  db.insertInto('vehicle_owners').values({ vehicle_id: p.vehicleId, customer_id: p.customerId, from_at: p.fromAt, recorded_by: p.recordedBy }),
)
const closeOwnership = preparedQuery<{ toAt: string; vehicleId: number }>()((db, p) =>
  db.updateTable('vehicle_owners').set({ to_at: p.toAt }).where('vehicle_id', '=', p.vehicleId).where('to_at', 'is', null),
)
const insertVehicle = preparedQuery<{
  vin: string
  vinRev: string
  plate: string | null
  plateTail: string | null
  energy: 'fuel' | 'new_energy'
  make: string
  model: string
  modelYear: number | null
  colour: string | null
  engineNo: string | null
  firstRegisteredOn: string | null
  ownerId: number
  odometerKm: number
  now: string
}>()((db, p) =>
  db.insertInto('vehicles').values({
    vin: p.vin,
    vin_rev: p.vinRev,
    plate: p.plate,
    plate_tail: p.plateTail,
    energy: p.energy,
    make: p.make,
    model: p.model,
    model_year: p.modelYear,
    colour: p.colour,
    engine_no: p.engineNo,
    first_registered_on: p.firstRegisteredOn,
    owner_id: p.ownerId,
    odometer_km: p.odometerKm,
    created_at: p.now,
    updated_at: p.now,
  }),
)

function refuseTakenVin(ctx: Ctx, vin: string): void {
  if (vehicleOfVin.first(ctx.store, { vin })) {
    throw fieldError('DUPLICATE', 'vin', 'reception.vinTaken', { value: vin })
  }
}

function refuseTakenPlate(ctx: Ctx, plate: string, exceptId: number | null): void {
  const row = vehicleOfPlate.first(ctx.store, { plate })
  if (row && row.id !== exceptId) throw fieldError('DUPLICATE', 'plate', 'reception.plateTaken', { value: plate })
}

function plateColumns(plate: string | undefined) {
  if (plate === undefined) return { plate: null, plate_tail: null, energy: 'fuel' as const }
  return { plate, plate_tail: plateTail(plate), energy: checkPlate(plate)?.kind ?? 'fuel' }
}

function openOwnership(ctx: UserCtx, vehicleId: number, customerId: number): void {
  insertOwnership.run(ctx.store, { vehicleId, customerId, fromAt: ctx.nowIso(), recordedBy: ctx.user.id })
}

export function registerVehicle(ctx: UserCtx, input: In<'vehicles.register'>): VehicleOut {
  // Exactly one way of naming the owner; the schema cannot say "one of" with a useful field name.
  if ((input.ownerId === undefined) === (input.newOwner === undefined)) {
    throw fieldError('VALIDATION', 'ownerId', 'reception.ownerOneOf')
  }
  refuseTakenVin(ctx, input.vin)
  if (input.plate !== undefined) refuseTakenPlate(ctx, input.plate, null)
  const ownerId = input.newOwner ? createCustomer(ctx, input.newOwner, 'newOwner.mobile').id : loadCustomer(ctx, input.ownerId!).id

  const now = ctx.nowIso()
  const plate = plateColumns(input.plate)
  const id = Number(
    insertVehicle.run(ctx.store, {
      vin: input.vin,
      vinRev: reverseVin(input.vin),
      plate: plate.plate,
      plateTail: plate.plate_tail,
      energy: plate.energy,
      make: input.make,
      model: input.model,
      modelYear: input.modelYear ?? null,
      colour: emptyToNull(input.colour),
      engineNo: emptyToNull(input.engineNo),
      firstRegisteredOn: input.firstRegisteredOn ?? null,
      ownerId,
      odometerKm: input.odometerKm,
      now,
    }).lastInsertRowid,
  )
  openOwnership(ctx, id, ownerId)
  recordReading(ctx, id, input.odometerKm, 'registration')
  const after = vehicleOf(loadVehicle(ctx, id))
  ctx.audit({ action: 'vehicle.register', entity: 'vehicle', entityId: id, detail: { after } })
  ctx.events.emit({ type: 'vehicle.changed', id })
  return after
}

export function updateVehicle(ctx: UserCtx, input: In<'vehicles.update'>): VehicleOut {
  const before = loadVehicle(ctx, input.id)
  expectVersion('vehicles', input.id, input.version, before.version)
  const set: VersionedSet<'vehicles'> = {}
  if (input.plate !== undefined && input.plate !== before.plate) {
    refuseTakenPlate(ctx, input.plate, input.id)
    Object.assign(set, plateColumns(input.plate))
  }
  if (input.make !== undefined) set.make = input.make
  if (input.model !== undefined) set.model = input.model
  if (input.modelYear !== undefined) set.model_year = input.modelYear
  if (input.colour !== undefined) set.colour = emptyToNull(input.colour)
  if (input.engineNo !== undefined) set.engine_no = emptyToNull(input.engineNo)
  if (input.firstRegisteredOn !== undefined) set.first_registered_on = input.firstRegisteredOn
  updateVersioned(ctx, 'vehicles', input.id, input.version, set)
  const after = vehicleOf(loadVehicle(ctx, input.id))
  ctx.audit({ action: 'vehicle.update', entity: 'vehicle', entityId: input.id, detail: { before: vehicleOf(before), after } })
  ctx.events.emit({ type: 'vehicle.changed', id: input.id })
  return after
}

export function changeOwner(ctx: UserCtx, input: In<'vehicles.changeOwner'>): VehicleOut {
  const before = loadVehicle(ctx, input.id)
  expectVersion('vehicles', input.id, input.version, before.version)
  loadCustomer(ctx, input.customerId)
  if (before.owner_id === input.customerId) throw fieldError('VALIDATION', 'customerId', 'reception.alreadyOwner')
  closeOwnership.run(ctx.store, { toAt: ctx.nowIso(), vehicleId: input.id })
  openOwnership(ctx, input.id, input.customerId)
  updateVersioned(ctx, 'vehicles', input.id, input.version, { owner_id: input.customerId })
  ctx.audit({
    action: 'vehicle.changeOwner',
    entity: 'vehicle',
    entityId: input.id,
    detail: { before: { ownerId: before.owner_id }, after: { ownerId: input.customerId } },
  })
  ctx.events.emit({ type: 'vehicle.changed', id: input.id })
  ctx.events.emit({ type: 'customer.changed', id: before.owner_id })
  ctx.events.emit({ type: 'customer.changed', id: input.customerId })
  return vehicleOf(loadVehicle(ctx, input.id))
}
