import { addDays, dayBounds, localDate, shiftIso } from './calendar'

// Customer care (客户关怀): follow-up calls after delivery (回访) and complaints (抱怨/投诉).
// Pure rules and vocabularies; the services in main/care apply them.

/** 手册/DOMAIN: a follow-up call within 3 days of delivery (setting `care.followUpDays`). */
export const DEFAULT_FOLLOW_UP_DAYS = 3
/** A survey answer at or below this opens the complaint step in the call dialog (setting `care.lowScore`). */
export const DEFAULT_LOW_SCORE = 6
/** Calls without reaching the customer before a follow-up may be closed as unreachable. */
export const UNREACHABLE_AFTER_ATTEMPTS = 3

export const FOLLOW_UP_STATES = ['open', 'done', 'unreachable'] as const
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number]

export const CALL_OUTCOMES = ['reached', 'no_answer', 'wrong_number', 'call_back'] as const
export type CallOutcome = (typeof CALL_OUTCOMES)[number]

/**
 * The survey is scored 1–10 per question: the makers' phone surveys (and the J.D. Power China CSI
 * they follow) ask each item on a 10-point scale and report the index on 1,000 points, so a mean
 * of 9.5 is the manual's 950 — the same scale the front-desk supervisor's target is read in.
 */
export const SURVEY_SCALE = { min: 1, max: 10 } as const

/**
 * 手册: phone-survey score ≥ 950 on 1,000 points — the survey's mean read in hundredths of a point
 * on its 10-point scale (9.5 → 950), the satisfaction figure's target band.
 */
export const SATISFACTION_TARGET_CENTI = 950

/**
 * The share of follow-ups done within their days that the figure is held to. The manual asks for
 * every call within 3 days; 95 % leaves room for the customers no one can reach in time (house
 * standard, not the manual's).
 */
export const FOLLOW_UP_IN_TIME_TARGET_BP = 9_500

/** The default survey template (5 questions); a call's answers are stored by these codes. */
export const SURVEY_QUESTIONS = ['overall', 'advisor', 'quality', 'on_time', 'price_explained'] as const
export type SurveyQuestion = (typeof SURVEY_QUESTIONS)[number]

export const COMPLAINT_SOURCES = ['followup', 'desk', 'phone', 'hotline'] as const
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number]
export const COMPLAINT_CATEGORIES = ['quality', 'price', 'time', 'attitude', 'parts', 'other'] as const
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number]
export const COMPLAINT_SEVERITIES = ['low', 'medium', 'high'] as const
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number]
export const COMPLAINT_STATES = ['open', 'assigned', 'resolved', 'closed'] as const
export type ComplaintState = (typeof COMPLAINT_STATES)[number]

/** Hours to resolve a complaint by severity (settings `care.complaintHours.<severity>`). */
export const DEFAULT_COMPLAINT_HOURS: Record<ComplaintSeverity, number> = { high: 24, medium: 72, low: 168 }

export const COMPLAINT_STEPS = ['assign', 'action', 'resolve', 'reopen', 'close'] as const
export type ComplaintStep = (typeof COMPLAINT_STEPS)[number]

// Who may follow whom: an owner first (assign, again to hand over), then actions; resolution
// records the customer's acceptance and the root cause; only an accepted resolution closes, one
// the customer did not accept is reopened and worked on.
const COMPLAINT_FLOW: Record<ComplaintStep, { from: readonly ComplaintState[]; to: ComplaintState | null }> = {
  assign: { from: ['open', 'assigned'], to: 'assigned' },
  action: { from: ['assigned'], to: null },
  resolve: { from: ['assigned'], to: 'resolved' },
  reopen: { from: ['resolved'], to: 'assigned' },
  close: { from: ['resolved'], to: 'closed' },
}

/** The state after `step`, the same state for a step that does not move it, or null when refused. */
export function complaintNext(state: ComplaintState, step: ComplaintStep): ComplaintState | null {
  const rule = COMPLAINT_FLOW[step]
  if (!rule.from.includes(state)) return null
  return rule.to ?? state
}

/**
 * When a follow-up is due: the end of the local day `days` after the delivery date (delivered on
 * the 30th with 3 days: due by the end of the 2nd of next month). `dueAt` is the next midnight,
 * exclusive: done before it is done in time.
 */
export function followUpDue(deliveredAt: Date, days: number, timeZone: string): { dueDate: string; dueAt: string } {
  const dueDate = addDays(localDate(deliveredAt, timeZone), days)
  return { dueDate, dueAt: dayBounds(dueDate, timeZone).to }
}

/** A complaint's deadline: `hours` after it was opened (stored local ISO, same offset). */
export function complaintDue(openedAt: string, hours: number): string {
  return shiftIso(openedAt, hours * 60)
}

/** Questions a survey template may have (the supervisor's edits stay a phone call's length). */
export const SURVEY_MAX_QUESTIONS = 20

/** Whether every question of the template asked (`questions`, its codes) has a score. */
export function surveyComplete(answers: readonly { question: string }[], questions: readonly string[] = SURVEY_QUESTIONS): boolean {
  const given = new Set(answers.map((a) => a.question))
  return questions.every((q) => given.has(q))
}
