import { z } from 'zod'
import { FenSchema, QuantityMilliSchema } from '../domain/schemas'
import { CLAIM_STATES, CLAIM_TYPES, COVERAGES, DECISIONS } from '../domain/warranty'
import { CHECK_RULES } from '../domain/warranty-check'
import { DIFFERENCE_DISPOSITIONS } from '../domain/warranty-money'
import { PART_HANDLINGS, SHELF_STATES, SHIPMENT_STATES } from '../domain/warranty-parts'
import type { ContractSection } from './types'
import { CheckRuleRow } from './warranty-rules'

// The warranty desk (三包索赔): coverage per vehicle, claims built from an RO's warranty lines with
// their state machine and status log, and the pre-submission check. Every write emits
// `warranty.changed` with the claim id (and `vehicle.changed` for a warranty start).

const Id = z.number().int().positive()
const Version = z.number().int().positive()
const Reason = z.string().trim().min(2).max(200)
const Text = z.string().trim().max(1000)

export const CoverageLine = z.object({
  coverage: z.enum(COVERAGES),
  months: z.number(),
  km: z.number(),
  untilDate: z.string(),
  untilKm: z.number(),
  covered: z.boolean(),
  endedBy: z.enum(['date', 'km']).nullable(),
})

export const VehicleCoverage = z.object({
  vehicleId: z.number(),
  make: z.string(),
  model: z.string(),
  odometerKm: z.number(),
  /** The warranty start (delivery / invoice date), else the first registration; null when neither is known. */
  startsOn: z.string().nullable(),
  startSource: z.enum(['delivery', 'first_registration']).nullable(),
  asOf: z.string(),
  lines: z.array(CoverageLine),
})

export const Finding = z.object({
  rule: z.enum(CHECK_RULES),
  severity: z.enum(['block', 'warn']),
  field: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The finding and how to fix it, in the caller's language. */
  text: z.string(),
  /** The recorded override of a warning, if any. */
  overridden: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
})

const LabourIn = z.strictObject({
  opCode: z.string().trim().max(20).default(''),
  description: z.string().trim().min(1).max(200),
  hoursMilli: QuantityMilliSchema,
  rateFen: FenSchema,
})
const PartIn = z.strictObject({
  partId: Id.optional(),
  description: z.string().trim().min(1).max(200),
  quantityMilli: QuantityMilliSchema,
  unitPriceFen: FenSchema,
})
const ExpenseIn = z.strictObject({ kind: z.enum(['sublet', 'towing', 'other']), description: z.string().trim().min(1).max(200), amountFen: FenSchema })

