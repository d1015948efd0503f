import { z } from 'zod'
import { ROLES } from '../domain/roles'
import { RO_STATES } from '../domain/ro-state'
import { RO_TYPES } from '../domain/ro-type'
import { ALERT_STAGES, ALERT_STATES, DASHBOARD_TARGETS, RULE_KINDS, RULE_PARAMS, SEVERITIES, SUBJECT_TYPES } from '../domain/rules'
import type { ContractSection } from './types'

// The rules engine's door: the alert inbox of each role (count on every screen, acknowledge,
// snooze, resolve; `alerts.changed` is pushed whenever alerts change), rule parameters with a
// preview of what a change would raise or clear, and the targets dashboard with drill-down.

const Id = z.number().int().positive()
const Version = z.number().int().positive()
const DateOnly = z.iso.date()
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation.invalidFormat' })

/** A rule's parameters as sent; checked against its kind's schema (RULE_PARAMS). */
const ParamsInput = z.record(z.string(), z.union([z.number(), z.array(z.string())]))

function checkParams(value: { kind: (typeof RULE_KINDS)[number]; params: unknown }, ctx: z.RefinementCtx): void {
  // Refinements may run on an object that already failed elsewhere: only check a known kind.
  const schema = (RULE_PARAMS as Record<string, z.ZodType | undefined>)[value.kind]
  if (!schema) return
  const parsed = schema.safeParse(value.params)
  if (parsed.success) return
  for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: ['params', ...issue.path] } as z.core.$ZodRawIssue)
}

const RuleChange = {
  kind: z.enum(RULE_KINDS),
  params: ParamsInput,
  enabled: z.boolean(),
}

export const Alert = z.object({
  id: z.number(),
  ruleKind: z.enum(RULE_KINDS),
  severity: z.enum(SEVERITIES),
  stage: z.enum(ALERT_STAGES),
  /** As stored; a snooze whose date has come shows as `open`. */
  state: z.enum(ALERT_STATES),
  inboxRole: z.enum(ROLES),
  subjectType: z.enum(SUBJECT_TYPES),
  subjectId: z.number(),
  /** RO number, part number, invoice number or stocktake number; null for the department. */
  subjectLabel: z.string().nullable(),
  messageKey: z.string(),
  messageParams: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The message in the caller's language, with the numbers that explain it. */
  message: z.string(),
  firstRaisedAt: z.string(),
  raisedAt: z.string(),
  updatedAt: z.string(),
  snoozedUntil: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  note: z.string(),
  version: z.number(),
})

export const Rule = z.object({
  id: z.number(),
  kind: z.enum(RULE_KINDS),
  subjectType: z.enum(SUBJECT_TYPES),
  params: ParamsInput,
  /** The manual's figures, to show next to the current ones. */
  defaults: ParamsInput,
  enabled: z.boolean(),
  severity: z.enum(SEVERITIES),
  inboxRole: z.enum(ROLES),
  evaluatedAt: z.string().nullable(),
  activeAlerts: z.number(),
  updatedAt: z.string(),
  version: z.number(),
})

const Effect = z.object({ raise: z.number(), clear: z.number(), keep: z.number() })

export const TargetSeries = z.object({
  key: z.enum(DASHBOARD_TARGETS),
  /** `bp`: basis points (9800 = 98 %); `centi`: hundredths (450 = 4.5 times, 150 = 1.5×). */
  unit: z.enum(['bp', 'centi']),
  band: z.object({ min: z.number().nullable(), max: z.number().nullable() }),
  current: z.number().nullable(),
  status: z.enum(['ok', 'low', 'high', 'none']),
  series: z.array(z.object({ month: z.string(), value: z.number().nullable(), numerator: z.number(), denominator: z.number() })),
})

export const DrillRo = z.object({
  roId: z.number(),
  number: z.string(),
  type: z.enum(RO_TYPES),
  state: z.enum(RO_STATES),
  customerName: z.string(),
  completedAt: z.string().nullable(),
  settledAt: z.string().nullable(),
  /** Days from completion (or issue) to settlement (or collection), or to now while open. */
  elapsedDays: z.number().nullable(),
  late: z.boolean(),
  pending: z.boolean(),
  invoiceId: z.number().nullable(),
  invoiceNumber: z.string().nullable(),
  insurer: z.string().nullable(),
  claimNo: z.string().nullable(),
  balanceFen: z.number().nullable(),
})

export const DrillPart = z.object({
  partId: z.number(),
  partNumber: z.string(),
  name: z.string(),
  onHandMilli: z.number().nullable(),
  valueFen: z.number().nullable(),
  issuedMilli: z.number().nullable(),
  issuedValueFen: z.number().nullable(),
  lastIssueAt: z.string().nullable(),
  roId: z.number().nullable(),
  roNumber: z.string().nullable(),
  diffMilli: z.number().nullable(),
  diffValueFen: z.number().nullable(),
  /** Counts toward the figure's numerator: slow-moving (slow_moving), met from stock (fill_rate). */
  counted: z.boolean().nullable(),
  /** Turnover: the part's stock value at each month end of the period, newest first. */
  monthEndValuesFen: z.array(z.number()).nullable(),
})

