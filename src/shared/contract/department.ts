import { z } from 'zod'
import { ROLES } from '../domain/roles'
import { DEPARTMENTS, FIVE_S, FIVES_AREAS, TARGET_MEASURES, TRAINING_TYPES } from '../domain/department'
import { KPIS } from '../domain/etiquette'
import { SCORECARD_KINDS } from '../domain/figures'
import { EtiquetteCheck } from './etiquette'
import type { ContractSection } from './types'

// Running the department (售后经理/主管的管理工作): quarterly targets split to months and people
// with actuals from the ledger (settled ROs, their invoices, the stock moves issued to them),
// month-to-date progress, a straight-line forecast and a drill-down to the ROs behind each
// figure; per-person monthly scorecards with the manager's comment and the person's
// acknowledgement; training sessions with assessments and the technical supervisor's repair
// cases, counted against the manual's monthly targets. Every write emits `department.changed`.

const Id = z.number().int().positive()
const Version = z.number().int().positive()
const Year = z.number().int().min(2000).max(2100)
const Quarter = z.number().int().min(1).max(4)
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation.invalidFormat' })
const DateOnly = z.iso.date()
/** A target amount: ROs as a count, money in fen. */
const Amount = z.number().int({ error: 'validation.notInteger' }).min(0).max(100_000_000_000)
const Measure = z.enum(TARGET_MEASURES)

export const StaffMember = z.object({
  userId: z.number(),
  name: z.string(),
  role: z.enum(ROLES),
  department: z.enum(DEPARTMENTS).nullable(),
})

export const TargetPlan = z.object({
  measure: Measure,
  /** null while no target is set for the quarter. */
  targetId: z.number().nullable(),
  total: z.number().nullable(),
  note: z.string(),
  version: z.number().nullable(),
  months: z.array(z.object({ month: z.string(), amount: z.number() })),
  people: z.array(z.object({ userId: z.number(), amount: z.number() })),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
})

export const TargetsView = z.object({
  year: z.number(),
  quarter: z.number(),
  months: z.array(z.string()),
  plans: z.array(TargetPlan),
  /** The year's target per measure: the sum of the quarters set so far, and how many are set. */
  yearTotals: z.array(z.object({ measure: Measure, total: z.number(), quartersSet: z.number() })),
  /** The people a target can be split to: those who own ROs (advisors and the front-desk supervisor). */
  staff: z.array(StaffMember),
})

export const MeasureProgress = z.object({
  measure: Measure,
  monthTarget: z.number().nullable(),
  actual: z.number(),
  progressBp: z.number().nullable(),
  forecast: z.number(),
  forecastBp: z.number().nullable(),
  quarterTarget: z.number().nullable(),
  quarterActual: z.number(),
})

export const ProgressView = z.object({
  month: z.string(),
  year: z.number(),
  quarter: z.number(),
  asOf: z.string(),
  daysElapsed: z.number(),
  daysInMonth: z.number(),
  measures: z.array(MeasureProgress),
  people: z.array(
    StaffMember.extend({
      values: z.array(z.object({ measure: Measure, quarterTarget: z.number().nullable(), quarterActual: z.number(), monthActual: z.number() })),
    }),
  ),
})

export const ActualRow = z.object({
  roId: z.number(),
  number: z.string(),
  advisorId: z.number(),
  advisorName: z.string(),
  settledAt: z.string(),
  /** Net of VAT, after the settlement's discounts: labour and parts on the RO's invoices. */
  productionFen: z.number(),
  /** Part lines net of VAT, before discounts. */
  partsFen: z.number(),
  /** Cost of the parts issued to the RO, net of returns (the stock ledger's value). */
  partsCostFen: z.number(),
  grossProfitFen: z.number(),
})

export const DrillView = z.object({
  month: z.string(),
  measure: Measure,
  userId: z.number().nullable(),
  /** The figure the rows add up to. */
  value: z.number(),
  rows: z.array(ActualRow),
  truncated: z.boolean(),
})

