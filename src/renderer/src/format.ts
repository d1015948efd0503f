// Money, quantities and dates are formatted and parsed here only, so every screen and the
// printed repair order show them the same way.
import { formatFen, parseYuanToFen, type Fen } from '../../shared/domain/money'
import { formatMilli } from '../../shared/domain/stock'
import { zonedParts } from '../../shared/domain/time'
import type { Locale } from '../../shared/i18n'

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
// written keeps the shop's time on every PC, whatever zone the PC itself is set to.
const ISO = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/

export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const m = ISO.exec(iso)
  return m ? `${m[1]} ${m[2]}` : iso
}

export function dateOnly(iso: string | null | undefined): string {
  if (!iso) return '—'
  return ISO.exec(iso)?.[1] ?? iso.slice(0, 10)
}

export function timeOnly(iso: string | null | undefined): string {
  if (!iso) return '—'
  return ISO.exec(iso)?.[2] ?? iso
}

function offsetText(minutes: number): string {
  const sign = minutes >= 0 ? '+' : '-'
  const abs = Math.abs(minutes)
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
}

/**
 * A wall-clock time as typed at the desk (`2026-11-27T15:30`) to local ISO with the dealership's
 * offset at that moment (`2026-11-27T15:30:00+08:00`).
 */
export function wallClockToIso(wall: string, timeZone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(wall)
  if (!m) throw new RangeError(`Not a wall-clock time: ${wall}`)
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number]
  const guess = new Date(Date.UTC(y, mo - 1, d, h, mi))
  const offset = zonedParts(guess, timeZone).offsetMinutes
  const exact = zonedParts(new Date(guess.getTime() - offset * 60_000), timeZone).offsetMinutes
  return `${wall.slice(0, 16)}:00${offsetText(exact)}`
}

/** Today's business date in the dealership's zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const p = zonedParts(now, timeZone)
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`
}

/** The wall-clock "now" in the dealership's zone, `YYYY-MM-DDTHH:mm`. */
export function nowWallClock(timeZone: string, now: Date = new Date()): string {
  const p = zonedParts(now, timeZone)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`
}
