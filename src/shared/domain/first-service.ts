import { addDays } from './calendar'
import { nextServiceDue, type Reading } from './care-reminder'

// First service (首保) [manual: 首保回厂率 ≥ 95 %]. A new car's window opens at its warranty start and
// closes `months` after it or on the day its odometer is projected to pass `km` — the care desk's
// own projection of the next service (km per day from the vehicle's odometer history), counted from
// 0 km at the start — whichever is earlier; the terms are per make (warranty_first_service_terms).
//
// What counts as the first service (decided here, used by every query through
// main/warranty/first-service.ts): an RO that is not cancelled, opened on or after the warranty
// start, that is either of kind `maintenance` or carries a warranty claim of type `first_service`
// (the maker pays the first service as a claim; some dealers open it as a maintenance RO). Opened on
// or before the window's last day it is "done"; after it, "late" — it takes the car off the list
// but does not count as done in the month's rate (the window closed unserved).

/** The manual's return rate: first services done ÷ windows closed in the month, in basis points. */
export const FIRST_SERVICE_TARGET_BP = 9_500
/** The call falls due this many days before the window closes (rule `first_service_rate`, `leadDays`). */
export const FIRST_SERVICE_LEAD_DAYS = 30
/** An overdue car stays on the desk's list this many days after its window closed. */
export const FIRST_SERVICE_OVERDUE_DAYS = 90

export const FIRST_SERVICE_STATUSES = ['due', 'overdue'] as const
export type FirstServiceStatus = (typeof FIRST_SERVICE_STATUSES)[number]

export interface FirstServiceWindow {
  opensOn: string
  closesByMonths: string
  /** Null while the km per day is unknown and the odometer is below `km`. */
  closesByKm: string | null
  closesOn: string
  closesBy: 'months' | 'km'
  dueOn: string
}

export function firstServiceWindow(input: { startsOn: string; months: number; km: number; latest: Reading; kmPerDayCenti: number | null; leadDays: number }): FirstServiceWindow {
  const due = nextServiceDue({ serviceDate: input.startsOn, serviceKm: 0, latest: input.latest, kmPerDayCenti: input.kmPerDayCenti, months: input.months, km: input.km })
  // A reading before the start (a car registered late) cannot close the window before it opens.
  const closesOn = due.dueDate < input.startsOn ? input.startsOn : due.dueDate
  const lead = addDays(closesOn, -input.leadDays)
  return { opensOn: input.startsOn, closesByMonths: due.byMonths, closesByKm: due.byKm, closesOn, closesBy: due.dueBy, dueOn: lead < input.startsOn ? input.startsOn : lead }
}

/** Due: the call has fallen due and the window is still open; overdue: closed, within the days the list keeps it. */
export function firstServiceStatus(w: { dueOn: string; closesOn: string }, today: string): FirstServiceStatus | null {
  if (w.dueOn <= today && today <= w.closesOn) return 'due'
  if (w.closesOn < today && today <= addDays(w.closesOn, FIRST_SERVICE_OVERDUE_DAYS)) return 'overdue'
  return null
}