/** A follow-up (one per delivery) and the call that completed it, behind a customer-care figure. */
export const DrillCall = z.object({
  followUpId: z.number(),
  /** The reached call that completed the follow-up; null while it is not done. */
  callId: z.number().nullable(),
  roId: z.number(),
  roNumber: z.string(),
  customerName: z.string(),
  advisorId: z.number(),
  advisorName: z.string(),
  deliveredAt: z.string(),
  dueAt: z.string(),
  /** When the follow-up was closed (done or unreachable). */
  closedAt: z.string().nullable(),
  calledAt: z.string().nullable(),
  /** followup_in_time: done before it was due; satisfaction: false. */
  inTime: z.boolean(),
  /** Still open and not yet due: not counted until it is decided. */
  pending: z.boolean(),
  /** satisfaction: the sum of the call's survey scores and how many questions it answered. */
  scoreSum: z.number().nullable(),
  answers: z.number().nullable(),
})

export const AdvisorSatisfaction = z.object({
  advisorId: z.number(),
  advisorName: z.string(),
  calls: z.number(),
  scoreSum: z.number(),
  answers: z.number(),
  /** Mean score in hundredths of a point (950 = 9.5 of 10); null without answers. */
  valueCenti: z.number().nullable(),
})

const w = 'write' as const
const r = 'read' as const

export const rulesContract = {
  'alerts.list': {
    input: z.strictObject({
      /** `mine`: the inboxes of the caller's role (a service manager or administrator sees every inbox). */
      box: z.enum(['mine', 'all']).default('mine'),
      role: z.enum(ROLES).optional(),
      state: z.enum(['active', 'acknowledged', 'snoozed', 'resolved', 'all']).default('active'),
      ruleKind: z.enum(RULE_KINDS).optional(),
      subjectType: z.enum(SUBJECT_TYPES).optional(),
      subjectId: Id.optional(),
      limit: z.number().int().min(1).max(500).default(100),
      beforeId: Id.optional(),
    }),
    output: z.array(Alert),
    access: 'alerts.read',
    kind: r,
  },
  'alerts.count': {
    input: z.strictObject({}),
    output: z.object({ active: z.number(), critical: z.number(), acknowledged: z.number() }),
    access: 'alerts.read',
    kind: r,
  },
  'alerts.acknowledge': { input: z.strictObject({ id: Id, version: Version }), output: Alert, access: 'alerts.read', kind: w },
  'alerts.snooze': {
    input: z.strictObject({ id: Id, version: Version, until: DateOnly, note: z.string().trim().max(200).default('') }),
    output: Alert,
    access: 'alerts.read',
    kind: w,
  },
  'alerts.resolve': {
    input: z.strictObject({ id: Id, version: Version, note: z.string().trim().max(200).default('') }),
    output: Alert,
    access: 'alerts.read',
    kind: w,
  },
  'rules.list': { input: z.strictObject({}), output: z.array(Rule), access: 'alerts.read', kind: r },
  'rules.preview': {
    input: z.strictObject(RuleChange).superRefine(checkParams),
    output: Effect.extend({ activeNow: z.number() }),
    access: 'rules.manage',
    kind: r,
  },
  'rules.update': {
    input: z
      .strictObject({ ...RuleChange, version: Version, severity: z.enum(SEVERITIES), inboxRole: z.enum(ROLES) })
      .superRefine(checkParams),
    output: z.object({ rule: Rule, raised: z.number(), cleared: z.number() }),
    access: 'rules.manage',
    kind: w,
  },
  'rules.sweep': {
    input: z.strictObject({}),
    output: z.object({ rules: z.number(), raised: z.number(), cleared: z.number(), changed: z.number(), ms: z.number() }),
    access: 'rules.manage',
    kind: w,
  },
  'dashboard.targets': {
    input: z.strictObject({ months: z.number().int().min(1).max(24).default(12) }),
    output: z.object({ asOf: z.string(), months: z.array(z.string()), targets: z.array(TargetSeries) }),
    access: 'dashboard.read',
    kind: r,
  },
  /** Customer care's figures (follow-ups done in time, satisfaction) as monthly series like the targets'. */
  'dashboard.care': {
    input: z.strictObject({ months: z.number().int().min(1).max(24).default(12) }),
    output: z.object({ asOf: z.string(), months: z.array(z.string()), targets: z.array(TargetSeries) }),
    access: 'dashboard.read',
    kind: r,
  },
  'dashboard.drill': {
    input: z.strictObject({
      target: z.enum(DASHBOARD_TARGETS),
      month: Month,
      /** satisfaction: only the calls about this advisor's deliveries. */
      advisorId: Id.optional(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    output: z.object({
      target: z.enum(DASHBOARD_TARGETS),
      month: z.string(),
      asOf: z.string(),
      ros: z.array(DrillRo),
      parts: z.array(DrillPart),
      calls: z.array(DrillCall),
      truncated: z.boolean(),
    }),
    access: 'dashboard.read',
    kind: r,
  },
  /** The survey's mean score per service advisor in one month (drill: dashboard.drill with advisorId). */
  'dashboard.satisfactionByAdvisor': {
    input: z.strictObject({ month: Month }),
    output: z.object({ month: z.string(), advisors: z.array(AdvisorSatisfaction) }),
    access: 'dashboard.read',
    kind: r,
  },
} as const satisfies ContractSection
