import type { UserCtx } from '../api/context'
import type { RoState } from '../../shared/domain/ro-state'
import type { In, Out } from './types'
import { loadVehicle } from './vehicle-rows'
import { applyCheckInReading, judgeCheckInReading } from './odometer'
import { markArrived, usableAppointment } from './appointments'
import { nextRoNumber } from './ro-number'
import { contentHash } from './ro-content'
import { getRoDetail } from './ro-detail'
import { localOrNull } from './local-time'

// Reception (接车): the vehicle arrives, the advisor records odometer, fuel, walk-around findings
// and the customer's concerns, and a repair order opens as an estimate.

const INITIAL_STATE: RoState = 'estimate'

export function checkIn(ctx: UserCtx, input: In<'ro.checkIn'>): Out<'ro.checkIn'> {
  const vehicle = loadVehicle(ctx, input.vehicleId)
  // Everything that can refuse is decided before the first write.
  const appointment = input.appointmentId === undefined ? null : usableAppointment(ctx, input.appointmentId, vehicle.id)
  const reading = judgeCheckInReading(ctx, vehicle, input.odometerKm, input.odometerOverrideReason)

  const now = ctx.nowIso()
  const number = nextRoNumber(ctx)
  const id = Number(
    ctx.store
      .prepare(
        `INSERT INTO repair_orders (number, type, state, customer_id, vehicle_id, advisor_id, appointment_id, odometer_km,
           fuel_eighths, concerns, promised_at, return_old_parts, content_hash, opened_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        number,
        input.type,
        INITIAL_STATE,
        vehicle.owner_id,
        vehicle.id,
        ctx.user.id,
        appointment?.id ?? null,
        input.odometerKm,
        input.fuelEighths,
        input.concerns,
        localOrNull(ctx, input.promisedAt),
        input.returnOldParts ? 1 : 0,
        contentHash(input.type, []),
        now,
        now,
        now,
      ).lastInsertRowid,
  )
  const finding = ctx.store.prepare('INSERT INTO ro_findings (ro_id, kind, area, note) VALUES (?, ?, ?, ?)')
  for (const f of input.findings) finding.run(id, f.kind, f.area, f.note)
  applyCheckInReading(ctx, vehicle, reading, id)
  if (appointment) markArrived(ctx, appointment, id)

  ctx.audit({
    action: 'ro.checkIn',
    entity: 'repair_order',
    entityId: id,
    detail: {
      number,
      vehicleId: vehicle.id,
      customerId: vehicle.owner_id,
      type: input.type,
      odometer: { before: reading.beforeKm, after: reading.afterKm },
      appointmentId: appointment?.id ?? null,
    },
  })
  ctx.events.emit({ type: 'ro.changed', id })
  return getRoDetail(ctx, id)
}
