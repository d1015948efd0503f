// Opening hours of the service reception (营业时间), one entry per weekday, Monday first.
// Stored as one setting text "08:00-18:00 08:00-18:00 … closed" so a manager can read it in a
// database dump; every other part of the app works with the parsed form.

export interface DayHours {
  /** Minutes after midnight, local wall clock. */
  open: number
  close: number
}

/** Seven entries, Monday … Sunday; null is a closed day. */
export type OpeningHours = readonly (DayHours | null)[]

/** A 4S store's reception is open every day; 08:00–18:00 is the common default. */
export const DEFAULT_OPENING_HOURS_TEXT = Array.from({ length: 7 }, () => '08:00-18:00').join(' ')

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof WEEKDAYS)[number]

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/

export function minutesOfHhmm(text: string): number | null {
  const m = HHMM.exec(text)
  return m ? Number(m[1]) * 60 + Number(m[2]) : null
}

export const hhmmOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

/** One day's text, "08:00-18:00" or "closed"; null when it is not a valid range. */
export function parseDayHours(text: string): DayHours | null | 'invalid' {
  if (text === 'closed') return null
  const [from = '', to = ''] = text.split('-')
  const open = minutesOfHhmm(from)
  const close = minutesOfHhmm(to)
  if (open === null || close === null || close <= open) return 'invalid'
  return { open, close }
}

/** The setting text as seven days; anything unreadable falls back to the default for that day. */
export function parseOpeningHours(text: string): OpeningHours {
  const parts = text.trim().split(/\s+/)
  const fallback = { open: 8 * 60, close: 18 * 60 }
  return WEEKDAYS.map((_, i) => {
    const day = parseDayHours(parts[i] ?? '')
    return day === 'invalid' ? fallback : day
  })
}

export function formatOpeningHours(hours: OpeningHours): string {
  return hours.map((d) => (d ? `${hhmmOf(d.open)}-${hhmmOf(d.close)}` : 'closed')).join(' ')
}

/** Monday = 0 … Sunday = 6 for a local date `YYYY-MM-DD` (calendar arithmetic, no zone). */
export function weekdayIndex(date: string): number {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number)
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7
}

export type HoursCheck = { ok: true } | { ok: false; weekday: Weekday; day: DayHours | null }

/**
 * Whether a booking from local `startsAt` (`YYYY-MM-DDTHH:mm…`, wall clock) for `durationMin`
 * lies within the day's hours: it starts at or after opening and ends by closing, because the
 * advisor receives the customer inside that time.
 */
export function checkOpeningHours(hours: OpeningHours, startsAt: string, durationMin: number): HoursCheck {
  const index = weekdayIndex(startsAt.slice(0, 10))
  const day = hours[index] ?? null
  const start = minutesOfHhmm(startsAt.slice(11, 16)) ?? 0
  const weekday = WEEKDAYS[index] ?? 'mon'
  if (!day) return { ok: false, weekday, day: null }
  if (start < day.open || start + durationMin > day.close) return { ok: false, weekday, day }
  return { ok: true }
}

/**
 * The first start at or after `fromMinute` on `date` that is inside the hours, on the
 * `stepMin` grid, and does not overlap any of `busy` (minute ranges); null if the day has none.
 */
export function nextFreeStart(
  hours: OpeningHours,
  date: string,
  fromMinute: number,
  durationMin: number,
  busy: readonly { start: number; end: number }[],
  stepMin = 30,
): number | null {
  const day = hours[weekdayIndex(date)] ?? null
  if (!day) return null
  let start = Math.max(day.open, Math.ceil(fromMinute / stepMin) * stepMin)
  for (; start + durationMin <= day.close; start += stepMin) {
    const end = start + durationMin
    if (!busy.some((b) => b.start < end && start < b.end)) return start
  }
  return null
}
