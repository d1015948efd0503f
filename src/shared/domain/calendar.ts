// The dealership's calendar: the one place where wall-clock times in its zone become instants and
// back, and where days and months are added. Built on @date-fns/tz (the IANA zone rules of the
// platform), so a daylight-saving change is handled once, the same way everywhere: a wall-clock
// time that does not exist (the hour skipped in spring) moves forward by the gap, one that
// happens twice (autumn) is its first occurrence.
import { TZDate } from '@date-fns/tz'
import { localDate, toLocalIso, zonedParts } from './time'

export { localDate, toLocalIso, zonedParts }

// Month starts and day bounds are asked for again and again with the same fields; building a
// TZDate is the costly step. A pure function of its arguments, so the kept answers never go stale.
const recentInstants = new Map<string, number>()
const RECENT_INSTANTS_MAX = 512

/** The instant whose wall-clock time in `timeZone` is the given one (fields may overflow: day 32 is next month). */
export function localInstant(timeZone: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  const key = `${timeZone}|${year}|${month}|${day}|${hour}|${minute}|${second}`
  let ms = recentInstants.get(key)
  if (ms === undefined) {
    ms = new TZDate(year, month - 1, day, hour, minute, second, timeZone).getTime()
    if (recentInstants.size >= RECENT_INSTANTS_MAX) recentInstants.clear()
    recentInstants.set(key, ms)
  }
  return new Date(ms)
}

/** A business date `YYYY-MM-DD` plus `days` (negative: earlier), arithmetic on the date alone. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = splitDate(date)
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/** Whole days between two business dates (YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** A business date plus `months` calendar months, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addMonthsToDate(date: string, months: number): string {
  const [y, m, d] = splitDate(date)
  const first = new Date(Date.UTC(y, m - 1 + months, 1))
  const year = first.getUTCFullYear()
  const month = first.getUTCMonth() + 1
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, daysInMonth(year, month))).padStart(2, '0')}`
}

/** Every business date from `first` to `last` inclusive. */
export function datesBetween(first: string, last: string): string[] {
  const out: string[] = []
  for (let d = first; d <= last; d = addDays(d, 1)) out.push(d)
  return out
}

/** The instant `minuteOfDay` minutes after local midnight's wall clock on business date `date`. */
export function instantOnDate(date: string, minuteOfDay: number, timeZone: string): Date {
  const [y, m, d] = splitDate(date)
  return localInstant(timeZone, y, m, d, Math.floor(minuteOfDay / 60), minuteOfDay % 60)
}

/** Local ISO text of the start of `date` and of the next day: a half-open day for text ranges. */
export function dayBounds(date: string, timeZone: string): { from: string; to: string } {
  return {
    from: toLocalIso(instantOnDate(date, 0, timeZone), timeZone),
    to: toLocalIso(instantOnDate(addDays(date, 1), 0, timeZone), timeZone),
  }
}

/** Same wall-clock time `days` calendar days later (negative: earlier). */
export function addLocalDays(at: Date, days: number, timeZone: string): Date {
  const p = zonedParts(at, timeZone)
  return localInstant(timeZone, p.year, p.month, p.day + days, p.hour, p.minute, p.second)
}

/** Same wall-clock time `months` calendar months later, clamped to the month's last day (31 Jan + 1 → 28/29 Feb). */
export function addLocalMonths(at: Date, months: number, timeZone: string): Date {
  const p = zonedParts(at, timeZone)
  const first = new Date(Date.UTC(p.year, p.month - 1 + months, 1))
  const y = first.getUTCFullYear()
  const m = first.getUTCMonth() + 1
  return localInstant(timeZone, y, m, Math.min(p.day, daysInMonth(y, m)), p.hour, p.minute, p.second)
}

/** Local midnight on the first day of the month `at` falls in, shifted by `months`. */
export function monthStart(at: Date, timeZone: string, months = 0): Date {
  const p = zonedParts(at, timeZone)
  return localInstant(timeZone, p.year, p.month + months, 1)
}

/** `YYYY-MM` of an instant in the dealership's zone. */
export function monthKey(at: Date, timeZone: string): string {
  return toLocalIso(at, timeZone).slice(0, 7)
}

/** Days in a calendar month (`month` 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** The last business date of the month `YYYY-MM`. */
export function lastDateOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`
}

/** The half-open local ISO range of the month `YYYY-MM`: from its first midnight to the next month's. */
export function monthBounds(month: string, timeZone: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return {
    from: toLocalIso(localInstant(timeZone, y, m, 1), timeZone),
    to: toLocalIso(localInstant(timeZone, y, m + 1, 1), timeZone),
  }
}

/**
 * A wall-clock time as typed at the desk (`2026-11-27T15:30`) to local ISO with the dealership's
 * offset at that moment (`2026-11-27T15:30:00+08:00`).
 */
export function wallClockToIso(wall: string, timeZone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(wall)
  if (!m) throw new RangeError(`Not a wall-clock time: ${wall}`)
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number]
  return toLocalIso(localInstant(timeZone, y, mo, d, h, mi), timeZone)
}

/** The wall-clock "now" in the dealership's zone, `YYYY-MM-DDTHH:mm`. */
export function wallClockOf(at: Date, timeZone: string): string {
  return toLocalIso(at, timeZone).slice(0, 16)
}

/** Stored local ISO text moved by `minutes`, keeping the offset it was written with. */
export function shiftIso(iso: string, minutes: number): string {
  const suffix = iso.slice(19)
  const sign = suffix.startsWith('-') ? -1 : 1
  const offset = suffix === 'Z' ? 0 : sign * (Number(suffix.slice(1, 3)) * 60 + Number(suffix.slice(4, 6)))
  const local = Date.parse(iso) + (minutes + offset) * 60_000
  return `${new Date(local).toISOString().slice(0, 19)}${suffix}`
}

function splitDate(date: string): [number, number, number] {
  const parts = date.split('-').map(Number)
  if (parts.length !== 3 || parts.some((n) => !Number.isInteger(n))) throw new RangeError(`Not a business date: ${date}`)
  return parts as [number, number, number]
}
