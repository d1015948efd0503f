import { z } from 'zod'
import { FenSchema } from '../domain/schemas'
import { PAYERS } from '../domain/payer'
import { RO_STATES } from '../domain/ro-state'
import { CUSTOMER_SHARE_REASONS } from '../domain/insurance'
import { AGEING_BUCKETS } from '../domain/settlement'
import type { ContractSection } from './types'

// Insurance ROs (保险/事故): the claim on an RO (insurer, policy, 报案号, insured, 免赔), its loss
// assessment (定损) per line and supplements (追加定损), and the insurer/customer split settlement
// invoices from. Writes emit `ro.changed` and `settlement.changed` with the RO id.

const Id = z.number().int().positive()
const DateOnly = z.iso.date({ error: 'insurance.badDate' })
const Text = (max: number) => z.string().trim().min(1).max(max)

const Totals = z.object({ netFen: z.number(), vatFen: z.number(), grossFen: z.number() })

export const InsuranceClaim = z.object({
  id: z.number(),
  version: z.number(),
  insurer: z.string(),
  policyNo: z.string(),
  reportNo: z.string(),
  insuredName: z.string(),
  deductibleFen: z.number(),
  assessor: z.string(),
  reportedOn: z.string(),
  arrivedOn: z.string(),
  assessedOn: z.string().nullable(),
  note: z.string(),
  /** Arrival plus the rule's days: when the assessment is due. */
  assessmentDueOn: z.string(),
  assessmentDays: z.number(),
  /** Assessed after the due date (null while not assessed). */
  assessedLate: z.boolean().nullable(),
})

export const InsuranceView = z.object({
  ro: z.object({
    id: z.number(),
    number: z.string(),
    state: z.enum(RO_STATES),
    plate: z.string().nullable(),
    customerName: z.string(),
    openedAt: z.string(),
    grossFen: z.number(),
  }),
  claim: InsuranceClaim.nullable(),
  lines: z.array(
    z.object({
      /** The RO line's id: what an assessment and a supplement are kept against. */
      lineId: z.number(),
      position: z.number(),
      kind: z.enum(['labour', 'part']),
      description: z.string(),
      payer: z.enum(PAYERS),
      amountFen: z.number(),
      vatRateBp: z.number(),
      assessedFen: z.number().nullable(),
      supplementFen: z.number(),
      insurerFen: z.number(),
      customerFen: z.number(),
      deductibleFen: z.number(),
      reason: z.enum(CUSTOMER_SHARE_REASONS).nullable(),
    }),
  ),
  supplements: z.array(
    z.object({ id: z.number(), lineId: z.number(), position: z.number(), description: z.string(), assessedOn: z.string(), amountFen: z.number(), note: z.string(), byName: z.string(), at: z.string() }),
  ),
  /** The invoices settlement will issue to the insurer and the customer (VAT included). */
  split: z.object({ insurer: Totals, customer: Totals, deductibleAppliedFen: z.number(), roGrossFen: z.number() }),
  /** The claim can still change (the RO is not settled, delivered or cancelled). */
  editable: z.boolean(),
})

export const insuranceContract = {
  'insurance.get': { input: z.strictObject({ roId: Id }), output: InsuranceView, access: 'reception.read', kind: 'read' },
  /** Opens (version 0) or changes the claim with its assessment per RO line id (the version read). */
  'insurance.save': {
    input: z
      .strictObject({
        roId: Id,
        version: z.number().int().min(0),
        insurer: Text(60),
        policyNo: Text(40),
        reportNo: Text(40),
        insuredName: Text(60),
        deductibleFen: FenSchema.default(0),
        assessor: z.string().trim().max(40).default(''),
        reportedOn: DateOnly,
        arrivedOn: DateOnly,
        assessedOn: DateOnly.nullable().default(null),
        note: z.string().trim().max(500).default(''),
        lines: z
          .array(z.strictObject({ lineId: Id, assessedFen: FenSchema, reason: z.enum(CUSTOMER_SHARE_REASONS).default('refused') }))
          .max(200)
          .default([]),
      })
      .refine((c) => new Set(c.lines.map((l) => l.lineId)).size === c.lines.length, { error: 'insurance.duplicateLine', path: ['lines'] })
      .refine((c) => c.assessedOn === null || c.assessedOn >= c.arrivedOn, { error: 'insurance.assessedBeforeArrival', path: ['assessedOn'] }),
    output: InsuranceView,
    access: 'insurance.write',
    kind: 'write',
  },
  /** A supplement (追加定损) on one line, after the first assessment: its own date and amount. */
  'insurance.supplement': {
    input: z.strictObject({
      roId: Id,
      version: z.number().int().positive(),
      /** The RO line's id (as `insurance.get` gives it). */
      lineId: Id,
      assessedOn: DateOnly,
      amountFen: FenSchema.refine((v) => v > 0, { error: 'insurance.amountZero' }),
      note: z.string().trim().max(200).default(''),
    }),
    output: InsuranceView,
    access: 'insurance.write',
    kind: 'write',
  },
} as const satisfies ContractSection

const Buckets = z.object(Object.fromEntries(AGEING_BUCKETS.map((b) => [b, z.number()])) as Record<(typeof AGEING_BUCKETS)[number], z.ZodNumber>)

/** The insurers' receivables (保险应收): served by settlement, which owns the invoices. */
export const insurerReceivablesContract = {
  /** Ageing per insurer and the month-end collection list (当月回款) as of the end of a day. */
  'insurance.receivables': {
    input: z.strictObject({ asOf: DateOnly.optional() }),
    output: z.object({
      asOf: z.string(),
      /** The last day of asOf's month: what is collected by then counts as within the month. */
      monthEnd: z.string(),
      insurers: z.array(z.object({ insurer: z.string(), count: z.number(), balanceFen: z.number(), buckets: Buckets, overdueFen: z.number() })),
      rows: z.array(
        z.object({
          invoiceId: z.number(),
          number: z.string(),
          roId: z.number(),
          roNumber: z.string(),
          insurer: z.string(),
          claimNo: z.string(),
          customerName: z.string(),
          issuedAt: z.string(),
          grossFen: z.number(),
          paidFen: z.number(),
          balanceFen: z.number(),
          ageDays: z.number(),
          /** The last day of the month the invoice was issued in [manual: 保险款当月回收]. */
          dueOn: z.string(),
          overdue: z.boolean(),
        }),
      ),
      balanceFen: z.number(),
    }),
    access: 'receivables.read',
    kind: 'read',
  },
} as const satisfies ContractSection
