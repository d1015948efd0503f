import { z } from 'zod'
import { CLAIM_STATES, CLAIM_TYPES } from '../domain/warranty'
import { AGEING_BUCKETS } from '../domain/warranty-figures'
import type { ContractSection } from './types'

// The warranty desk's figures (三包索赔员): first-submission pass rate (一次提交通过率, target ≥ 98 %),
// the maker's reasons for returning or rejecting claims, and the receivable from the maker by age
// (索赔款账龄). Each figure has a drill-down listing the claims it counts; the figure is the sum of
// its rows.

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation.invalidFormat' })

/** One month of the pass rate: claims passed on their first submission ÷ claims decided on it. */
export const PassPoint = z.object({ month: z.string(), passed: z.number(), decided: z.number(), valueBp: z.number().nullable() })

/** The maker's returns and rejections in a month, grouped by its reason (as recorded). */
export const ReasonCount = z.object({ decision: z.enum(['returned', 'rejected']), reason: z.string(), count: z.number() })

/** Approved claims the maker has not paid yet, by days since the approval. */
export const AgeingBucket = z.object({ bucket: z.enum(AGEING_BUCKETS), claims: z.number(), amountFen: z.number() })

/** A claim behind a figure. */
export const FigureClaim = z.object({
  claimId: z.number(),
  number: z.string(),
  roId: z.number(),
  roNumber: z.string(),
  claimType: z.enum(CLAIM_TYPES),
  state: z.enum(CLAIM_STATES),
  customerName: z.string(),
  /** pass rate / reasons: the decision's instant; ageing: the approval. */
  decidedAt: z.string().nullable(),
  /** pass rate: the first decision (approved counts as passed); reasons: returned or rejected. */
  decision: z.enum(['approved', 'returned', 'rejected']).nullable(),
  reason: z.string(),
  /** ageing: approved amount, unpaid; else the claimed total. */
  amountFen: z.number(),
  /** ageing: whole days since approval (local dates). */
  ageDays: z.number().nullable(),
  bucket: z.enum(AGEING_BUCKETS).nullable(),
})

const r = 'read' as const

export const warrantyFiguresContract = {
  /** The pass rate per month (last N months, oldest first), this month's reasons, ageing as of now. */
  'warranty.figures': {
    input: z.strictObject({ months: z.number().int().min(1).max(24).default(6), reasonsMonth: Month.optional() }),
    output: z.object({
      asOf: z.string(),
      targetBp: z.number(),
      pass: z.array(PassPoint),
      reasonsMonth: z.string(),
      reasons: z.array(ReasonCount),
      ageing: z.array(AgeingBucket),
    }),
    access: 'warranty.read',
    kind: r,
  },
  'warranty.figures.drill': {
    input: z.strictObject({
      figure: z.enum(['first_pass', 'reasons', 'ageing']),
      /** first_pass and reasons: the month (default: the running month); ageing is as of now. */
      month: Month.optional(),
      /** reasons: only this decision and reason. */
      decision: z.enum(['returned', 'rejected']).optional(),
      reason: z.string().max(500).optional(),
      /** ageing: only this band. */
      bucket: z.enum(AGEING_BUCKETS).optional(),
    }),
    output: z.object({ asOf: z.string(), claims: z.array(FigureClaim) }),
    access: 'warranty.read',
    kind: r,
  },
} as const satisfies ContractSection
