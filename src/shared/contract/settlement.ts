import { z } from 'zod'
import { FenSchema } from '../domain/schemas'
import { PAYERS } from '../domain/payer'
import { RO_STATES } from '../domain/ro-state'
import { RO_GATES } from '../domain/ro-gates'
import { RO_TYPES } from '../domain/ro-type'
import { AGEING_BUCKETS, PAYMENT_METHODS } from '../domain/settlement'
import type { ContractSection } from './types'

// Settlement (结算) at the cashier: one invoice per payer from the RO's lines, discounts capped by
// permission, payments by method (recorded, not processed), receivables per payer with ageing,
// reversal with a reason, delivery with a gate pass (出门证). Every write emits `settlement.changed`
// and `ro.changed` with the RO id.

const Id = z.number().int().positive()
const Version = z.number().int().positive()
const DateOnly = z.iso.date()
const Reason = z.string().trim().min(2).max(200)
const PositiveFen = FenSchema.refine((v) => v > 0, { error: 'settlement.amountZero' })

export const InvoiceDraft = z.object({
  payer: z.enum(PAYERS),
  grossBeforeFen: z.number(),
  discountFen: z.number(),
  netFen: z.number(),
  vatFen: z.number(),
  grossFen: z.number(),
})

export const Invoice = z.object({
  id: z.number(),
  number: z.string(),
  payer: z.enum(PAYERS),
  kind: z.enum(['invoice', 'credit']),
  reversalOf: z.number().nullable(),
  netFen: z.number(),
  vatFen: z.number(),
  grossFen: z.number(),
  discountFen: z.number(),
  state: z.enum(['issued', 'reversed']),
  insurer: z.string().nullable(),
  claimNo: z.string().nullable(),
  issuedAt: z.string(),
  issuedBy: z.string(),
  paidFen: z.number(),
  balanceFen: z.number(),
})

export const Payment = z.object({
  id: z.number(),
  invoiceId: z.number(),
  invoiceNumber: z.string(),
  payer: z.enum(PAYERS),
  method: z.enum(PAYMENT_METHODS),
  amountFen: z.number(),
  reference: z.string(),
  at: z.string(),
  userName: z.string(),
  reversalOf: z.number().nullable(),
  /** Cash handed over when it was more than was open (null otherwise), and the change given back (找零). */
  tenderedFen: z.number().nullable(),
  changeFen: z.number(),
})

export const SettlementView = z.object({
  ro: z.object({
    id: z.number(),
    number: z.string(),
    type: z.enum(RO_TYPES),
    state: z.enum(RO_STATES),
    version: z.number(),
    plate: z.string().nullable(),
    vin: z.string(),
    model: z.string(),
    customerId: z.number(),
    customerName: z.string(),
    customerMobile: z.string().nullable(),
    advisorName: z.string(),
    odometerKm: z.number(),
    openedAt: z.string(),
    promisedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    settledAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    netFen: z.number(),
    vatFen: z.number(),
    grossFen: z.number(),
  }),
  lines: z.array(
    z.object({
      position: z.number(),
      kind: z.enum(['labour', 'part']),
      description: z.string(),
      quantityMilli: z.number(),
      unitPriceFen: z.number(),
      amountFen: z.number(),
      payer: z.enum(PAYERS),
      vatRateBp: z.number(),
    }),
  ),
  /** What settling now would invoice, before discounts (empty once settled). */
  drafts: z.array(InvoiceDraft),
  invoices: z.array(Invoice),
  payments: z.array(Payment),
  /** Unpaid on the customer's own invoice: delivery waits for it unless released on credit. */
  customerBalanceFen: z.number(),
  balanceFen: z.number(),
  discountCapBp: z.number(),
  history: z.array(z.object({ kind: z.enum(['settle', 'reversal']), at: z.string(), userName: z.string(), reason: z.string(), note: z.string() })),
  gatePass: z.object({ number: z.string(), deliveredAt: z.string(), onCredit: z.boolean(), outstandingFen: z.number() }).nullable(),
  /**
   * What stands between this RO and settlement now (the state machine's gates): the refusals the
   * cashier would get, each as its message, and the part lines not yet issued. Empty once settled.
   */
  settleGates: z.object({
    refusals: z.array(z.object({ gate: z.enum(RO_GATES), message: z.string(), waivable: z.boolean() })),
    outstandingParts: z.array(z.object({ partId: z.number(), partNumber: z.string(), name: z.string(), requestedMilli: z.number(), issuedMilli: z.number() })),
  }),
  /**
   * 维修质量保证期 of the RO's type (a setting), printed on the statement: days or km, whichever
   * first, counted from delivery (or from settlement until the car is delivered).
   */
  repairWarranty: z.object({ days: z.number(), km: z.number(), fromDate: z.string().nullable(), untilDate: z.string().nullable(), untilKm: z.number() }),
  /** An insurance RO's claim (insurer, report number): its invoices follow the assessment's split. */
  insuranceClaim: z.object({ insurer: z.string(), claimNo: z.string(), assessed: z.boolean() }).nullable(),
  /** The standing settlement's waiver of unissued parts (printed on the statement), if any. */
  partsOverride: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
  dealer: z.object({ name: z.string(), code: z.string() }),
})

