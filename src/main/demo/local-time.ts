import { zonedParts } from '../../shared/domain/time'

// Local ISO text (`2026-11-27T09:30:00+08:00`) for "N days ago at 09:30" in the dealership's zone.
// toLocalIso goes through Intl for every call, far too slow for a million generated timestamps,
// so the zone offset is looked up once per day (at local noon) and the text is assembled here.
// Demo times fall in working hours, so a daylight-saving switch at night cannot move them.

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

export interface LocalCalendar {
  /** Minutes since local midnight now. */
  readonly nowMinute: number
  /** Local ISO date-time of `dayOffset` days from today (negative = past) at a minute of the day. */
  iso(dayOffset: number, minuteOfDay: number, second?: number): string
  /** The business date YYYY-MM-DD `dayOffset` days from today. */
  date(dayOffset: number): string
  /** The calendar year of that day. */
  year(dayOffset: number): number
  /** The day offset (from today) of a calendar date. */
  offsetOf(year: number, month: number, day: number): number
}

export function localCalendar(now: Date, timeZone: string): LocalCalendar {
  const today = zonedParts(now, timeZone)
  const days = new Map<number, { date: string; offset: string; year: number }>()

  function day(dayOffset: number) {
    let d = days.get(dayOffset)
    if (!d) {
      const midnightUtc = Date.UTC(today.year, today.month - 1, today.day + dayOffset)
      const cal = new Date(midnightUtc)
      const noonInstant = new Date(midnightUtc + 12 * 3_600_000 - today.offsetMinutes * 60_000)
      const off = zonedParts(noonInstant, timeZone).offsetMinutes
      const abs = Math.abs(off)
      d = {
        date: `${cal.getUTCFullYear()}-${pad(cal.getUTCMonth() + 1)}-${pad(cal.getUTCDate())}`,
        offset: `${off >= 0 ? '+' : '-'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`,
        year: cal.getUTCFullYear(),
      }
      days.set(dayOffset, d)
    }
    return d
  }

  return {
    nowMinute: today.hour * 60 + today.minute,
    iso(dayOffset, minuteOfDay, second = 0) {
      const d = day(dayOffset)
      const m = Math.max(0, Math.min(24 * 60 - 1, Math.floor(minuteOfDay)))
      return `${d.date}T${pad(Math.floor(m / 60))}:${pad(m % 60)}:${pad(second)}${d.offset}`
    },
    date: (dayOffset) => day(dayOffset).date,
    year: (dayOffset) => day(dayOffset).year,
    offsetOf: (year, month, dayOfMonth) =>
      Math.round((Date.UTC(year, month - 1, dayOfMonth) - Date.UTC(today.year, today.month - 1, today.day)) / 86_400_000),
  }
}

export { shiftIso } from '../../shared/domain/calendar'
