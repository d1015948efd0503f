import type { Ctx, UserCtx } from '../api/context'
import { AppError, fieldError, notFound } from '../api/app-error'
import { toLocal } from './local-time'
import type { In, Out } from './types'
import { loadVehicle } from './vehicle-rows'
import { expectVersion, updateVersioned } from '../api/versioned'
import { getSetting } from '../settings/settings'
import { preparedQuery } from '../store/query'
import type { DB } from '../store/schema'
import type { Kysely } from 'kysely'
import { checkOpeningHours, hhmmOf, parseOpeningHours } from '../../shared/domain/opening-hours'

// Appointments (预约). A booking becomes `arrived` only through check-in, which links the RO;
// the desk can mark no-shows (counted by the manual's measures) and cancellations, or undo them.

type AppointmentOut = Out<'appointments.book'>
type Status = AppointmentOut['status']

/** Roles that take appointments and receive customers. */
const ADVISOR_ROLES = ['service_advisor', 'front_desk_supervisor', 'service_manager']

const selectAppointments = (db: Kysely<DB>) =>
  db
    .selectFrom('appointments as a')
    .innerJoin('customers as c', 'c.id', 'a.customer_id')
    .innerJoin('vehicles as v', 'v.id', 'a.vehicle_id')
    .innerJoin('users as u', 'u.id', 'a.advisor_id')
    .select([
      'a.id',
      'a.customer_id',
      'c.name as customer_name',
      'c.mobile',
      'a.vehicle_id',
      'v.plate',
      'v.model',
      'a.advisor_id',
      'u.display_name as advisor_name',
      'a.starts_at',
      'a.duration_min',
      'a.concern',
      'a.status',
      'a.ro_id',
      'a.version',
    ])

const appointmentById = preparedQuery<{ id: number }>()((db, p) => selectAppointments(db).where('a.id', '=', p.id))
const appointmentsBetween = preparedQuery<{ from: string; to: string }>()((db, p) =>
  selectAppointments(db).where('a.starts_at', '>=', p.from).where('a.starts_at', '<', p.to).orderBy('a.starts_at').orderBy('a.id'),
)
const advisorAppointmentsBetween = preparedQuery<{ from: string; to: string; advisorId: number }>()((db, p) =>
  selectAppointments(db)
    .where('a.starts_at', '>=', p.from)
    .where('a.starts_at', '<', p.to)
    .where('a.advisor_id', '=', p.advisorId)
    .orderBy('a.starts_at')
    .orderBy('a.id'),
)
const userRole = preparedQuery<{ id: number }>()((db, p) => db.selectFrom('users').select(['role', 'active']).where('id', '=', p.id))
const insertAppointment = preparedQuery<{
  customerId: number
  vehicleId: number
  advisorId: number
  startsAt: string
  durationMin: number
  concern: string
  now: string
}>()((db, p) =>
  db.insertInto('appointments').values({
    customer_id: p.customerId,
    vehicle_id: p.vehicleId,
    advisor_id: p.advisorId,
    starts_at: p.startsAt,
    duration_min: p.durationMin,
    concern: p.concern,
    created_at: p.now,
    updated_at: p.now,
  }),
)

type Row = NonNullable<ReturnType<typeof appointmentById.first>>

function appointmentOf(r: Row): AppointmentOut {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    mobile: r.mobile,
    vehicleId: r.vehicle_id,
    plate: r.plate,
    model: r.model,
    advisorId: r.advisor_id,
    advisorName: r.advisor_name,
    startsAt: r.starts_at,
    durationMin: r.duration_min,
    concern: r.concern,
    status: r.status,
    roId: r.ro_id,
    version: r.version,
  }
}

export function loadAppointment(ctx: Ctx, id: number): AppointmentOut {
  const row = appointmentById.first(ctx.store, { id })
  if (!row) throw notFound('entity.appointment', id)
  return appointmentOf(row)
}

/** The calendar day after `date` (YYYY-MM-DD), by calendar arithmetic, not by adding hours. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

export function appointmentsOfDay(ctx: Ctx, input: In<'appointments.day'>): AppointmentOut[] {
  // starts_at is local text with offset, so a day is a plain text range on the starts_at index.
  const range = { from: `${input.date}T00:00:00`, to: `${nextDay(input.date)}T00:00:00` }
  const rows =
    input.advisorId === undefined
      ? appointmentsBetween.all(ctx.store, range)
      : advisorAppointmentsBetween.all(ctx.store, { ...range, advisorId: input.advisorId })
  return rows.map(appointmentOf)
}

function refuseNonAdvisor(ctx: Ctx, advisorId: number): void {
  const user = userRole.first(ctx.store, { id: advisorId })
  if (!user || user.active !== 1 || !ADVISOR_ROLES.includes(user.role)) {
    throw fieldError('VALIDATION', 'advisorId', 'reception.notAnAdvisor')
  }
}

/**
 * Bookings outside the reception's hours are refused unless the advisor confirmed them
 * (`outsideHours`): a customer may arrange an early drop-off, but never by a slip of the picker.
 * `details.outsideHours` lets the client ask for that confirmation.
 */
