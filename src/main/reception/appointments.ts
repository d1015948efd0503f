import type { Ctx, UserCtx } from '../api/context'
import { AppError, fieldError, notFound } from '../api/app-error'
import { toLocal } from './local-time'
import type { In, Out } from './types'
import { loadVehicle } from './vehicle-rows'
import { expectVersion, updateVersioned } from './versioned'
import { getSetting } from '../settings/settings'
import { checkOpeningHours, hhmmOf, parseOpeningHours } from '../../shared/domain/opening-hours'

// Appointments (预约). A booking becomes `arrived` only through check-in, which links the RO;
// the desk can mark no-shows (counted by the manual's measures) and cancellations, or undo them.

type AppointmentOut = Out<'appointments.book'>
type Status = AppointmentOut['status']

/** Roles that take appointments and receive customers. */
const ADVISOR_ROLES = ['service_advisor', 'front_desk_supervisor', 'service_manager']

const SELECT = `
  SELECT a.id, a.customer_id, c.name AS customer_name, c.mobile, a.vehicle_id, v.plate, v.model, a.advisor_id,
         u.display_name AS advisor_name, a.starts_at, a.duration_min, a.concern, a.status, a.ro_id, a.version
    FROM appointments a
    JOIN customers c ON c.id = a.customer_id
    JOIN vehicles v ON v.id = a.vehicle_id
    JOIN users u ON u.id = a.advisor_id`

interface Row {
  id: number
  customer_id: number
  customer_name: string
  mobile: string | null
  vehicle_id: number
  plate: string | null
  model: string
  advisor_id: number
  advisor_name: string
  starts_at: string
  duration_min: number
  concern: string
  status: Status
  ro_id: number | null
  version: number
}

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
  const row = ctx.store.prepare(`${SELECT} WHERE a.id = ?`).get(id) as Row | undefined
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
  const range = [`${input.date}T00:00:00`, `${nextDay(input.date)}T00:00:00`]
  const rows = (
    input.advisorId === undefined
      ? ctx.store.prepare(`${SELECT} WHERE a.starts_at >= ? AND a.starts_at < ? ORDER BY a.starts_at, a.id`).all(...range)
      : ctx.store
          .prepare(`${SELECT} WHERE a.starts_at >= ? AND a.starts_at < ? AND a.advisor_id = ? ORDER BY a.starts_at, a.id`)
          .all(...range, input.advisorId)
  ) as Row[]
  return rows.map(appointmentOf)
}

function refuseNonAdvisor(ctx: Ctx, advisorId: number): void {
  const user = ctx.store.prepare('SELECT role, active FROM users WHERE id = ?').get(advisorId) as
    | { role: string; active: number }
    | undefined
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
    ctx.store
      .prepare(
        `INSERT INTO appointments (customer_id, vehicle_id, advisor_id, starts_at, duration_min, concern, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(vehicle.owner_id, vehicle.id, input.advisorId, startsAt, input.durationMin, input.concern, now, now).lastInsertRowid,
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
