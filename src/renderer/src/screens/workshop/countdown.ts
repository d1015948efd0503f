// Time on the board: the countdown to the promised time and clocked hours, ticking on the PC
// between reads but always measured against the host's clock (the board's `at`), so a PC whose
// own clock is wrong still shows the shop's figures.
import { efficiencyBp, instantOf, MS_PER_MINUTE } from '../../../../shared/domain/workshop-clock'
import type { T } from '../../i18n'
import type { JobT } from '../../stores/workshop-store'
import { percentFromBp } from '../../../../shared/format/numbers'

/** The host's "now": its time at the read plus what has passed on this PC since. */
export function hostNow(boardAt: string, receivedAt: number, pcNow: number): number {
  return instantOf(boardAt) + Math.max(0, pcNow - receivedAt)
}

export function minutesLeft(promisedAt: string | null, nowMs: number): number | null {
  if (promisedAt === null) return null
  return Math.floor((instantOf(promisedAt) - nowMs) / MS_PER_MINUTE)
}

/** "1小时05分" / "45分". */
export function durationText(t: T, minutes: number): string {
  const m = Math.max(0, Math.floor(minutes))
  const h = Math.floor(m / 60)
  return h > 0 ? t('wk.time.hm', { h, m: String(m % 60).padStart(2, '0') }) : t('wk.time.m', { m })
}

/** "还剩 1小时05分" or "超时 12分". */
export function countdownText(t: T, minutes: number): string {
  return minutes >= 0 ? t('wk.time.left', { time: durationText(t, minutes) }) : t('wk.time.overdue', { time: durationText(t, -minutes) })
}

/** Clocked time of a job including the running stretch. */
export function jobClockedMs(job: Pick<JobT, 'clockedMs' | 'runningSince'>, nowMs: number): number {
  if (job.runningSince === null) return job.clockedMs
  return job.clockedMs + Math.max(0, nowMs - instantOf(job.runningSince))
}

/** Hours with one decimal for sold and clocked time side by side: "1.5". */
export function hoursText(ms: number): string {
  return (ms / 3_600_000).toFixed(1)
}

export function efficiencyText(soldHoursMilli: number, clockedMs: number): string {
  const bp = efficiencyBp(soldHoursMilli, clockedMs)
  return percentFromBp(bp, { digits: 0 })
}

/**
 * Efficiency with the hours it comes from, the same everywhere: "112% · 9.0 h sold / 8.0 h clocked".
 * A percentage alone hides a job clocked for seconds; the hours show it.
 */
export function efficiencyWithHours(t: T, bp: number | null, soldHoursMilli: number, clockedMs: number): string {
  return t('wk.eff.withHours', { pct: percentFromBp(bp, { digits: 0 }), sold: soldText(soldHoursMilli), clocked: hoursText(clockedMs) })
}

/** One finished job's efficiency, or "to confirm" while a short clock segment waits for the supervisor. */
export function jobEfficiencyText(t: T, job: Pick<JobT, 'state' | 'soldHoursMilli' | 'clockedMs' | 'runningSince' | 'heldSegments'>, nowMs: number): string {
  if (job.state !== 'done') return '—'
  if ((job.heldSegments ?? 0) > 0) return t('wk.eff.held')
  return efficiencyText(job.soldHoursMilli, jobClockedMs(job, nowMs))
}

/** Basis points as a percentage with one decimal: 8750 → "87.5%". */
export function percentText(bp: number | null): string {
  return percentFromBp(bp, { digits: 1, fixed: true })
}

/** The shop's wall-clock time (HH:mm) at `nowMs`, in the offset the host wrote its `at` with. */
export function shopClock(boardAt: string, nowMs: number): string {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(boardAt)
  const offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0
  const local = new Date(nowMs + offset * 60_000)
  return `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`
}

/** Flat-rate hours (thousandths) with one decimal, to stand beside clocked hours: 1500 → "1.5", 4000 → "4.0". */
export function soldText(milli: number): string {
  return (milli / 1000).toFixed(1)
}
