// Money, quantities and dates are formatted and parsed here only, so every screen and the
// printed repair order show them the same way.
import { formatFen, parseYuanToFen, type Fen } from '../../shared/domain/money'
import { formatMilli } from '../../shared/domain/stock'
import { localDate, wallClockOf, wallClockToIso } from '../../shared/domain/calendar'
import type { Locale } from '../../shared/i18n'
import { wallDate, wallDateTime, wallTime } from '../../shared/format/wall-clock'

export function money(fen: Fen, locale: Locale): string {
  return formatFen(fen, locale)
}

/** Fen as a plain yuan figure for an input box: 12345 → "123.45". */
export function fenToYuanText(fen: Fen): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

export function yuanTextToFen(text: string): Fen | null {
  return parseYuanToFen(text)
}

/** "1.5" → 1500 thousandths; null for anything that is not a plain positive decimal (≤ 3 places). */
export function decimalToMilli(text: string): number | null {
  const match = /^\s*(\d+)(?:\.(\d{1,3}))?\s*$/.exec(text)
  if (!match) return null
  const [, whole = '0', fraction = ''] = match
  return Number(whole) * 1000 + Number(fraction.padEnd(3, '0'))
}

/** 1500 → "1.5"; 2000 → "2"; -250 → "-0.25" (the one quantity formatter, shared with main). */
export function milliToDecimal(milli: number): string {
  return formatMilli(milli)
}

/**
 * An odometer reading. 0 is how a reading nobody took is stored (a vehicle registered without
 * one); no car in service reads 0 km, so it shows as unknown ("—"), never as a figure.
 */
export function km(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || value <= 0) return '—'
  return `${new Intl.NumberFormat(locale).format(value)} km`
}

// Stored times are local ISO text in the dealership's zone; showing the wall-clock part as
// written keeps the shop's time on every PC, whatever zone the PC itself is set to. The rule is
// shared/format/wall-clock.ts's (the main process writes the same text into files); a screen
// shows a dash for none.
export function dateTime(iso: string | null | undefined): string {
  return wallDateTime(iso) || '—'
}

export function dateOnly(iso: string | null | undefined): string {
  return wallDate(iso) || '—'
}

export function timeOnly(iso: string | null | undefined): string {
  return wallTime(iso) || '—'
}

// Wall-clock ↔ instant conversion is the dealership calendar's (shared/domain/calendar.ts).
export { wallClockToIso }

/** Today's business date in the dealership's zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return localDate(now, timeZone)
}

/** The wall-clock "now" in the dealership's zone, `YYYY-MM-DDTHH:mm`. */
export function nowWallClock(timeZone: string, now: Date = new Date()): string {
  return wallClockOf(now, timeZone)
}
