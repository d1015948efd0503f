// Job-clock arithmetic. Times are stored as local ISO text with the offset, so each one names an
// exact instant: durations are differences of instants (never of wall-clock fields), which keeps
// them exact across midnight, month ends and any change of offset.
import { zonedParts } from './time'

export interface TimeSegment {
  startedAt: string
  /** Null while the clock is still running. */
  endedAt: string | null
}

export const MS_PER_MINUTE = 60_000
export const MS_PER_HOUR = 3_600_000

/** The instant of a stored ISO date-time; refuses text that names no instant. */
export function instantOf(iso: string): number {
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO date-time: ${iso}`)
  return ms
}

/** Milliseconds of one segment; a running one counts up to `nowMs`. */
export function segmentMs(segment: TimeSegment, nowMs: number): number {
  const start = instantOf(segment.startedAt)
  const end = segment.endedAt === null ? nowMs : instantOf(segment.endedAt)
  if (end < start) {
    // A running segment "started in the future" means the PC clock moved back: count nothing.
    if (segment.endedAt === null) return 0
    throw new RangeError(`Segment ends before it starts: ${segment.startedAt} → ${segment.endedAt}`)
  }
  return end - start
}

/** Clocked time of many segments (pauses are simply the gaps between them). */
export function clockedMs(segments: readonly TimeSegment[], nowMs: number): number {
  let total = 0
  for (const segment of segments) total += segmentMs(segment, nowMs)
  return total
}

/** Whole minutes, rounded down: a minute shows once it has passed. */
export function wholeMinutes(ms: number): number {
  return Math.floor(ms / MS_PER_MINUTE)
}

/** Hours in thousandths (the unit of flat-rate hours), rounded half up. 1 h 30 min → 1500. */
export function hoursMilli(ms: number): number {
  return Math.round(ms / 3600)
}

/**
 * Technician efficiency (DOMAIN: flat-rate hours sold / hours clocked) in basis points:
 * 10000 = 100 %. Null when nothing was clocked, where a ratio means nothing.
 */
export function efficiencyBp(soldHoursMilli: number, clocked: number): number | null {
  if (clocked <= 0) return null
  // A thousandth of an hour is 3600 ms.
  return Math.round((soldHoursMilli * 3600 * 10000) / clocked)
}

/** True when two segments share any time (touching ends do not overlap). */
export function overlaps(a: TimeSegment, b: TimeSegment, nowMs: number): boolean {
  const aStart = instantOf(a.startedAt)
  const aEnd = a.endedAt === null ? nowMs : instantOf(a.endedAt)
  const bStart = instantOf(b.startedAt)
  const bEnd = b.endedAt === null ? nowMs : instantOf(b.endedAt)
  return aStart < bEnd && bStart < aEnd
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** The instant of the next local midnight after `ms` in `timeZone`. */
export function nextLocalMidnight(ms: number, timeZone: string): number {
  const p = zonedParts(new Date(ms), timeZone)
  const wallMidnight = Date.UTC(p.year, p.month - 1, p.day + 1, 0, 0, 0)
  let guess = wallMidnight - p.offsetMinutes * MS_PER_MINUTE
  // The offset at midnight may differ from the one at `ms` (a daylight-saving change that day).
  const offsetThere = zonedParts(new Date(guess), timeZone).offsetMinutes
  if (offsetThere !== p.offsetMinutes) guess = wallMidnight - offsetThere * MS_PER_MINUTE
  return guess
}

function dateKey(ms: number, timeZone: string): string {
  const p = zonedParts(new Date(ms), timeZone)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`
}

/**
 * Clocked time per business day (YYYY-MM-DD in `timeZone`): a segment running over midnight is
 * split at the local midnight, so each day gets exactly its own share.
 */
export function msByLocalDate(segments: readonly TimeSegment[], nowMs: number, timeZone: string): Map<string, number> {
  const days = new Map<string, number>()
  for (const segment of segments) {
    let start = instantOf(segment.startedAt)
    const end = start + segmentMs(segment, nowMs)
    while (start < end) {
      const cut = Math.min(end, nextLocalMidnight(start, timeZone))
      const key = dateKey(start, timeZone)
      days.set(key, (days.get(key) ?? 0) + (cut - start))
      start = cut
    }
  }
  return days
}

// Short clock segments (a clock-on and -off seconds apart) say nothing about how long the work
// took: one such job read 720000 % and skewed the shop to 150 %. A closed segment shorter than
// the minimum (setting `clock.minSegmentMinutes`, default 3) is held for the workshop supervisor to
// confirm or correct; until then its whole job is left out of efficiency, sold hours and clocked
// time alike, so the figure is neither inflated nor deflated. The one rule for every efficiency.

export const DEFAULT_MIN_SEGMENT_MINUTES = 3

export interface ClockedSegment extends TimeSegment {
  /** Confirmed by the supervisor, or corrected (a correction is a supervisor's statement of the time). */
  confirmed: boolean
}

/** A closed segment shorter than `minMs` that nobody has confirmed yet. */
export function isHeldShort(segment: ClockedSegment, minMs: number): boolean {
  if (segment.endedAt === null || segment.confirmed) return false
  return instantOf(segment.endedAt) - instantOf(segment.startedAt) < minMs
}

export interface EfficiencyJob {
  soldHoursMilli: number
  segments: readonly ClockedSegment[]
}

export interface EfficiencyFigures {
  jobs: number
  soldHoursMilli: number
  clockedMs: number
  efficiencyBp: number | null
  /** Jobs left out because a short segment awaits confirmation. */
  heldJobs: number
  heldSegments: number
}

/** Efficiency of finished jobs, leaving out those with an unconfirmed short segment. */
export function efficiencyOf(jobs: readonly EfficiencyJob[], minMs: number, nowMs: number): EfficiencyFigures {
  let counted = 0
  let sold = 0
  let clocked = 0
  let heldJobs = 0
  let heldSegments = 0
  for (const job of jobs) {
    const held = job.segments.filter((s) => isHeldShort(s, minMs)).length
    if (held > 0) {
      heldJobs += 1
      heldSegments += held
      continue
    }
    counted += 1
    sold += job.soldHoursMilli
    clocked += clockedMs(job.segments, nowMs)
  }
  return { jobs: counted, soldHoursMilli: sold, clockedMs: clocked, efficiencyBp: efficiencyBp(sold, clocked), heldJobs, heldSegments }
}
