import { z } from 'zod'
import {
  CALL_OUTCOMES,
  COMPLAINT_CATEGORIES,
  COMPLAINT_SEVERITIES,
  COMPLAINT_SOURCES,
  COMPLAINT_STATES,
  FOLLOW_UP_STATES,
  SURVEY_MAX_QUESTIONS,
  SURVEY_SCALE,
} from '../domain/care'
import { RO_TYPES } from '../domain/ro-type'
import { DUE_BY, REMINDER_STATES } from '../domain/care-reminder'
import type { ContractSection } from './types'

// Customer care (客户关怀): the follow-up call list after delivery (回访) with its call log and
// survey, and the complaints register (抱怨/投诉) with each case's steps. Every write emits
// `care.changed` with the follow-up or complaint id.

const Id = z.number().int().positive()
const Version = z.number().int().positive()
const Instant = z.iso.datetime({ offset: true })
const Note = z.string().trim().max(500).default('')
const Needed = z.string().trim().min(2).max(500)

/** A question of the survey template asked (its code); the five defaults keep their codes across versions. */
export const Answer = z.strictObject({ question: z.string().trim().min(1).max(30), score: z.number().int().min(SURVEY_SCALE.min).max(SURVEY_SCALE.max) })

export const ComplaintDraft = z.strictObject({
  category: z.enum(COMPLAINT_CATEGORIES),
  severity: z.enum(COMPLAINT_SEVERITIES),
  /** The customer's own words. */
  words: Needed,
})

export const FollowUpRow = z.object({
  id: z.number(),
  version: z.number(),
  state: z.enum(FOLLOW_UP_STATES),
  roId: z.number(),
  roNumber: z.string(),
  roType: z.enum(RO_TYPES),
  plate: z.string().nullable(),
  model: z.string(),
  customerName: z.string(),
  mobile: z.string().nullable(),
  assigneeId: z.number(),
  assigneeName: z.string(),
  deliveredAt: z.string(),
  dueDate: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  attempts: z.number(),
  callbackAt: z.string().nullable(),
  closedAt: z.string().nullable(),
})

export const CallRow = z.object({
  id: z.number(),
  userName: z.string(),
  startedAt: z.string(),
  endedAt: z.string(),
  outcome: z.enum(CALL_OUTCOMES),
  callbackAt: z.string().nullable(),
  remark: z.string(),
  /** As asked: the question's wording in the call's template version (null: the catalogs' wording of a default question). */
  answers: z.array(z.object({ question: z.string(), text: z.string().nullable(), score: z.number() })),
})

export const FollowUpView = FollowUpRow.extend({
  calls: z.array(CallRow),
  doneCallId: z.number().nullable(),
  closeNote: z.string(),
  complaints: z.array(z.object({ id: z.number(), number: z.string(), state: z.enum(COMPLAINT_STATES) })),
  /** The template asked now: its version and questions in order (text null: the catalogs' wording). */
  survey: z.object({ version: z.number(), questions: z.array(z.object({ code: z.string(), text: z.string().nullable() })), min: z.number(), max: z.number(), lowScore: z.number() }),
})

export const ComplaintRow = z.object({
  id: z.number(),
  version: z.number(),
  number: z.string(),
  state: z.enum(COMPLAINT_STATES),
  source: z.enum(COMPLAINT_SOURCES),
  category: z.enum(COMPLAINT_CATEGORIES),
  severity: z.enum(COMPLAINT_SEVERITIES),
  customerName: z.string(),
  mobile: z.string().nullable(),
  plate: z.string().nullable(),
  roId: z.number().nullable(),
  roNumber: z.string().nullable(),
  ownerId: z.number().nullable(),
  ownerName: z.string().nullable(),
  department: z.string().nullable(),
  openedAt: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  words: z.string(),
})

