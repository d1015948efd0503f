import type { DayHours } from '../../../../shared/domain/opening-hours'
import { minutesOfHhmm } from '../../../../shared/domain/opening-hours'
import { timeOnly } from '../../format'

export const SLOT_MIN = 30
const DAY_END = 24 * 60
/** Rows shown on a closed day (or before the hours are known), so the desk can still book. */
const CLOSED_DAY: DayHours = { open: 8 * 60, close: 18 * 60 }

export interface DayRows {
  /** Minute of each half-hour row, in order. */
  slots: number[]
  /** Whether a row lies inside the opening hours (rows outside are shaded). */
  open: boolean[]
}

export interface RowSpan {
  /** Zero-based first row and number of rows the booking covers. */
  row: number
  span: number
}

export const startMinute = (startsAt: string) => minutesOfHhmm(timeOnly(startsAt).slice(0, 5)) ?? 0

/**
 * The rows of the day: the opening hours, extended to every booking that lies outside them so
 * each is drawn at its own time (a 03:00 booking gets a 03:00 row, never the first row).
 */
export function dayRows(hours: DayHours | null, bookings: readonly { startsAt: string; durationMin: number }[]): DayRows {
  const base = hours ?? CLOSED_DAY
  let first = Math.floor(base.open / SLOT_MIN) * SLOT_MIN
  let last = Math.ceil(base.close / SLOT_MIN) * SLOT_MIN
  for (const b of bookings) {
    const start = startMinute(b.startsAt)
    first = Math.min(first, Math.floor(start / SLOT_MIN) * SLOT_MIN)
    last = Math.max(last, Math.min(DAY_END, Math.ceil((start + Math.max(b.durationMin, 1)) / SLOT_MIN) * SLOT_MIN))
  }
  const slots: number[] = []
  for (let m = first; m < last; m += SLOT_MIN) slots.push(m)
  return { slots, open: slots.map((m) => hours !== null && m >= hours.open && m + SLOT_MIN <= hours.close) }
}

/** Where a booking is drawn: from the row holding its start to the row holding its end. */
export function rowSpan(rows: DayRows, startsAt: string, durationMin: number): RowSpan {
  const first = rows.slots[0] ?? 0
  const start = startMinute(startsAt)
  const row = Math.max(0, Math.floor((start - first) / SLOT_MIN))
  const end = Math.ceil((start + Math.max(durationMin, 1) - first) / SLOT_MIN)
  return { row, span: Math.max(1, Math.min(end, rows.slots.length) - row) }
}
