import { describe, expect, it } from 'vitest'
import { DEFAULT_OPENING_HOURS_TEXT, parseOpeningHours } from '../../../../shared/domain/opening-hours'
import { dayRows, rowSpan } from './day-rows'
import { bookingDefaults } from './booking-defaults'

const hours = parseOpeningHours(DEFAULT_OPENING_HOURS_TEXT)
const monday = hours[0] ?? null
const at = (time: string, durationMin = 60, advisorId = 1) => ({ advisorId, startsAt: `2026-11-30T${time}:00+08:00`, durationMin })

describe('the rows of the appointment day', () => {
  it('shows the opening hours in half hours when every booking is inside them', () => {
    const rows = dayRows(monday, [at('09:00')])
    expect(rows.slots[0]).toBe(480)
    expect(rows.slots).toHaveLength(20)
    expect(rows.open.every(Boolean)).toBe(true)
  })

  it('extends the day to a 03:00 booking and draws it in the 03:00 row, shaded as outside hours', () => {
    const rows = dayRows(monday, [at('03:00'), at('18:30', 30)])
    expect(rows.slots[0]).toBe(180)
    expect(rows.slots.at(-1)).toBe(18 * 60 + 30)
    expect(rowSpan(rows, at('03:00').startsAt, 60)).toEqual({ row: 0, span: 2 })
    expect(rows.open[0]).toBe(false)
    expect(rows.open[rows.slots.indexOf(480)]).toBe(true)
    expect(rowSpan(rows, at('18:30').startsAt, 30)).toEqual({ row: rows.slots.length - 1, span: 1 })
  })

  it('covers a booking that starts off the half hour from its start row to its end row', () => {
    const rows = dayRows(monday, [])
    expect(rowSpan(rows, at('09:15').startsAt, 30)).toEqual({ row: 2, span: 2 })
    expect(rowSpan(rows, at('17:30').startsAt, 120)).toEqual({ row: 19, span: 1 })
  })
})

describe('the booking dialog defaults', () => {
  const base = { hours, day: '2026-11-30', today: '2026-11-30', now: 2 * 60, durationMin: 60, advisorIds: [1, 2], booked: [] }

  it('starts at the opening hour, not at 03:00, for the current advisor when booked at 02:00', () => {
    expect(bookingDefaults({ ...base, me: 2 })).toEqual({ advisorId: 2, startsAt: '2026-11-30T08:00' })
  })

  it('skips the current advisor\'s booked slots and the time already past', () => {
    const booked = [at('10:00'), at('11:00', 30)]
    expect(bookingDefaults({ ...base, now: 9 * 60 + 40, me: 1, booked })).toEqual({ advisorId: 1, startsAt: '2026-11-30T11:30' })
  })

  it('picks the advisor free soonest when the user does not take bookings, and tomorrow after closing', () => {
    const booked = [at('10:00', 60, 1)]
    expect(bookingDefaults({ ...base, now: 10 * 60, me: 99, booked })).toEqual({ advisorId: 2, startsAt: '2026-11-30T10:00' })
    expect(bookingDefaults({ ...base, now: 17 * 60 + 30, me: 1 })).toEqual({ advisorId: 1, startsAt: '2026-12-01T08:00' })
  })

  it('books today rather than a past day being viewed', () => {
    expect(bookingDefaults({ ...base, day: '2026-11-20', now: 12 * 60, me: 1 }).startsAt).toBe('2026-11-30T12:00')
  })
})
