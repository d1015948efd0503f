import { addDays, addMonthsToDate } from './calendar'
import { daysBetween } from './settlement'

// Service reminders (保养提醒): when a vehicle's next maintenance is due, from its last maintenance
// RO, by months and by km — the km date projected from the vehicle's own km per day (its odometer
// history) — whichever comes first. Pure: the care service feeds it readings and settings.

/** The usual maintenance interval of the makes sold here (settings `care.reminderMonths` / `care.reminderKm`). */
export const DEFAULT_REMINDER_MONTHS = 6
export const DEFAULT_REMINDER_KM = 5_000
/** Reminders appear on the call list this many days before they are due (`care.reminderLeadDays`). */
export const DEFAULT_REMINDER_LEAD_DAYS = 14
/** Readings closer together than this say nothing about how far the car is driven. */
export const KM_RATE_MIN_DAYS = 14
/** How far back the odometer history is read for the km per day (recent driving counts). */
export const KM_RATE_WINDOW_DAYS = 365

export const REMINDER_STATES = ['open', 'booked', 'declined'] as const
export type ReminderState = (typeof REMINDER_STATES)[number]
export const DUE_BY = ['months', 'km'] as const
export type DueBy = (typeof DUE_BY)[number]

export interface Reading {
  km: number
  /** Local business date of the reading. */
  date: string
}

/** Km per day in hundredths, from the first and last reading of the window; null when too short to tell. */
export function kmPerDayCenti(first: Reading, last: Reading): number | null {
  const days = daysBetween(first.date, last.date)
  if (days < KM_RATE_MIN_DAYS || last.km < first.km) return null
  return Math.round(((last.km - first.km) * 100) / days)
}

export interface ServiceDue {
  byMonths: string
  /** Null when the km per day is unknown (or zero): then the months decide. */
  byKm: string | null
  dueDate: string
  dueBy: DueBy
}

/**
 * The next service date: `months` after the last service, or the day the odometer is projected
 * to pass the last service's km + `km` — counted from the latest reading at the car's km per day
 * (already past: the latest reading's day) — whichever is earlier.
 */
export function nextServiceDue(input: {
  serviceDate: string
  serviceKm: number
  latest: Reading
  kmPerDayCenti: number | null
  months: number
  km: number
}): ServiceDue {
  const byMonths = addMonthsToDate(input.serviceDate, input.months)
  let byKm: string | null = null
  if (input.kmPerDayCenti !== null && input.kmPerDayCenti > 0) {
    const toGo = input.serviceKm + input.km - input.latest.km
    byKm = toGo <= 0 ? input.latest.date : addDays(input.latest.date, Math.ceil((toGo * 100) / input.kmPerDayCenti))
  } else if (input.latest.km >= input.serviceKm + input.km) {
    byKm = input.latest.date
  }
  const km = byKm !== null && byKm < byMonths
  return { byMonths, byKm, dueDate: km ? byKm! : byMonths, dueBy: km ? 'km' : 'months' }
}

/** Lost customers (流失客户): no visit for this many months (setting `care.lostMonths`). */
export const DEFAULT_LOST_MONTHS = 12
/** The retention funnel counts 1st … 5th visits; the last column is "5 or more". */
export const RETENTION_DEPTH = 5