export const ComplaintView = ComplaintRow.extend({
  followUpId: z.number().nullable(),
  accepted: z.boolean().nullable(),
  acceptanceNote: z.string(),
  rootCause: z.string(),
  openedBy: z.string(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  steps: z.array(z.object({ id: z.number(), kind: z.enum(['open', 'assign', 'action', 'resolve', 'reopen', 'close']), note: z.string(), userName: z.string(), at: z.string() })),
})

export const ReminderRow = z.object({
  id: z.number(),
  version: z.number(),
  state: z.enum(REMINDER_STATES),
  vehicleId: z.number(),
  plate: z.string().nullable(),
  model: z.string(),
  customerName: z.string(),
  mobile: z.string().nullable(),
  /** The last maintenance RO the reminder counts from. */
  roId: z.number(),
  roNumber: z.string(),
  serviceAt: z.string(),
  serviceKm: z.number(),
  lastKm: z.number(),
  /** Km per day in hundredths from the odometer history; null when it cannot be told. */
  kmPerDayCenti: z.number().nullable(),
  dueByMonths: z.string(),
  dueByKm: z.string().nullable(),
  dueDate: z.string(),
  dueBy: z.enum(DUE_BY),
  overdue: z.boolean(),
  attempts: z.number(),
  callbackAt: z.string().nullable(),
  /** Why the car is due, in the caller's language: carried into the appointment booked from the call. */
  reason: z.string(),
})

export const ReminderView = ReminderRow.extend({
  calls: z.array(CallRow),
  appointment: z.object({ id: z.number(), startsAt: z.string(), advisorName: z.string(), concern: z.string(), status: z.string() }).nullable(),
  closeNote: z.string(),
})

const w = 'write' as const
const r = 'read' as const

export const careContract = {
  'care.followups.list': {
    input: z.strictObject({ state: z.enum(['open', 'closed', 'all']).default('open'), limit: z.number().int().min(1).max(500).default(200) }),
    output: z.array(FollowUpRow),
    access: 'care.read',
    kind: r,
  },
  'care.followups.get': { input: z.strictObject({ id: Id }), output: FollowUpView, access: 'care.read', kind: r },
  'care.followups.logCall': {
    input: z.strictObject({
      id: Id,
      version: Version,
      startedAt: Instant,
      endedAt: Instant,
      outcome: z.enum(CALL_OUTCOMES),
      /** When the customer asked to be called again (outcome `call_back` only). */
      callbackAt: Instant.optional(),
      answers: z.array(Answer).max(SURVEY_MAX_QUESTIONS).default([]),
      remark: Note,
      /** Mark the follow-up done with this call: refused unless reached with every answer. */
      done: z.boolean().default(false),
      /** Open a complaint from this call, linked to the RO, in the same step. */
      complaint: ComplaintDraft.optional(),
    }),
    output: FollowUpView,
    access: 'care.call',
    kind: w,
  },
  'care.followups.giveUp': {
    input: z.strictObject({ id: Id, version: Version, note: Needed }),
    output: FollowUpView,
    access: 'care.call',
    kind: w,
  },
  'care.reminders.list': {
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(200) }),
    output: z.array(ReminderRow),
    access: 'care.read',
    kind: r,
  },
  'care.reminders.get': { input: z.strictObject({ id: Id }), output: ReminderView, access: 'care.read', kind: r },
  'care.reminders.logCall': {
    input: z.strictObject({
      id: Id,
      version: Version,
      startedAt: Instant,
      endedAt: Instant,
      outcome: z.enum(CALL_OUTCOMES),
      callbackAt: Instant.optional(),
      remark: Note,
      /** Book the service from this (reached) call through the appointments desk; the reason goes with it. */
      book: z
        .strictObject({
          advisorId: Id,
          startsAt: Instant,
          durationMin: z.number().int().min(5).max(600).default(60),
          /** Empty: the reminder's reason. */
          concern: z.string().trim().max(500).default(''),
          outsideHours: z.boolean().default(false),
        })
        .optional(),
      /** The customer does not want the service now (reached call): the reminder is closed. */
      decline: z.boolean().default(false),
    }),
    output: ReminderView,
    access: 'care.call',
    kind: w,
  },
  'care.lost': {
    input: z.strictObject({
      /** Months without a visit; the setting `care.lostMonths` (12) when left out. */
      months: z.number().int().min(1).max(120).optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    output: z.object({
      months: z.number(),
      cutoff: z.string(),
      rows: z.array(
        z.object({
          vehicleId: z.number(),
          plate: z.string().nullable(),
          model: z.string(),
          modelYear: z.number().nullable(),
          customerName: z.string(),
          mobile: z.string().nullable(),
          lastVisitAt: z.string(),
          lastRoNumber: z.string(),
          visits: z.number(),
          /** What the vehicle's settled ROs came to, fen (gross). */
          valueFen: z.number(),
        }),
      ),
    }),
    access: 'care.read',
    kind: r,
  },
  'care.retention': {
    input: z.strictObject({}),
    output: z.object({
      depth: z.number(),
      /** reached[k]: vehicles with at least k + 1 visits (the last: that many or more). */
      total: z.array(z.number()),
      years: z.array(z.object({ modelYear: z.number().nullable(), reached: z.array(z.number()) })),
    }),
    access: 'care.read',
    kind: r,
  },
  'care.staff': {
    input: z.strictObject({}),
    output: z.array(z.object({ id: z.number(), name: z.string(), role: z.string() })),
    access: 'care.read',
    kind: r,
  },
  'care.complaints.list': {
    input: z.strictObject({ state: z.enum(['active', 'closed', 'all']).default('active'), limit: z.number().int().min(1).max(500).default(200) }),
    output: z.array(ComplaintRow),
    access: 'care.read',
    kind: r,
  },
  'care.complaints.get': { input: z.strictObject({ id: Id }), output: ComplaintView, access: 'care.read', kind: r },
  'care.complaints.open': {
    input: ComplaintDraft.extend({
      source: z.enum(COMPLAINT_SOURCES.filter((s) => s !== 'followup') as ['desk', 'phone', 'hotline']),
      customerId: Id,
      vehicleId: Id.optional(),
      roId: Id.optional(),
    }),
    output: ComplaintView,
    access: 'care.complaints',
    kind: w,
  },
  'care.complaints.assign': {
    input: z.strictObject({ id: Id, version: Version, ownerId: Id, department: z.string().trim().min(1).max(40), note: Note }),
    output: ComplaintView,
    access: 'care.complaints',
    kind: w,
  },
  'care.complaints.act': {
    input: z.strictObject({ id: Id, version: Version, note: Needed }),
    output: ComplaintView,
    access: 'care.complaints',
    kind: w,
  },
  'care.complaints.resolve': {
    input: z.strictObject({ id: Id, version: Version, accepted: z.boolean(), acceptanceNote: Note, rootCause: Needed }),
    output: ComplaintView,
    access: 'care.complaints',
    kind: w,
  },
  'care.complaints.reopen': {
    input: z.strictObject({ id: Id, version: Version, note: Needed }),
    output: ComplaintView,
    access: 'care.complaints',
    kind: w,
  },
  'care.complaints.close': {
    input: z.strictObject({ id: Id, version: Version, note: Note }),
    output: ComplaintView,
    access: 'care.complaints.close',
    kind: w,
  },
} as const satisfies ContractSection
