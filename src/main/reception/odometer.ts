import type { UserCtx } from '../api/context'
import { AppError, fieldError } from '../api/app-error'
import { roleHas } from '../../shared/domain/roles'
import type { In, VehicleOut } from './types'
import { loadVehicle, vehicleOf, type VehicleRow } from './vehicle-rows'
import { expectVersion, updateVersioned } from '../api/versioned'
import { preparedQuery } from '../store/query'

// The odometer never goes backwards on its own: a lower reading is either a typing mistake or a
// replaced instrument cluster, and only a supervisor may record the latter, with a reason.

type Source = 'registration' | 'check_in' | 'correction'

interface ReadingOptions {
  roId?: number
  override?: { by: number; reason: string }
}

const insertReading = preparedQuery<{
  vehicleId: number
  km: number
  at: string
  source: Source
  roId: number | null
  overrideBy: number | null
  overrideReason: string | null
}>()((db, p) =>
  db.insertInto('odometer_readings').values({
    vehicle_id: p.vehicleId,
    km: p.km,
    at: p.at,
    source: p.source,
    ro_id: p.roId,
    override_by: p.overrideBy,
    override_reason: p.overrideReason,
  }),
)

export function recordReading(ctx: UserCtx, vehicleId: number, km: number, source: Source, options: ReadingOptions = {}): void {
  insertReading.run(ctx.store, {
    vehicleId,
    km,
    at: ctx.nowIso(),
    source,
    roId: options.roId ?? null,
    overrideBy: options.override?.by ?? null,
    overrideReason: options.override?.reason ?? null,
  })
}

export interface CheckInReading {
  beforeKm: number
  afterKm: number
  overrideReason: string | null
}

/**
 * Decides whether a check-in reading is accepted, before anything is written: below the last
 * reading it needs a reason and the `odometer.override` permission.
 */
export function judgeCheckInReading(ctx: UserCtx, vehicle: VehicleRow, km: number, overrideReason: string | undefined): CheckInReading {
  const last = vehicle.odometer_km
  if (km >= last) return { beforeKm: last, afterKm: km, overrideReason: null }
  if (overrideReason === undefined) {
    throw fieldError('VALIDATION', 'odometerKm', 'reception.odometerBelowLast', { km, last })
  }
  if (!roleHas(ctx.user.role, 'odometer.override')) {
    throw new AppError('FORBIDDEN', 'reception.odometerOverrideNotAllowed', { km, last }, {
      fields: [{ field: 'odometerKm', message: 'reception.odometerOverrideNotAllowed' }],
    })
  }
  return { beforeKm: last, afterKm: km, overrideReason }
}

/** Records an accepted check-in reading and moves the vehicle's odometer to it. */
export function applyCheckInReading(ctx: UserCtx, vehicle: VehicleRow, reading: CheckInReading, roId: number): void {
  recordReading(ctx, vehicle.id, reading.afterKm, 'check_in', {
    roId,
    ...(reading.overrideReason === null ? {} : { override: { by: ctx.user.id, reason: reading.overrideReason } }),
  })
  if (reading.afterKm !== vehicle.odometer_km) {
    updateVersioned(ctx, 'vehicles', vehicle.id, vehicle.version, { odometer_km: reading.afterKm })
    ctx.events.emit({ type: 'vehicle.changed', id: vehicle.id })
  }
  if (reading.overrideReason !== null) {
    ctx.audit({
      action: 'odometer.override',
      entity: 'vehicle',
      entityId: vehicle.id,
      detail: { before: reading.beforeKm, after: reading.afterKm, reason: reading.overrideReason, roId },
    })
  }
}

export function correctOdometer(ctx: UserCtx, input: In<'vehicles.correctOdometer'>): VehicleOut {
  const vehicle = loadVehicle(ctx, input.id)
  expectVersion('vehicles', input.id, input.version, vehicle.version)
  recordReading(ctx, input.id, input.km, 'correction', { override: { by: ctx.user.id, reason: input.reason } })
  updateVersioned(ctx, 'vehicles', input.id, input.version, { odometer_km: input.km })
  ctx.audit({
    action: 'odometer.correct',
    entity: 'vehicle',
    entityId: input.id,
    detail: { before: vehicle.odometer_km, after: input.km, reason: input.reason },
  })
  ctx.events.emit({ type: 'vehicle.changed', id: input.id })
  return vehicleOf(loadVehicle(ctx, input.id))
}
