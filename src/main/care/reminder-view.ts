import type { InferResult, Kysely } from 'kysely'
import type { UserCtx } from '../api/context'
import { notFound } from '../api/app-error'
import { all, first } from '../store/query'
import type { DB } from '../store/schema'
import { addDays, localDate } from '../../shared/domain/calendar'
import { translate } from '../../shared/i18n'
import { groupedInteger } from '../../shared/format/numbers'
import { refreshReminders } from './reminder-refresh'
import { reminderInterval } from './settings'
import type { In, Out } from './types'

// The daily reminder call list (保养提醒): open reminders due within the lead days, earliest due
// first — left out once the car has had a later maintenance RO or has a booking ahead.

type Row = Out<'care.reminders.list'>[number]

function base(db: Kysely<DB>) {
  return db
    .selectFrom('care_reminders as m')
    .innerJoin('vehicles as v', 'v.id', 'm.vehicle_id')
    .innerJoin('customers as c', 'c.id', 'v.owner_id')
    .innerJoin('repair_orders as r', 'r.id', 'm.ro_id')
    .select([
      'm.id',
      'm.version',
      'm.state',
      'm.vehicle_id',
      'v.plate',
      'v.model',
      'c.name as customer_name',
      'c.mobile',
      'm.ro_id',
      'r.number as ro_number',
      'm.service_at',
      'm.service_km',
      'm.last_km',
      'm.km_per_day_centi',
      'm.due_by_months',
      'm.due_by_km',
      'm.due_date',
      'm.due_by',
      'm.attempts',
      'm.callback_at',
      'm.appointment_id',
      'm.close_note',
    ])
}

type BaseRow = InferResult<ReturnType<typeof base>>[number]

function toRow(ctx: UserCtx, r: BaseRow, today: string, months: number, km: number): Row {
  const params = { months, km: groupedInteger(km, ctx.locale), date: r.service_at.slice(0, 10), serviceKm: groupedInteger(r.service_km, ctx.locale), due: r.due_date }
  const reason = translate(ctx.locale, r.due_by === 'km' ? 'care.reminder.reasonKm' : 'care.reminder.reasonMonths', params)
  return {
    id: r.id,
    version: r.version,
    state: r.state,
    vehicleId: r.vehicle_id,
    plate: r.plate,
    model: r.model,
    customerName: r.customer_name,
    mobile: r.mobile,
    roId: r.ro_id,
    roNumber: r.ro_number,
    serviceAt: r.service_at,
    serviceKm: r.service_km,
    lastKm: r.last_km,
    kmPerDayCenti: r.km_per_day_centi,
    dueByMonths: r.due_by_months,
    dueByKm: r.due_by_km,
    dueDate: r.due_date,
    dueBy: r.due_by,
    overdue: r.state === 'open' && r.due_date < today,
    attempts: r.attempts,
    callbackAt: r.callback_at,
    reason,
  }
}

export function listReminders(ctx: UserCtx, input: In<'care.reminders.list'>): Out<'care.reminders.list'> {
  refreshReminders(ctx)
  const today = localDate(ctx.clock.now(), ctx.timeZone)
  const interval = reminderInterval(ctx.store)
  const now = ctx.nowIso()
  const q = base(ctx.store.db)
    .where('m.state', '=', 'open')
    .where('m.due_date', '<=', addDays(today, interval.leadDays))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('repair_orders as later')
            .select('later.id')
            .whereRef('later.vehicle_id', '=', 'm.vehicle_id')
            .where('later.type', '=', 'maintenance')
            .where('later.state', '!=', 'cancelled')
            .whereRef('later.opened_at', '>', 'm.service_at'),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('appointments as a').select('a.id').whereRef('a.vehicle_id', '=', 'm.vehicle_id').where('a.status', '=', 'booked').where('a.starts_at', '>=', now),
        ),
      ),
    )
    .orderBy('m.due_date')
    .orderBy('m.id')
    .limit(input.limit)
  return all(ctx.store, q).map((r) => toRow(ctx, r, today, interval.months, interval.km))
}

export function loadReminder(ctx: UserCtx, id: number): BaseRow {
  const row = first(ctx.store, base(ctx.store.db).where('m.id', '=', id))
  if (!row) throw notFound('entity.careReminder', id)
  return row
}

export function getReminder(ctx: UserCtx, id: number): Out<'care.reminders.get'> {
  const row = loadReminder(ctx, id)
  const db = ctx.store.db
  const today = localDate(ctx.clock.now(), ctx.timeZone)
  const interval = reminderInterval(ctx.store)
  const calls = all(
    ctx.store,
    db
      .selectFrom('care_calls as k')
      .innerJoin('users as u', 'u.id', 'k.user_id')
      .select(['k.id', 'u.display_name', 'k.started_at', 'k.ended_at', 'k.outcome', 'k.callback_at', 'k.remark'])
      .where('k.reminder_id', '=', id)
      .orderBy('k.id'),
  )
  const appointment =
    row.appointment_id === null
      ? undefined
      : first(
          ctx.store,
          db
            .selectFrom('appointments as a')
            .innerJoin('users as u', 'u.id', 'a.advisor_id')
            .select(['a.id', 'a.starts_at', 'u.display_name', 'a.concern', 'a.status'])
            .where('a.id', '=', row.appointment_id),
        )
  return {
    ...toRow(ctx, row, today, interval.months, interval.km),
    closeNote: row.close_note,
    calls: calls.map((k) => ({
      id: k.id,
      userName: k.display_name,
      startedAt: k.started_at,
      endedAt: k.ended_at,
      outcome: k.outcome,
      callbackAt: k.callback_at,
      remark: k.remark,
      answers: [],
    })),
    appointment: appointment ? { id: appointment.id, startsAt: appointment.starts_at, advisorName: appointment.display_name, concern: appointment.concern, status: appointment.status } : null,
  }
}