export const Scorecard = z.object({
  month: z.string(),
  person: StaffMember,
  kind: z.enum(SCORECARD_KINDS),
  advisor: z
    .object({
      ros: z.number(),
      productionFen: z.number(),
      partsFen: z.number(),
      /** Maintenance ROs completed in the month and decided (settled, or past the deadline), and those settled in time. */
      settlementDecided: z.number(),
      settledInTime: z.number(),
      timelinessBp: z.number().nullable(),
      deadlineDays: z.number(),
      targets: z.array(z.object({ measure: Measure, quarterTarget: z.number().nullable(), quarterActual: z.number() })),
    })
    .nullable(),
  technician: z
    .object({
      jobs: z.number(),
      soldHoursMilli: z.number(),
      clockedMs: z.number(),
      efficiencyBp: z.number().nullable(),
      heldJobs: z.number(),
      reworks: z.number(),
    })
    .nullable(),
  /** A parts clerk's or supervisor's month at the counter and in the stocktakes (the rows: `department.figure.drill`). */
  parts: z
    .object({
      /** RO part requests they handled first, and those served from stock in full at the first ask. */
      requested: z.number(),
      served: z.number(),
      fillRateBp: z.number().nullable(),
      /** Lines of the month's approved stocktakes they counted or approved, their book value and |variance|. */
      stocktakeLines: z.number(),
      bookValueFen: z.number(),
      absVarianceFen: z.number(),
      varianceBp: z.number().nullable(),
      /** Issue and return moves they posted to ROs, and their sale value at the ROs' prices (net of VAT). */
      saleMoves: z.number(),
      salesFen: z.number(),
    })
    .nullable(),
  training: z.object({ sessions: z.number(), passed: z.number(), minutes: z.number() }),
  /** The month's etiquette checks of the person and their average score (null without checks). */
  etiquette: z.object({ scoreBp: z.number().nullable(), checks: z.array(EtiquetteCheck) }),
  /** The role's KPIs: the month's target (null when none is set) against the actual from the ledger. */
  kpis: z.array(z.object({ kpi: z.enum(KPIS), target: z.number().nullable(), actual: z.number().nullable(), met: z.boolean().nullable() })),
  review: z
    .object({
      comment: z.string(),
      commentedBy: z.string(),
      commentedAt: z.string(),
      acknowledgedAt: z.string().nullable(),
      version: z.number(),
    })
    .nullable(),
})

export const ScorecardSummary = z.object({
  person: StaffMember,
  kind: z.enum(SCORECARD_KINDS),
  /** The headline figure: ROs for an advisor, sold hours (thousandths) for a technician, part requests handled for the parts counter. */
  headline: z.number(),
  /** The month's etiquette score (average of the month's checks; null without checks). */
  etiquetteBp: z.number().nullable(),
  reviewed: z.boolean(),
  acknowledged: z.boolean(),
})

export const TrainingSession = z.object({
  id: z.number(),
  heldOn: z.string(),
  department: z.enum(DEPARTMENTS),
  type: z.enum(TRAINING_TYPES),
  topic: z.string(),
  trainer: z.string(),
  durationMin: z.number(),
  attendees: z.array(z.object({ userId: z.number(), name: z.string(), passed: z.boolean().nullable(), score: z.number().nullable() })),
  createdBy: z.string(),
  /** Materials attached to the session (owner kind `training_session`). */
  attachments: z.number(),
})

export const RepairCase = z.object({
  id: z.number(),
  submittedOn: z.string(),
  authorName: z.string(),
  vehicle: z.string(),
  fault: z.string(),
  diagnosis: z.string(),
  fix: z.string(),
  hotline: z.boolean(),
})

