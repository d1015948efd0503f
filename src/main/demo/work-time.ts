import type { LocalCalendar } from './local-time'

// Workshop hours (08:00–18:00, and today until now) as one continuous "work time" axis, so a
// schedule can be planned in working minutes and then laid onto real days: a job that runs past
// closing time is paused for the night and clocked on again the next morning.

const OPEN_MINUTE = 8 * 60
const CLOSE_MINUTE = 18 * 60

export interface WorkTime {
  /** Work time (ms since the first window opened) of a real instant; instants outside count as the next opening. */
  toWork(ms: number): number
  /** The real instant of a work time. Past the end: that far after now. */
  toReal(work: number): number
  /** The real stretches of the work interval [from, to): one per working day it touches. */
  pieces(from: number, to: number): [number, number][]
  /** Work time now. */
  readonly now: number
}

interface Window {
  start: number
  end: number
  /** Work time at the start. */
  at: number
}

export function workTime(cal: LocalCalendar, nowMs: number, days = 4): WorkTime {
  const windows: Window[] = []
  let at = 0
  for (let d = -days; d <= 0; d++) {
    const start = Date.parse(cal.iso(d, OPEN_MINUTE))
    const end = d < 0 ? Date.parse(cal.iso(d, CLOSE_MINUTE)) : nowMs
    if (end <= start) continue
    windows.push({ start, end, at })
    at += end - start
  }
  const total = at
  return {
    now: total,
    toWork(ms) {
      let work = 0
      for (const w of windows) {
        if (ms <= w.start) return work
        work = w.at + Math.min(ms, w.end) - w.start
      }
      return work
    },
    toReal(work) {
      for (const w of windows) if (work < w.at + (w.end - w.start)) return w.start + Math.max(0, work - w.at)
      const last = windows[windows.length - 1]
      return last ? last.end + (work - total) : nowMs + work
    },
    pieces(from, to) {
      const out: [number, number][] = []
      for (const w of windows) {
        const a = Math.max(from, w.at)
        const b = Math.min(to, w.at + (w.end - w.start))
        if (b > a) out.push([w.start + (a - w.at), w.start + (b - w.at)])
      }
      return out
    },
  }
}
