import { hhmmOf, nextFreeStart, type OpeningHours } from '../../../../shared/domain/opening-hours'
import { startMinute } from './day-rows'

export interface BookingDefaults {
  advisorId: number | undefined
  /** Wall clock `YYYY-MM-DDTHH:mm`. */
  startsAt: string
}

interface Context {
  hours: OpeningHours
  /** The day the desk is looking at and today, `YYYY-MM-DD`; `now` is today's wall-clock minute. */
  day: string
  today: string
  now: number
  durationMin: number
  /** Advisors who take bookings; the current user first if they are one. */
  advisorIds: readonly number[]
  me: number | undefined
  /** Bookings of `day` that still hold their slot. */
  booked: readonly { advisorId: number; startsAt: string; durationMin: number }[]
}

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/**
 * What the booking dialog starts with: the current user when they take bookings (otherwise the
 * advisor free soonest), at the next free slot inside the opening hours from now on — on the day
 * shown if it is today or later, else today; days after it are tried from their opening time.
 */
export function bookingDefaults(c: Context): BookingDefaults {
  const candidates = c.me !== undefined && c.advisorIds.includes(c.me) ? [c.me] : [...c.advisorIds]
  const firstDay = c.day >= c.today ? c.day : c.today
  for (let offset = 0; offset < 14; offset++) {
    const date = addDays(firstDay, offset)
    const from = date === c.today ? c.now : 0
    let best: { advisorId: number | undefined; start: number } | null = null
    for (const advisorId of candidates.length ? candidates : [undefined]) {
      // Only the shown day's bookings are known here; the host refuses nothing for overlap anyway.
      const busy =
        date === c.day
          ? c.booked.filter((b) => b.advisorId === advisorId).map((b) => ({ start: startMinute(b.startsAt), end: startMinute(b.startsAt) + b.durationMin }))
          : []
      const start = nextFreeStart(c.hours, date, from, c.durationMin, busy)
      if (start !== null && (best === null || start < best.start)) best = { advisorId, start }
    }
    if (best) return { advisorId: best.advisorId, startsAt: `${date}T${hhmmOf(best.start)}` }
  }
  return { advisorId: candidates[0], startsAt: `${firstDay}T08:00` }
}
