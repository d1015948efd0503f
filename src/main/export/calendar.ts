import { addDays, datesBetween, dayBounds, instantOnDate, localDate } from '../../shared/domain/calendar'

export { addDays, datesBetween, dayBounds }

// The export's daily slot, on the dealership's calendar (shared/domain/calendar.ts).

/** The instant a local wall-clock time happens in `timeZone` (first occurrence on a DST change). */
export const localInstant = instantOnDate

/** `HH:MM` → minutes since midnight. */
export function parseTimeOfDay(text: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text)
  if (!match) throw new RangeError(`Not a time of day: ${text}`)
  return Number(match[1]) * 60 + Number(match[2])
}

/** The latest business date whose export slot (`timeOfDay` on that date) is not after `now`. */
export function dueBusinessDate(now: Date, timeOfDay: string, timeZone: string): string {
  const today = localDate(now, timeZone)
  const slot = localInstant(today, parseTimeOfDay(timeOfDay), timeZone)
  return now.getTime() >= slot.getTime() ? today : addDays(today, -1)
}

/** When the slot of the day after `businessDate` comes. */
export function nextSlotAfter(businessDate: string, timeOfDay: string, timeZone: string): Date {
  return localInstant(addDays(businessDate, 1), parseTimeOfDay(timeOfDay), timeZone)
}
