// Dates are stored as ISO-8601 text in the dealership's time zone, with its offset
// (`2026-11-27T11:20:00+08:00`), so they read right in the shop and still sort and compare.

export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'

const partsFormatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    partsFormatters.set(timeZone, f)
  }
  return f
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

export interface ZonedParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  offsetMinutes: number
}

// A write reads the same few instants (its clock's `now`, the month's bounds) dozens of times, and
// Intl's formatToParts is the costly step, so the last instants' fields are kept. Pure function of
// (zone, instant): nothing here can go stale. Cleared when full, so it stays small.
const recentParts = new Map<string, Readonly<ZonedParts>>()
const RECENT_PARTS_MAX = 512

/** The wall-clock fields of `date` in `timeZone`, and that zone's offset at that instant. */
export function zonedParts(date: Date, timeZone: string = DEFAULT_TIME_ZONE): ZonedParts {
  // The parts have whole seconds (the offset too is computed from the whole second), so every
  // instant within one second has the same answer: the clock's `now` read many times per write
  // is computed once.
  const key = `${timeZone}|${Math.floor(date.getTime() / 1000)}`
  const known = recentParts.get(key)
  if (known) return { ...known }
  const computed = computeZonedParts(date, timeZone)
  if (recentParts.size >= RECENT_PARTS_MAX) recentParts.clear()
  recentParts.set(key, computed)
  return { ...computed }
}

function computeZonedParts(date: Date, timeZone: string): ZonedParts {
  const parts: Record<string, number> = {}
  for (const p of formatterFor(timeZone).formatToParts(date)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value)
  }
  const year = parts.year ?? 1970
  const month = parts.month ?? 1
  const day = parts.day ?? 1
  const hour = parts.hour ?? 0
  const minute = parts.minute ?? 0
  const second = parts.second ?? 0
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second)
  const offsetMinutes = Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60000)
  return { year, month, day, hour, minute, second, offsetMinutes }
}

export function toLocalIso(date: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = zonedParts(date, timeZone)
  const sign = p.offsetMinutes >= 0 ? '+' : '-'
  const off = Math.abs(p.offsetMinutes)
  return (
    `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}` +
    `${sign}${pad(Math.floor(off / 60))}:${pad(off % 60)}`
  )
}

/** The business date (YYYY-MM-DD) of an instant in the dealership's zone. */
export function localDate(date: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = zonedParts(date, timeZone)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`
}

/** Stored local ISO text back to an instant. */
export function parseIso(text: string): Date {
  const d = new Date(text)
  if (Number.isNaN(d.getTime())) throw new RangeError(`Not an ISO date-time: ${text}`)
  return d
}
