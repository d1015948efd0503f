// How an alert's numbers read, in one place for the host and the screen: money with thousands
// separators through the one money formatter, and "how long" as minutes under an hour, hours
// under a day, then days (and hours). Alerts store raw figures — fen as `<name>Fen`, the instant
// a wait started as `since` — so the stored alert does not change every minute while the text a
// person reads is always current.
import { formatFen } from '../domain/money'
import { translate, type Locale, type MessageParams } from './index'

/** 30 → "30 min"; 125 → "2 h 5 min"; 1500 → "1 day 1 h" (Chinese: "30 分钟", "2 小时 5 分钟", "1 天 1 小时"). */
export function formatDuration(minutes: number, locale: Locale): string {
  const m = Math.max(0, Math.floor(minutes))
  if (m < 60) return translate(locale, 'duration.minutes', { n: m })
  const hours = Math.floor(m / 60)
  if (hours < 24) {
    const rest = m % 60
    return rest > 0 && hours < 10
      ? translate(locale, 'duration.hoursMinutes', { h: hours, m: rest })
      : translate(locale, 'duration.hours', { n: hours })
  }
  const days = Math.floor(hours / 24)
  const rest = hours % 24
  return rest > 0 ? translate(locale, 'duration.daysHours', { d: days, h: rest }) : translate(locale, 'duration.days', { n: days })
}

/** Whole minutes from `sinceIso` to `now` (0 if `now` is earlier). */
export function minutesSince(sinceIso: string, now: Date): number {
  const since = Date.parse(sinceIso)
  return Number.isFinite(since) ? Math.max(0, Math.floor((now.getTime() - since) / 60_000)) : 0
}

/** The stored parameters plus their display forms: `balanceFen` → `balance` "¥365,884.32"; `since` → `elapsed`. */
export function alertParams(params: MessageParams, locale: Locale, now: Date): MessageParams {
  const out: MessageParams = { ...params }
  for (const [key, value] of Object.entries(params)) {
    if (key.endsWith('Fen') && typeof value === 'number' && Number.isSafeInteger(value)) out[key.slice(0, -3)] = formatFen(value, locale)
  }
  if (typeof params.since === 'string') out.elapsed = formatDuration(minutesSince(params.since, now), locale)
  return out
}

/** An alert's message in `locale`, its numbers formatted for reading now. */
export function alertText(locale: Locale, key: string, params: MessageParams, now: Date): string {
  return translate(locale, key, alertParams(params, locale, now))
}
