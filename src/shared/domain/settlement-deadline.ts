// Settlement deadlines from the after-sales manual (section 2, front-desk supervisor's duties):
// 保养工单结算不超过3天; 保险工单当月结算; 保险款当月回收. All arithmetic is on the dealership's local
// calendar (a "day" is the same wall-clock time a calendar day later, a "month" is the calendar
// month), with the clock handed in — nothing here reads the system time.
import { addLocalDays, addLocalMonths, localInstant, monthKey, monthStart } from './calendar'

// The calendar arithmetic lives in calendar.ts; these names stay importable from here.
export { addLocalDays, addLocalMonths, localInstant, monthKey, monthStart }

/** [manual] A maintenance RO must be settled within 3 days of completion (保养工单结算不超过3天). */
export const MAINTENANCE_SETTLEMENT_DAYS = 3
/**
 * Days before the month end that an insurance RO or receivable still open is flagged as a
 * warning. Not a manual figure: the manual only says "within the month"; managers may change it.
 */
export const MONTH_END_WARNING_DAYS = 3

export type DeadlineStage = 'ok' | 'warning' | 'breach'

/** When a maintenance RO completed at `completedAt` becomes overdue (completion + `days`). */
export function maintenanceDueAt(completedAt: Date, timeZone: string, days = MAINTENANCE_SETTLEMENT_DAYS): Date {
  return addLocalDays(completedAt, days, timeZone)
}

/** Overdue once the due instant has passed and it is still not settled. */
export function maintenanceStage(completedAt: Date, now: Date, timeZone: string, days = MAINTENANCE_SETTLEMENT_DAYS): DeadlineStage {
  return now.getTime() > maintenanceDueAt(completedAt, timeZone, days).getTime() ? 'breach' : 'ok'
}

/**
 * The month-end deadline of something that started at `start` (an insurance RO's completion,
 * an insurance invoice's issue): the first instant of the next calendar month.
 */
export function monthEndDueAt(start: Date, timeZone: string): Date {
  return monthStart(start, timeZone, 1)
}

/** ok, then a warning `warnDays` before the month ends, then a breach once the month is over. */
export function monthEndStage(start: Date, now: Date, timeZone: string, warnDays = MONTH_END_WARNING_DAYS): DeadlineStage {
  const due = monthEndDueAt(start, timeZone)
  if (now.getTime() >= due.getTime()) return 'breach'
  if (now.getTime() >= addLocalDays(due, -warnDays, timeZone).getTime()) return 'warning'
  return 'ok'
}

/**
 * The same rule as thresholds on the start time, for set-based SQL at instant `now`: anything
 * started before `monthStart` is in breach; anything started since is a warning once `now` has
 * reached `warnFrom` (equivalent to `monthEndStage` for every start ≤ now).
 */
export function monthEndThresholds(now: Date, timeZone: string, warnDays = MONTH_END_WARNING_DAYS) {
  const start = monthStart(now, timeZone)
  const due = monthStart(now, timeZone, 1)
  const warnFrom = addLocalDays(due, -warnDays, timeZone)
  return { monthStart: start, due, warnFrom, warning: now.getTime() >= warnFrom.getTime() }
}
