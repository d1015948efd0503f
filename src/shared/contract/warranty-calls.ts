import { z } from 'zod'
import { CALL_OUTCOMES } from '../domain/care'
import { COVERAGES } from '../domain/warranty'
import { WARRANTY_CALL_KINDS, WARRANTY_CALL_STATES } from '../domain/warranty-calls'
import { CallRow } from './care'
import type { ContractSection } from './types'

// The warranty clerk's call list (三包索赔员): coverage-expiry calls (保修到期提醒) due before a
// coverage ends. Calls go into customer care's one call log; an appointment booked from a call
// (预约回厂检查) carries the call's reason. First-service calls (首保提醒, kind `first_service`) are
// listed by `warranty.firstService.list` and logged here the same way. Every write emits `warranty.changed` with the call id.

const Id = z.number().int().positive()
const Version = z.number().int().positive()
const Instant = z.iso.datetime({ offset: true })

export const WarrantyCallRow = z.object({
  id: z.number(),
  version: z.number(),
  kind: z.enum(WARRANTY_CALL_KINDS),
  state: z.enum(WARRANTY_CALL_STATES),
  vehicleId: z.number(),
  plate: z.string().nullable(),
  vin: z.string(),
  model: z.string(),
  customerName: z.string(),
  mobile: z.string().nullable(),
  startsOn: z.string(),
  /** Months from the warranty start: the milestone. */
  months: z.number(),
  /** The last day covered at this milestone. */
  endsOn: z.string(),
  dueDate: z.string(),
  /** The coverages that end here (empty: the manual's check-up milestone). */
  coverages: z.array(z.enum(COVERAGES)),
  attempts: z.number(),
  /** When to try again (an unanswered call: the next day; "call back": the time asked for). */
  nextTryAt: z.string().nullable(),
  /** Why the customer is called, in the caller's language: carried into the appointment. */
  reason: z.string(),
})

export const WarrantyCallView = WarrantyCallRow.extend({
  calls: z.array(CallRow),
  appointment: z.object({ id: z.number(), startsAt: z.string(), advisorName: z.string(), concern: z.string(), status: z.string() }).nullable(),
  closeNote: z.string(),
})

const w = 'write' as const
const r = 'read' as const

export const warrantyCallsContract = {
  /** Today's calls: due, coverage not yet ended, not closed, next try not later than today; earliest end first. */
  'warranty.calls.list': {
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(200) }),
    output: z.array(WarrantyCallRow),
    access: 'warranty.read',
    kind: r,
  },
  'warranty.calls.get': { input: z.strictObject({ id: Id }), output: WarrantyCallView, access: 'warranty.read', kind: r },
  'warranty.calls.logCall': {
    input: z.strictObject({
      id: Id,
      version: Version,
      startedAt: Instant,
      endedAt: Instant,
      outcome: z.enum(CALL_OUTCOMES),
      /** When the customer asked to be called again (outcome `call_back` only). */
      callbackAt: Instant.optional(),
      remark: z.string().trim().max(500).default(''),
      /** Book the check-up from this (reached) call through the appointments desk; the reason goes with it. */
      book: z
        .strictObject({
          advisorId: Id,
          startsAt: Instant,
          durationMin: z.number().int().min(5).max(600).default(60),
          /** Empty: the call's reason. */
          concern: z.string().trim().max(500).default(''),
          outsideHours: z.boolean().default(false),
        })
        .optional(),
      /** The customer does not want to come in (reached call): the call is closed. */
      decline: z.boolean().default(false),
    }),
    output: WarrantyCallView,
    access: 'warranty.write',
    kind: w,
  },
} as const satisfies ContractSection
