import { sql } from 'kysely'
import type { Ctx } from '../api/context'
import { first, run, sqlAll } from '../store/query'
import { addDays, localDate } from '../../shared/domain/calendar'
import { KM_RATE_WINDOW_DAYS, kmPerDayCenti, nextServiceDue } from '../../shared/domain/care-reminder'
import { reminderInterval } from './settings'

// The service reminders' due dates, worked out once a day (or again when the interval settings
// change): one reminder per vehicle and its last maintenance RO, its due date updated while it is
// open (new readings move the km projection). A later maintenance RO makes a new reminder; the
// list leaves out the ones it has superseded.

interface Basis {
  vehicle_id: number
  ro_id: number
  opened_at: string
  service_km: number
  last_km: number
  last_at: string | null
  first_km: number | null
  first_at: string | null
}

/** Recomputes the reminders unless today's run with these settings is done; returns whether it ran. */
export function refreshReminders(ctx: Ctx): boolean {
  const now = ctx.nowIso()
  const today = localDate(ctx.clock.now(), ctx.timeZone)
  const interval = reminderInterval(ctx.store)
  const variant = `months=${interval.months};km=${interval.km}`
  const db = ctx.store.db
  const done = first(ctx.store, db.selectFrom('care_reminder_runs').select(['day', 'variant']).where('id', '=', 1))
  if (done && done.day === today && done.variant === variant) return false
  const windowStart = `${addDays(today, -KM_RATE_WINDOW_DAYS)}T00:00:00`
  // raw SQL: one set-based read of every vehicle's last maintenance RO with its first reading in
  // the window and its latest one (correlated lookups on odometer_readings_vehicle).
  const bases = sqlAll(
    ctx.store,
    sql<Basis>`WITH last_m AS (
        SELECT vehicle_id, MAX(opened_at) AS opened_at FROM repair_orders
         WHERE type = 'maintenance' AND state <> 'cancelled' AND completed_at IS NOT NULL GROUP BY vehicle_id)
      SELECT r.vehicle_id, MAX(r.id) AS ro_id, r.opened_at, r.odometer_km AS service_km, v.odometer_km AS last_km,
             (SELECT MAX(o.at) FROM odometer_readings o WHERE o.vehicle_id = r.vehicle_id) AS last_at,
             (SELECT o.km FROM odometer_readings o WHERE o.vehicle_id = r.vehicle_id AND o.at >= ${windowStart} ORDER BY o.at LIMIT 1) AS first_km,
             (SELECT o.at FROM odometer_readings o WHERE o.vehicle_id = r.vehicle_id AND o.at >= ${windowStart} ORDER BY o.at LIMIT 1) AS first_at
        FROM last_m m JOIN repair_orders r ON r.vehicle_id = m.vehicle_id AND r.opened_at = m.opened_at
        JOIN vehicles v ON v.id = r.vehicle_id
       WHERE r.type = 'maintenance' AND r.state <> 'cancelled' AND r.completed_at IS NOT NULL
       GROUP BY r.vehicle_id`,
  )
  // raw SQL: one prepared upsert run for every vehicle (bulk; a builder per row costs what the
  // bench shows). A reminder already called on keeps its state; its due date follows the readings.
  const upsert = ctx.store.prepare(
    `INSERT INTO care_reminders (vehicle_id, ro_id, service_at, service_km, last_km, last_read_at, km_per_day_centi, due_by_months, due_by_km, due_date, due_by, created_at, updated_at)
     VALUES (@vehicle, @ro, @serviceAt, @serviceKm, @lastKm, @lastAt, @rate, @byMonths, @byKm, @due, @dueBy, @now, @now)
     ON CONFLICT (vehicle_id, ro_id) DO UPDATE SET last_km = excluded.last_km, last_read_at = excluded.last_read_at,
       km_per_day_centi = excluded.km_per_day_centi, due_by_months = excluded.due_by_months, due_by_km = excluded.due_by_km,
       due_date = excluded.due_date, due_by = excluded.due_by, updated_at = excluded.updated_at
     WHERE care_reminders.state = 'open' AND (care_reminders.due_date <> excluded.due_date OR care_reminders.last_km <> excluded.last_km
       OR care_reminders.km_per_day_centi IS NOT excluded.km_per_day_centi)`,
  )
  ctx.store.tx(() => {
    for (const b of bases) {
      const lastAt = b.last_at ?? b.opened_at
      const latest = { km: b.last_km, date: lastAt.slice(0, 10) }
      const rate = b.first_km !== null && b.first_at !== null ? kmPerDayCenti({ km: b.first_km, date: b.first_at.slice(0, 10) }, latest) : null
      const due = nextServiceDue({ serviceDate: b.opened_at.slice(0, 10), serviceKm: b.service_km, latest, kmPerDayCenti: rate, months: interval.months, km: interval.km })
      upsert.run({
        vehicle: b.vehicle_id,
        ro: b.ro_id,
        serviceAt: b.opened_at,
        serviceKm: b.service_km,
        lastKm: b.last_km,
        lastAt,
        rate,
        byMonths: due.byMonths,
        byKm: due.byKm,
        due: due.dueDate,
        dueBy: due.dueBy,
        now,
      })
    }
    run(
      ctx.store,
      db
        .insertInto('care_reminder_runs')
        .values({ id: 1, day: today, variant, at: now })
        .onConflict((oc) => oc.column('id').doUpdateSet({ day: today, variant, at: now })),
    )
  })
  return true
}