export const ClaimDetail = z.object({
  id: z.number(),
  number: z.string(),
  version: z.number(),
  state: z.enum(CLAIM_STATES),
  claimType: z.enum(CLAIM_TYPES),
  ro: z.object({ id: z.number(), number: z.string(), state: z.string(), openedAt: z.string(), completedAt: z.string().nullable(), odometerKm: z.number() }),
  vehicle: z.object({ id: z.number(), vin: z.string(), plate: z.string().nullable(), make: z.string(), model: z.string() }),
  customerName: z.string(),
  causalPart: z.object({ id: z.number(), partNumber: z.string(), name: z.string() }).nullable(),
  failureCode: z.string(),
  mileageKm: z.number(),
  concern: z.string(),
  cause: z.string(),
  correction: z.string(),
  labour: z.array(z.object({ opCode: z.string(), description: z.string(), hoursMilli: z.number(), rateFen: z.number(), amountFen: z.number(), standardHoursMilli: z.number().nullable() })),
  parts: z.array(z.object({ partId: z.number().nullable(), partNumber: z.string().nullable(), description: z.string(), quantityMilli: z.number(), unitPriceFen: z.number(), amountFen: z.number() })),
  expenses: z.array(z.object({ kind: z.enum(['sublet', 'towing', 'other']), description: z.string(), amountFen: z.number() })),
  labourFen: z.number(),
  partsFen: z.number(),
  otherFen: z.number(),
  totalFen: z.number(),
  approvedFen: z.number().nullable(),
  paidFen: z.number().nullable(),
  makerRef: z.string(),
  submissions: z.number(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  /** The pre-submission check as the claim stands now (empty once submitted). */
  findings: z.array(Finding),
  log: z.array(z.object({ fromState: z.enum(CLAIM_STATES).nullable(), toState: z.enum(CLAIM_STATES), at: z.string(), userName: z.string(), reason: z.string() })),
  /** The RO's parts that can be the causal part (its part lines). */
  roParts: z.array(z.object({ id: z.number(), partNumber: z.string(), name: z.string() })),
  dealer: z.object({ name: z.string(), code: z.string() }),
  /** The claim in the settlement ledger: the RO's warranty invoice (null until settled), the claim's share, paid and written off. */
  money: z.object({
    invoice: z.object({ id: z.number(), number: z.string(), grossFen: z.number(), balanceFen: z.number() }).nullable(),
    claimedFen: z.number().nullable(),
    paidFen: z.number().nullable(),
    writtenOffFen: z.number(),
    disposition: z.enum(DIFFERENCE_DISPOSITIONS).nullable(),
    differenceReason: z.string(),
    /** The invoice a re-charged difference raised: to the RO's customer or the internal account, with what is still open. */
    recharge: z.object({ id: z.number(), number: z.string(), payer: z.enum(['customer', 'internal']), grossFen: z.number(), balanceFen: z.number() }).nullable(),
  }),
})

export const ClaimRow = z.object({
  id: z.number(),
  number: z.string(),
  state: z.enum(CLAIM_STATES),
  claimType: z.enum(CLAIM_TYPES),
  roNumber: z.string(),
  plate: z.string().nullable(),
  vin: z.string(),
  model: z.string(),
  customerName: z.string(),
  totalFen: z.number(),
  approvedFen: z.number().nullable(),
  submissions: z.number(),
  updatedAt: z.string(),
  /** The last reason in the status log (the maker's for a return or rejection). */
  lastReason: z.string(),
})

const Override = z.strictObject({ rule: z.enum(CHECK_RULES), reason: Reason })
const Overrides = z
  .array(Override)
  .max(CHECK_RULES.length)
  .default([])
  .refine((os) => new Set(os.map((o) => o.rule)).size === os.length, { error: 'warranty.duplicateOverride' })

const PaymentLine = z.strictObject({
  line: z.number().int().min(1).max(1_000_000),
  claimNumber: z.string().trim().toUpperCase().min(1).max(40),
  paidFen: FenSchema,
  makerRef: z.string().trim().max(40).default(''),
  note: z.string().trim().max(200).default(''),
})

export const PaymentPreview = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  sheet: z.string().nullable(),
  headerRow: z.number(),
  totalLines: z.number(),
  lines: z.array(
    z.object({
      line: z.number(),
      claimId: z.number(),
      claimNumber: z.string(),
      roNumber: z.string(),
      invoiceNumber: z.string(),
      state: z.enum(CLAIM_STATES),
      /** The claim's share of the RO's warranty invoice (VAT included). */
      claimedFen: z.number(),
      paidFen: z.number(),
      differenceFen: z.number(),
      /** `same`: already paid with this amount (importing again changes nothing). */
      action: z.enum(['pay', 'same']),
      makerRef: z.string(),
      note: z.string(),
    }),
  ),
  errors: z.array(z.object({ line: z.number(), field: z.string().nullable(), message: z.string() })),
  claimedFen: z.number(),
  paidFen: z.number(),
  differenceFen: z.number(),
})

export const ShelfPart = z.object({
  id: z.number(),
  tag: z.string(),
  version: z.number(),
  roId: z.number(),
  roNumber: z.string(),
  vin: z.string(),
  partNumber: z.string().nullable(),
  description: z.string(),
  quantityMilli: z.number(),
  taggedAt: z.string(),
  state: z.enum(SHELF_STATES),
  claim: z.object({ id: z.number(), number: z.string(), state: z.enum(CLAIM_STATES) }).nullable(),
  place: z.string().nullable(),
  handling: z.enum(PART_HANDLINGS).nullable(),
  /** Return to the maker by (回运件), or keep until (留存件). */
  dueOn: z.string().nullable(),
  keptAt: z.string().nullable(),
  shipment: z.object({ id: z.number(), number: z.string() }).nullable(),
  scrapReason: z.string(),
  /** A part to return whose return date has passed. */
  overdue: z.boolean(),
  /** A retained part whose retention ended and whose claim is paid or written off. */
  scrappable: z.boolean(),
})

const ShipmentHead = z.object({
  id: z.number(),
  number: z.string(),
  state: z.enum(SHIPMENT_STATES),
  carrier: z.string(),
  waybill: z.string(),
  receiptRef: z.string(),
  note: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  shippedAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  version: z.number(),
  parts: z.number(),
})
export const Shipment = ShipmentHead.extend({ lines: z.array(ShelfPart), dealer: z.object({ name: z.string(), code: z.string() }) })

const w = 'write' as const
const r = 'read' as const

