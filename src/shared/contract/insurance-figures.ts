import { z } from 'zod'
import type { ContractSection } from './types'

// The front-desk supervisor's insurance figures (定损及时，当月回款) [manual]:
//   timeliness  per month: insurance ROs assessed within the rule's days of the car's arrival ÷
//               insurance ROs whose assessment fell due in that month (arrival + days);
//   collection  当月回款, the dashboard target's definition: insurer invoices issued in the month
//               and paid in full by its end ÷ insurer invoices issued in it (a running month's
//               invoice not yet paid in full is pending, left out), overall and per insurer; the
//               amounts billed, collected within the month and outstanding stand beside it.
// Each figure has a drill-down listing the rows it counts; the figure is the count or sum of them.

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation.invalidFormat' })

export const TimelinessPoint = z.object({ month: z.string(), onTime: z.number(), due: z.number(), valueBp: z.number().nullable() })
export const CollectionPoint = z.object({
  month: z.string(),
  /** Invoices paid in full within the month (the rate's numerator). */
  collected: z.number(),
  /** Invoices issued in the month and decided (the rate's denominator). */
  invoices: z.number(),
  valueBp: z.number().nullable(),
  /** Running month's invoices not yet paid in full: not in the rate. */
  pending: z.number(),
  /** Billed to insurers in the month (every invoice, pending too). */
  settledFen: z.number(),
  /** Paid within the month on those invoices. */
  collectedFen: z.number(),
  /** Billed less collected within the month. */
  outstandingFen: z.number(),
})
export const InsurerCollection = CollectionPoint.omit({ month: true }).extend({ insurer: z.string() })

/** A claim behind the timeliness figure. */
export const AssessmentRow = z.object({
  claimId: z.number(),
  roId: z.number(),
  roNumber: z.string(),
  plate: z.string().nullable(),
  insurer: z.string(),
  reportNo: z.string(),
  arrivedOn: z.string(),
  dueOn: z.string(),
  assessedOn: z.string().nullable(),
  /** Assessed on or before the due date. */
  onTime: z.boolean(),
  /** Days past the due date: at assessment, or up to today while not assessed (0 when on time). */
  daysLate: z.number(),
})

/** An insurer invoice behind the collection figure. */
export const CollectionRow = z.object({
  invoiceId: z.number(),
  number: z.string(),
  roId: z.number(),
  roNumber: z.string(),
  insurer: z.string(),
  claimNo: z.string(),
  issuedAt: z.string(),
  grossFen: z.number(),
  /** Paid by the end of the month it was issued in (never more than the invoice). */
  collectedInMonthFen: z.number(),
  /** Paid so far, whenever. */
  paidFen: z.number(),
  lastPaidAt: z.string().nullable(),
  /** Paid in full within the month of issue: counts in the rate's numerator. */
  collectedInMonth: z.boolean(),
  /** The running month's and not yet paid in full: left out of the rate. */
  pending: z.boolean(),
})

const r = 'read' as const

export const insuranceFiguresContract = {
  /** The last N months (oldest first) of both figures, and the per-insurer collection of `month` (default: the running month). */
  'insurance.figures': {
    input: z.strictObject({ months: z.number().int().min(1).max(24).default(6), month: Month.optional() }),
    output: z.object({
      asOf: z.string(),
      /** The assessment rule's days after arrival (定损时限). */
      assessmentDays: z.number(),
      timeliness: z.array(TimelinessPoint),
      collection: z.array(CollectionPoint),
      insurersMonth: z.string(),
      insurers: z.array(InsurerCollection),
    }),
    access: 'receivables.read',
    kind: r,
  },
  'insurance.figures.drill': {
    input: z.strictObject({
      figure: z.enum(['timeliness', 'collection']),
      /** Default: the running month. */
      month: Month.optional(),
      /** collection: only this insurer. */
      insurer: z.string().trim().max(60).optional(),
    }),
    output: z.object({ asOf: z.string(), month: z.string(), assessments: z.array(AssessmentRow), invoices: z.array(CollectionRow) }),
    access: 'receivables.read',
    kind: r,
  },
} as const satisfies ContractSection
