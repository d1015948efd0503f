import { localDate, toLocalIso, zonedParts } from '../../shared/domain/time'

// Business dates (YYYY-MM-DD in the dealership's zone) and the export's daily slot.

/** `date` + `days`, calendar arithmetic on the date alone. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/** The instant a local wall-clock time happens in `timeZone` (first occurrence on a DST change). */
export function localInstant(date: string, minuteOfDay: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const wall = Date.UTC(y, m - 1, d, Math.floor(minuteOfDay / 60), minuteOfDay % 60)
  let instant = wall - zonedParts(new Date(wall), timeZone).offsetMinutes * 60_000
  // A second pass settles the offset when the first guess fell on the other side of a change.
  instant = wall - zonedParts(new Date(instant), timeZone).offsetMinutes * 60_000
  return new Date(instant)
}

/** Local ISO text of the start of `date` and of the next day: a half-open day for text ranges. */
export function dayBounds(date: string, timeZone: string): { from: string; to: string } {
  return {
    from: toLocalIso(localInstant(date, 0, timeZone), timeZone),
    to: toLocalIso(localInstant(addDays(date, 1), 0, timeZone), timeZone),
  }
}

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

/** Every date from `first` to `last` inclusive. */
export function datesBetween(first: string, last: string): string[] {
  const out: string[] = []
  for (let d = first; d <= last; d = addDays(d, 1)) out.push(d)
  return out
}