export const warrantyContract = {
  'warranty.coverage': {
    input: z.strictObject({ vehicleId: Id }),
    output: VehicleCoverage,
    // Coverage is part of the vehicle's record at reception; claims need warranty.read.
    access: 'reception.read',
    kind: r,
  },
  'warranty.setStart': {
    input: z.strictObject({ vehicleId: Id, startsOn: z.iso.date() }),
    output: VehicleCoverage,
    access: 'warranty.write',
    kind: w,
  },
  'warranty.today': {
    input: z.strictObject({}),
    output: z.object({
      toCheck: z.array(ClaimRow),
      returned: z.array(ClaimRow),
      awaitingDecision: z.array(ClaimRow),
      /** Settled-or-ready ROs with warranty lines and no claim yet. */
      rosWithoutClaim: z.array(z.object({ roId: z.number(), roNumber: z.string(), plate: z.string().nullable(), model: z.string(), customerName: z.string(), warrantyFen: z.number(), completedAt: z.string().nullable() })),
    }),
    access: 'warranty.read',
    kind: r,
  },
  'warranty.claim.list': {
    input: z.strictObject({
      state: z.enum(CLAIM_STATES).optional(),
      q: z.string().trim().max(40).default(''),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    output: z.array(ClaimRow),
    access: 'warranty.read',
    kind: r,
  },
  'warranty.claim.get': { input: z.strictObject({ id: Id }), output: ClaimDetail, access: 'warranty.read', kind: r },
  'warranty.claim.fromRo': {
    input: z.strictObject({ roId: Id, claimType: z.enum(CLAIM_TYPES).default('general') }),
    output: ClaimDetail,
    access: 'warranty.write',
    kind: w,
  },
  'warranty.claim.save': {
    input: z.strictObject({
      id: Id,
      version: Version,
      claimType: z.enum(CLAIM_TYPES),
      causalPartId: Id.nullable(),
      failureCode: z.string().trim().max(20),
      mileageKm: z.number().int().min(0).max(9_999_999),
      concern: Text,
      cause: Text,
      correction: Text,
      labour: z.array(LabourIn).max(50),
      parts: z.array(PartIn).max(100),
      expenses: z.array(ExpenseIn).max(20),
    }),
    output: ClaimDetail,
    access: 'warranty.write',
    kind: w,
  },
  'warranty.claim.delete': {
    input: z.strictObject({ id: Id, version: Version }),
    output: z.object({ id: z.number() }),
    access: 'warranty.write',
    kind: w,
  },
  /** Runs the pre-check; draft → checked when nothing blocks and every warning is overridden. */
  'warranty.claim.check': {
    input: z.strictObject({ id: Id, version: Version, overrides: Overrides }),
    output: ClaimDetail,
    access: 'warranty.write',
    kind: w,
  },
  /** Checked → submitted, or returned → resubmitted; the pre-check runs again first. */
  'warranty.claim.submit': {
    input: z.strictObject({ id: Id, version: Version, overrides: Overrides }),
    output: ClaimDetail,
    access: 'warranty.write',
    kind: w,
  },
  /** The maker's decision as read in its portal; a return or rejection carries the maker's reason. */
  'warranty.claim.decide': {
    input: z.strictObject({
      id: Id,
      version: Version,
      decision: z.enum(DECISIONS),
      reason: z.string().trim().max(200).default(''),
      approvedFen: FenSchema.optional(),
      makerRef: z.string().trim().max(40).default(''),
    }),
    output: ClaimDetail,
    access: 'warranty.write',
    kind: w,
  },
  'warranty.claim.pay': {
    input: z.strictObject({
      id: Id,
      version: Version,
      paidFen: FenSchema,
      reference: z.string().trim().max(60).default(''),
      /** On a settled RO, what the maker paid less than the claim's share is written off or re-charged, with the reason. */
      difference: z.strictObject({ disposition: z.enum(DIFFERENCE_DISPOSITIONS), reason: Reason }).optional(),
    }),
    output: ClaimDetail,
    access: 'warranty.write',
    kind: w,
  },
  'warranty.claim.writeOff': {
    input: z.strictObject({ id: Id, version: Version, reason: Reason }),
    output: ClaimDetail,
    access: 'warranty.write',
    kind: w,
  },
  /** Dry run of a maker's payment list (保修付款清单, XLSX or CSV): claimed vs paid per claim, and every bad line. */
  'warranty.payments.preview': {
    input: z.strictObject({
      fileName: z.string().trim().min(1).max(200),
      /** The file's bytes, base64. */
      contentBase64: z.string().min(1).max(20_000_000),
      encoding: z.enum(['auto', 'utf-8', 'gb18030']).default('auto'),
      sheet: z.string().trim().max(100).optional(),
    }),
    output: PaymentPreview,
    access: 'warranty.write',
    kind: r,
  },
  /** The dry run's lines, applied in one transaction; every cut or rejected difference needs its disposition and reason. */
  'warranty.payments.apply': {
    input: z.strictObject({
      fileName: z.string().trim().min(1).max(200),
      lines: z.array(PaymentLine).min(1).max(20_000),
      differences: z
        .array(z.strictObject({ line: z.number().int().min(1).max(1_000_000), disposition: z.enum(DIFFERENCE_DISPOSITIONS), reason: Reason }))
        .max(20_000)
        .default([])
        .refine((ds) => new Set(ds.map((d) => d.line)).size === ds.length, { error: 'warranty.payments.duplicateDifference' }),
      /** What the dry run promised; claims paid since then are a CONFLICT, not a surprise. */
      expect: z.strictObject({ pay: z.number().int().min(0) }),
    }),
    output: z.object({ importId: z.number().nullable(), paid: z.number(), unchanged: z.number(), paidFen: z.number(), writtenOffFen: z.number() }),
    access: 'warranty.write',
    kind: w,
  },
  /** The old-part shelf: warranty old parts tagged at the counter, kept for a claim, packed, shipped, scrapped. */
  'warranty.parts.shelf': {
    input: z.strictObject({
      state: z.enum(SHELF_STATES).optional(),
      claimId: Id.optional(),
      shipmentId: Id.optional(),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    output: z.array(ShelfPart),
    access: 'warranty.read',
    kind: r,
  },
  /** Keep a tagged warranty part for its claim at a storage place; the deadline follows the maker's rule. */
  'warranty.parts.keep': {
    input: z.strictObject({ id: Id, version: Version, claimId: Id, place: z.string().trim().toUpperCase().min(1).max(20), handling: z.enum(PART_HANDLINGS) }),
    output: ShelfPart,
    access: 'warranty.write',
    kind: w,
  },
  'warranty.parts.label': {
    input: z.strictObject({ id: Id }),
    output: z.object({
      tag: z.string(),
      claimNumber: z.string(),
      roNumber: z.string(),
      vin: z.string(),
      partNumber: z.string().nullable(),
      description: z.string(),
      keptOn: z.string(),
      place: z.string(),
      handling: z.enum(PART_HANDLINGS),
      dueOn: z.string(),
      /** The QR code's text: claim|VIN|part number|date kept. */
      qrText: z.string(),
      /** Code 128 module widths of the tag number. */
      tagBars: z.string(),
    }),
    access: 'warranty.read',
    kind: r,
  },
  /** Scrap authorisation (报废授权) of a retained part after its retention, its claim paid or written off. */
  'warranty.parts.scrap': {
    input: z.strictObject({ id: Id, version: Version, reason: Reason }),
    output: ShelfPart,
    access: 'warranty.write',
    kind: w,
  },
  'warranty.shipments.list': {
    input: z.strictObject({ state: z.enum(SHIPMENT_STATES).optional(), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(ShipmentHead),
    access: 'warranty.read',
    kind: r,
  },
  'warranty.shipments.get': { input: z.strictObject({ id: Id }), output: Shipment, access: 'warranty.read', kind: r },
  /** A return shipment (回运单) of kept parts to return. */
  'warranty.shipments.create': {
    input: z.strictObject({
      oldPartIds: z
        .array(Id)
        .min(1)
        .max(500)
        .refine((ids) => new Set(ids).size === ids.length, { error: 'warranty.shipments.duplicatePart' }),
      note: z.string().trim().max(200).default(''),
    }),
    output: Shipment,
    access: 'warranty.write',
    kind: w,
  },
  'warranty.shipments.ship': {
    input: z.strictObject({ id: Id, version: Version, carrier: z.string().trim().min(1).max(60), waybill: z.string().trim().min(1).max(60) }),
    output: Shipment,
    access: 'warranty.write',
    kind: w,
  },
  /** The maker's receipt of a shipped return shipment. */
  'warranty.shipments.receive': {
    input: z.strictObject({ id: Id, version: Version, receiptRef: z.string().trim().min(1).max(60) }),
    output: Shipment,
    access: 'warranty.write',
    kind: w,
  },
  /** The pre-submission check rules with their versions, defaults and parameter ranges (warranty-rules.ts saves them). */
  'warranty.checkRules': {
    input: z.strictObject({}),
    output: z.array(CheckRuleRow),
    access: 'warranty.read',
    kind: r,
  },
} as const satisfies ContractSection
