import { z } from 'zod'
import type { Store } from '../store/open'
import { readSetting } from '../settings/settings'
import { DEFAULT_LOST_MONTHS, DEFAULT_REMINDER_KM, DEFAULT_REMINDER_LEAD_DAYS, DEFAULT_REMINDER_MONTHS } from '../../shared/domain/care-reminder'
import { DEFAULT_COMPLAINT_HOURS, DEFAULT_FOLLOW_UP_DAYS, DEFAULT_LOW_SCORE, SURVEY_SCALE, type ComplaintSeverity } from '../../shared/domain/care'

// Customer care's own settings (each with the default the manual or the usual standard gives).

const Days = z.number().int().min(1).max(30)
const Hours = z.number().int().min(1).max(24 * 60)
const Score = z.number().int().min(SURVEY_SCALE.min).max(SURVEY_SCALE.max)

/** Days after delivery a follow-up call is due (`care.followUpDays`, usually 3). */
export function followUpDays(store: Store): number {
  return readSetting(store, 'care.followUpDays', Days, DEFAULT_FOLLOW_UP_DAYS)
}

/** A survey score at or below this is a low score (`care.lowScore`). */
export function lowScore(store: Store): number {
  return readSetting(store, 'care.lowScore', Score, DEFAULT_LOW_SCORE)
}

/** Hours to resolve a complaint of this severity (`care.complaintHours.<severity>`). */
export function complaintHours(store: Store, severity: ComplaintSeverity): number {
  return readSetting(store, `care.complaintHours.${severity}`, Hours, DEFAULT_COMPLAINT_HOURS[severity])
}

/** The maintenance interval a reminder counts: months and km after the last maintenance, whichever first. */
export function reminderInterval(store: Store): { months: number; km: number; leadDays: number } {
  return {
    months: readSetting(store, 'care.reminderMonths', z.number().int().min(1).max(60), DEFAULT_REMINDER_MONTHS),
    km: readSetting(store, 'care.reminderKm', z.number().int().min(500).max(100_000), DEFAULT_REMINDER_KM),
    leadDays: readSetting(store, 'care.reminderLeadDays', Days, DEFAULT_REMINDER_LEAD_DAYS),
  }
}

/** Months without a visit after which a vehicle's customer counts as lost (`care.lostMonths`). */
export function lostMonths(store: Store): number {
  return readSetting(store, 'care.lostMonths', z.number().int().min(1).max(120), DEFAULT_LOST_MONTHS)
}
