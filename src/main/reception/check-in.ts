import type { UserCtx } from '../api/context'
import type { RoState } from '../../shared/domain/ro-state'
import type { In, Out } from './types'
import { loadVehicle } from './vehicle-rows'
import { applyCheckInReading, judgeCheckInReading } from './odometer'
import { markArrived, usableAppointment } from './appointments'
import { nextRoNumber } from './ro-number'
import { contentHash } from '../repair-order/content-hash'
import { getRoDetail } from './ro-detail'
import { localOrNull } from './local-time'
import { first, preparedQuery } from '../store/query'
import { checkDeskInsurance, openDeskClaim } from './check-in-insurance'

// Reception (接车): the vehicle arrives, the advisor records odometer, fuel, walk-around findings
// and the customer's concerns, and a repair order opens as an estimate.

const INITIAL_STATE: RoState = 'estimate'

const insertRo = preparedQuery<{
  number: string
  type: string
  state: string
  customerId: number
  vehicleId: number
  advisorId: number
  appointmentId: number | null
  odometerKm: number
  fuelEighths: number
  concerns: string
  promisedAt: string | null
  returnOldParts: number
  contentHash: string
  now: string
}>()((db, p) =>
  db.insertInto('repair_orders').values({
    number: p.number,
    type: p.type,
    state: p.state,
    customer_id: p.customerId,
    vehicle_id: p.vehicleId,
    advisor_id: p.advisorId,
    appointment_id: p.appointmentId,
    odometer_km: p.odometerKm,
    fuel_eighths: p.fuelEighths,
    concerns: p.concerns,
    promised_at: p.promisedAt,
    return_old_parts: p.returnOldParts,
    content_hash: p.contentHash,
    opened_at: p.now,
    created_at: p.now,
    updated_at: p.now,
  }),
)
const insertFinding = preparedQuery<{ roId: number; kind: 'damage' | 'valuable' | 'warning_light'; area: string; note: string }>()((db, p) =>
  db.insertInto('ro_findings').values({ ro_id: p.roId, kind: p.kind, area: p.area, note: p.note }),
)

export function checkIn(ctx: UserCtx, input: In<'ro.checkIn'>): Out<'ro.checkIn'> {
  const vehicle = loadVehicle(ctx, input.vehicleId)
  // Everything that can refuse is decided before the first write.
  const appointment = input.appointmentId === undefined ? null : usableAppointment(ctx, input.appointmentId, vehicle.id)
  const reading = judgeCheckInReading(ctx, vehicle, input.odometerKm, input.odometerOverrideReason)
  if (input.insurance) checkDeskInsurance(ctx, input.insurance)

  const now = ctx.nowIso()
  const number = nextRoNumber(ctx)
  const id = Number(
    insertRo.run(ctx.store, {
      number,
      type: input.type,
      state: INITIAL_STATE,
      customerId: vehicle.owner_id,
      vehicleId: vehicle.id,
      advisorId: ctx.user.id,
      appointmentId: appointment?.id ?? null,
      odometerKm: input.odometerKm,
      fuelEighths: input.fuelEighths,
      concerns: input.concerns,
      promisedAt: localOrNull(ctx, input.promisedAt),
      returnOldParts: input.returnOldParts ? 1 : 0,
      contentHash: contentHash(input.type, []),
      now,
    }).lastInsertRowid,
  )
  for (const f of input.findings) insertFinding.run(ctx.store, { roId: id, kind: f.kind, area: f.area, note: f.note })
  applyCheckInReading(ctx, vehicle, reading, id)
  if (appointment) markArrived(ctx, appointment, id)
  if (input.insurance) {
    const owner = first(ctx.store, ctx.store.db.selectFrom('customers').select('name').where('id', '=', vehicle.owner_id))
    openDeskClaim(ctx, id, (owner?.name ?? '').slice(0, 60), input.insurance)
  }

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
      ...(input.insurance ? { insurer: input.insurance.insurer, reportNo: input.insurance.reportNo } : {}),
    },
  })
  ctx.events.emit({ type: 'ro.changed', id })
  return getRoDetail(ctx, id)
}