export const TrainingMonth = z.object({
  month: z.string(),
  counts: z.array(z.object({ department: z.enum(DEPARTMENTS), sessions: z.number(), target: z.number().nullable(), attendees: z.number(), passed: z.number() })),
  repairCases: z.object({ count: z.number(), target: z.number() }),
  sessions: z.array(TrainingSession),
  cases: z.array(RepairCase),
})

export const FivesItem = z.object({ id: z.number(), area: z.enum(FIVES_AREAS), s: z.enum(FIVE_S), label: z.string(), position: z.number() })

export const FivesFinding = z.object({
  id: z.number(),
  auditId: z.number(),
  area: z.enum(FIVES_AREAS),
  text: z.string(),
  ownerId: z.number(),
  ownerName: z.string(),
  dueOn: z.string(),
  state: z.enum(['open', 'closed']),
  /** Open past its due date (as of today in the dealership's zone). */
  overdue: z.boolean(),
  closedAt: z.string().nullable(),
  closeNote: z.string(),
  /** Photos attached to the finding (owner kind `fives_finding`). */
  attachments: z.number(),
  version: z.number(),
})

export const FivesAudit = z.object({
  id: z.number(),
  area: z.enum(FIVES_AREAS),
  auditedOn: z.string(),
  auditorName: z.string(),
  score: z.number(),
  maxScore: z.number(),
  findings: z.array(FivesFinding),
})

export const FivesTrend = z.object({
  /** The months of the trend, oldest first, ending with the month asked for. */
  months: z.array(z.string()),
  areas: z.array(
    z.object({
      area: z.enum(FIVES_AREAS),
      /** Per month: the audits held and their score as basis points of the maximum (null without an audit). */
      points: z.array(z.object({ month: z.string(), audits: z.number(), scoreBp: z.number().nullable() })),
      openFindings: z.number(),
      overdueFindings: z.number(),
    }),
  ),
})

export const ScorecardHistoryRow = z.object({
  month: z.string(),
  comment: z.string(),
  commentedBy: z.string(),
  commentedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
})

const Text = (max: number) => z.string().trim().min(1).max(max)

const w = 'write' as const
const r = 'read' as const