function refuseOutsideHours(ctx: Ctx, startsAt: string, durationMin: number): void {
  const check = checkOpeningHours(parseOpeningHours(getSetting(ctx.store, 'appointments.openingHours')), startsAt, durationMin)
  if (check.ok) return
  const weekday = `weekday.${check.weekday}`
  const key = check.day ? 'reception.outsideOpeningHours' : 'reception.closedOnDay'
  const hours = check.day ? `${hhmmOf(check.day.open)}–${hhmmOf(check.day.close)}` : ''
  throw new AppError('VALIDATION', key, { weekday, hours }, { fields: [{ field: 'startsAt', message: key }], outsideHours: true })
}

export function bookAppointment(ctx: UserCtx, input: In<'appointments.book'>): AppointmentOut {
  const vehicle = loadVehicle(ctx, input.vehicleId)
  refuseNonAdvisor(ctx, input.advisorId)
  const now = ctx.nowIso()
  // Stored in the dealership's zone whatever offset the client sent, so day ranges work.
  const startsAt = toLocal(ctx, input.startsAt)
  if (!input.outsideHours) refuseOutsideHours(ctx, startsAt, input.durationMin)
  const id = Number(
    insertAppointment.run(ctx.store, {
      customerId: vehicle.owner_id,
      vehicleId: vehicle.id,
      advisorId: input.advisorId,
      startsAt,
      durationMin: input.durationMin,
      concern: input.concern,
      now,
    }).lastInsertRowid,
  )
  const after = loadAppointment(ctx, id)
  ctx.audit({ action: 'appointment.book', entity: 'appointment', entityId: id, detail: { after } })
  ctx.events.emit({ type: 'appointment.changed', id })
  return after
}

const STATUS_MOVES: Record<Status, readonly Status[]> = {
  booked: ['no_show', 'cancelled'],
  no_show: ['booked'],
  cancelled: ['booked'],
  arrived: [],
}

export function setAppointmentStatus(ctx: UserCtx, input: In<'appointments.setStatus'>): AppointmentOut {
  const before = loadAppointment(ctx, input.id)
  expectVersion('appointments', input.id, input.version, before.version)
  if (!STATUS_MOVES[before.status].includes(input.status)) {
    throw new AppError('INVALID_STATE', 'reception.appointmentStatusMove', {
      from: `reception.apptStatus.${before.status}`,
      to: `reception.apptStatus.${input.status}`,
    })
  }
  updateVersioned(ctx, 'appointments', input.id, input.version, { status: input.status })
  ctx.audit({
    action: 'appointment.status',
    entity: 'appointment',
    entityId: input.id,
    detail: { before: before.status, after: input.status },
  })
  ctx.events.emit({ type: 'appointment.changed', id: input.id })
  return loadAppointment(ctx, input.id)
}

/** The booking a check-in names, refused unless it is for this vehicle and still expected. */
export function usableAppointment(ctx: Ctx, appointmentId: number, vehicleId: number): AppointmentOut {
  const appointment = loadAppointment(ctx, appointmentId)
  if (appointment.vehicleId !== vehicleId) throw fieldError('VALIDATION', 'appointmentId', 'reception.appointmentOtherVehicle')
  // A customer marked as no-show who turns up late is still received on the booking.
  if (appointment.status !== 'booked' && appointment.status !== 'no_show') {
    throw new AppError('INVALID_STATE', 'reception.appointmentNotOpen', { status: `reception.apptStatus.${appointment.status}` })
  }
  return appointment
}

/** Check-in of a booked vehicle: the appointment is kept and linked to the new RO. */
export function markArrived(ctx: UserCtx, appointment: AppointmentOut, roId: number): void {
  updateVersioned(ctx, 'appointments', appointment.id, appointment.version, { status: 'arrived', ro_id: roId })
  ctx.audit({
    action: 'appointment.arrive',
    entity: 'appointment',
    entityId: appointment.id,
    detail: { before: appointment.status, after: 'arrived', roId },
  })
  ctx.events.emit({ type: 'appointment.changed', id: appointment.id })
}