export const QueueRow = z.object({
  id: z.number(),
  number: z.string(),
  type: z.enum(RO_TYPES),
  state: z.enum(RO_STATES),
  version: z.number(),
  plate: z.string().nullable(),
  model: z.string(),
  customerName: z.string(),
  advisorName: z.string(),
  grossFen: z.number(),
  balanceFen: z.number(),
  /** What the customer still owes: other payers (warranty, insurer, internal) are not the customer's debt. */
  customerBalanceFen: z.number(),
  completedAt: z.string().nullable(),
  settledAt: z.string().nullable(),
})

export const ReceivableRow = z.object({
  invoiceId: z.number(),
  number: z.string(),
  roId: z.number(),
  roNumber: z.string(),
  payer: z.enum(PAYERS),
  customerName: z.string(),
  insurer: z.string().nullable(),
  claimNo: z.string().nullable(),
  issuedAt: z.string(),
  grossFen: z.number(),
  paidFen: z.number(),
  balanceFen: z.number(),
  ageDays: z.number(),
  bucket: z.enum(AGEING_BUCKETS),
})

const w = 'write' as const
const r = 'read' as const

export const settlementContract = {
  'settlement.queue': {
    input: z.strictObject({ state: z.enum(['ready', 'settled']).default('ready'), limit: z.number().int().min(1).max(500).default(200) }),
    output: z.array(QueueRow),
    access: 'settlement.read',
    kind: r,
  },
  'settlement.get': { input: z.strictObject({ roId: Id }), output: SettlementView, access: 'settlement.read', kind: r },
  'settlement.settle': {
    input: z.strictObject({
      roId: Id,
      version: Version,
      discounts: z
        .array(z.strictObject({ payer: z.enum(PAYERS), amountFen: FenSchema }))
        .max(PAYERS.length)
        .default([])
        .refine((ds) => new Set(ds.map((d) => d.payer)).size === ds.length, { error: 'settlement.duplicatePayer' }),
      /** Required when the RO has lines the insurer pays (保险公司, 报案号). */
      insurance: z.strictObject({ insurer: z.string().trim().min(1).max(60), claimNo: z.string().trim().min(1).max(40) }).optional(),
      payments: z
        .array(z.strictObject({ payer: z.enum(PAYERS), method: z.enum(PAYMENT_METHODS), amountFen: PositiveFen, reference: z.string().trim().max(60).default('') }))
        .max(20)
        .default([]),
      note: z.string().trim().max(500).default(''),
      /** Settle although billed parts are not all issued (`settlement.partsOverride`); the reason is printed on the statement. */
      partsOverride: z.strictObject({ reason: Reason }).optional(),
    }),
    output: SettlementView,
    access: 'settlement.settle',
    kind: w,
  },
  'settlement.pay': {
    input: z.strictObject({ invoiceId: Id, method: z.enum(PAYMENT_METHODS), amountFen: PositiveFen, reference: z.string().trim().max(60).default('') }),
    output: SettlementView,
    access: 'settlement.settle',
    kind: w,
  },
  'settlement.reverse': {
    input: z.strictObject({ roId: Id, version: Version, reason: Reason }),
    output: SettlementView,
    access: 'settlement.reverse',
    kind: w,
  },
  'settlement.deliver': {
    input: z.strictObject({ roId: Id, version: Version, onCredit: z.boolean().default(false) }),
    output: SettlementView,
    access: 'settlement.settle',
    kind: w,
  },
  'receivables.list': {
    input: z.strictObject({
      payer: z.enum(PAYERS).optional(),
      asOf: DateOnly.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
      offset: z.number().int().min(0).default(0),
    }),
    output: z.object({
      asOf: z.string(),
      rows: z.array(ReceivableRow),
      total: z.number(),
      summary: z.array(z.object({ payer: z.enum(PAYERS), bucket: z.enum(AGEING_BUCKETS), count: z.number(), balanceFen: z.number() })),
      balanceFen: z.number(),
    }),
    access: 'receivables.read',
    kind: r,
  },
} as const satisfies ContractSection