export const departmentContract = {
  'department.targets.get': { input: z.strictObject({ year: Year, quarter: Quarter }), output: TargetsView, access: 'department.read', kind: r },
  'department.targets.save': {
    input: z.strictObject({
      year: Year,
      quarter: Quarter,
      measure: Measure,
      total: Amount,
      note: z.string().trim().max(200).default(''),
      /** The quarter's three months; they must add up to `total`. */
      months: z.array(z.strictObject({ month: Month, amount: Amount })).length(3),
      /** Optional split to people; when given it must add up to `total` too. */
      people: z
        .array(z.strictObject({ userId: Id, amount: Amount }))
        .max(100)
        .default([])
        .refine((ps) => new Set(ps.map((p) => p.userId)).size === ps.length, { error: 'department.duplicatePerson' }),
      /** The version read, when the target exists already. */
      version: Version.optional(),
    }),
    output: TargetsView,
    access: 'department.targets',
    kind: w,
  },
  'department.progress': { input: z.strictObject({ month: Month }), output: ProgressView, access: 'department.read', kind: r },
  'department.drill': {
    input: z.strictObject({ month: Month, measure: Measure, userId: Id.optional(), limit: z.number().int().min(1).max(2_000).default(500) }),
    output: DrillView,
    access: 'department.read',
    kind: r,
  },
  'department.scorecards': { input: z.strictObject({ month: Month }), output: z.array(ScorecardSummary), access: 'department.read', kind: r },
  'department.scorecard': { input: z.strictObject({ month: Month, userId: Id }), output: Scorecard, access: 'department.read', kind: r },
  /** One's own scorecard, for every logged-in person (to read and acknowledge the manager's comment). */
  'department.myScorecard': { input: z.strictObject({ month: Month }), output: Scorecard, access: 'session', kind: r },
  'department.scorecard.comment': {
    input: z.strictObject({ month: Month, userId: Id, comment: Text(1_000), version: Version.optional() }),
    output: Scorecard,
    access: 'department.scorecard',
    kind: w,
  },
  /** One's own reviewed months, newest first: the manager's comment and when it was acknowledged. */
  'department.myScorecards': { input: z.strictObject({}), output: z.array(ScorecardHistoryRow), access: 'department.own', kind: r },
  'department.scorecard.acknowledge': { input: z.strictObject({ month: Month, version: Version }), output: Scorecard, access: 'session', kind: w },
  'department.training.month': { input: z.strictObject({ month: Month }), output: TrainingMonth, access: 'department.read', kind: r },
  'department.training.record': {
    input: z.strictObject({
      heldOn: DateOnly,
      department: z.enum(DEPARTMENTS),
      type: z.enum(TRAINING_TYPES),
      topic: Text(120),
      trainer: Text(60),
      durationMin: z.number().int().min(5).max(24 * 60),
      attendees: z
        .array(z.strictObject({ userId: Id, passed: z.boolean().nullable().default(null), score: z.number().int().min(0).max(100).nullable().default(null) }))
        .min(1)
        .max(200)
        .refine((as) => new Set(as.map((a) => a.userId)).size === as.length, { error: 'department.duplicatePerson' }),
    }),
    output: TrainingSession,
    access: 'department.training',
    kind: w,
  },
  'department.repairCase.record': {
    input: z.strictObject({
      submittedOn: DateOnly,
      vehicle: Text(60),
      fault: Text(500),
      diagnosis: Text(1_000),
      fix: Text(1_000),
      hotline: z.boolean().default(false),
    }),
    output: RepairCase,
    access: 'department.training',
    kind: w,
  },
  'department.fiveS.checklist': { input: z.strictObject({ area: z.enum(FIVES_AREAS) }), output: z.array(FivesItem), access: 'department.read', kind: r },
  /** Adds an item to an area's checklist (no id) or rewords one; the answer is the area's checklist. */
  'department.fiveS.item.save': {
    input: z.strictObject({ id: Id.optional(), area: z.enum(FIVES_AREAS), s: z.enum(FIVE_S), label: Text(120) }),
    output: z.array(FivesItem),
    access: 'department.fiveS',
    kind: w,
  },
  /** Takes an item off its area's checklist; audits already scored on it keep their scores. */
  'department.fiveS.item.remove': { input: z.strictObject({ id: Id }), output: z.array(FivesItem), access: 'department.fiveS', kind: w },
  'department.fiveS.trend': {
    input: z.strictObject({ month: Month, months: z.number().int().min(1).max(24).default(6) }),
    output: FivesTrend,
    access: 'department.read',
    kind: r,
  },
  'department.fiveS.record': {
    input: z.strictObject({
      area: z.enum(FIVES_AREAS),
      auditedOn: DateOnly,
      /** Every active item of the area's checklist, scored 0–5. */
      scores: z.array(z.strictObject({ itemId: Id, score: z.number().int().min(0).max(5) })).min(1).max(100),
      findings: z.array(z.strictObject({ text: Text(300), ownerId: Id, dueOn: DateOnly })).max(50).default([]),
    }),
    output: FivesAudit,
    access: 'department.fiveS',
    kind: w,
  },
  'department.fiveS.audits': { input: z.strictObject({ month: Month }), output: z.array(FivesAudit), access: 'department.read', kind: r },
  'department.fiveS.findings': { input: z.strictObject({ state: z.enum(['open', 'closed', 'all']).default('open') }), output: z.array(FivesFinding), access: 'department.read', kind: r },
  'department.fiveS.close': {
    input: z.strictObject({ id: Id, version: Version, note: Text(300) }),
    output: FivesFinding,
    access: 'department.fiveS',
    kind: w,
  },
  'department.staff': { input: z.strictObject({}), output: z.array(StaffMember), access: 'department.read', kind: r },
} as const satisfies ContractSection
