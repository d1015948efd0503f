// The rules the manual holds managers to, as data: each kind has typed parameters whose defaults
// are the manual's numbers, a default severity and the role whose inbox its alerts go to.
// Managers change parameters in the app; the main process evaluates them (src/main/rules).
import { z } from 'zod'
import { MAINTENANCE_SETTLEMENT_DAYS, MONTH_END_WARNING_DAYS } from './settlement-deadline'
import {
  FILL_RATE_MIN_BP,
  SAFETY_STOCK_FACTOR_BP,
  SAFETY_STOCK_WINDOW_MONTHS,
  SLOW_MOVING_MAX_SHARE_BP,
  SLOW_MOVING_MONTHS,
  STOCKTAKE_VARIANCE_MAX_BP,
  TURNOVER_MAX_CENTI,
  TURNOVER_MIN_CENTI,
} from './stock-rules'
import { RO_TYPES } from './ro-type'
import { FRONT_DESK_TRAININGS_PER_MONTH, REPAIR_CASES_PER_MONTH, WORKSHOP_TRAININGS_PER_MONTH } from './department'
import type { Role } from './roles'
import { CSI_MAX_TENTHS, CSI_TARGET_TENTHS } from './csi'
import { DEFAULT_ASSESSMENT_DAYS } from './insurance'
import {
  SANBAO_REPAIR_DAYS,
  SANBAO_REPLACEMENTS,
  SANBAO_SAFETY_REPAIRS,
  SANBAO_SAME_PROBLEM,
  SANBAO_SINGLE_REPAIR_DAYS,
  SANBAO_VALIDITY_KM,
  SANBAO_VALIDITY_MONTHS,
} from './sanbao'
import { EXPIRY_CALL_OFFSET_DAYS } from './warranty-calls'
import { CAMPAIGN_PLANNED_BY_DAY } from './campaign'
import { FIRST_SERVICE_LEAD_DAYS, FIRST_SERVICE_TARGET_BP } from './first-service'

export const RULE_KINDS = [
  'part_below_safety_stock',
  'stock_value_vs_outbound',
  'slow_moving_share',
  'stock_turnover',
  'fill_rate',
  'stocktake_variance',
  'maintenance_settlement_overdue',
  'insurance_settlement_month_end',
  'insurance_receivable_month_end',
  'ro_past_promised',
  'complaint_overdue',
  'followup_overdue',
  'training_front_desk',
  'training_workshop',
  'repair_cases',
  'fives_finding_overdue',
  'csi_mystery_shopper',
  'csi_phone_survey',
  'warranty_part_return_overdue',
  'warranty_part_scrappable',
  'insurance_assessment_overdue',
  'sanbao_threshold',
  'warranty_coverage_calls',
  'campaign_planned',
  'first_service_rate',
] as const
export type RuleKind = (typeof RULE_KINDS)[number]

export const SEVERITIES = ['info', 'warning', 'critical'] as const
export type Severity = (typeof SEVERITIES)[number]

export const ALERT_STATES = ['open', 'acknowledged', 'snoozed', 'resolved'] as const
export type AlertState = (typeof ALERT_STATES)[number]

/** A warning comes before a deadline, a breach after it; most rules only breach. */
export const ALERT_STAGES = ['warning', 'breach'] as const
export type AlertStage = (typeof ALERT_STAGES)[number]

export const SUBJECT_TYPES = ['part', 'ro', 'invoice', 'stocktake', 'department'] as const
export type SubjectType = (typeof SUBJECT_TYPES)[number]

const int = (min: number, max: number, fallback: number) => z.number().int({ error: 'validation.notInteger' }).min(min).max(max).default(fallback)
const roTypes = (fallback: (typeof RO_TYPES)[number][]) => z.array(z.enum(RO_TYPES)).min(1).max(RO_TYPES.length).default(fallback)

/** Parameters per kind. Rates in basis points, turnover in hundredths, quantities of time as named. */
export const RULE_PARAMS = {
  part_below_safety_stock: z.strictObject({
    factorBp: int(1_000, 100_000, SAFETY_STOCK_FACTOR_BP),
    windowMonths: int(1, 24, SAFETY_STOCK_WINDOW_MONTHS),
  }),
  stock_value_vs_outbound: z.strictObject({ factorBp: int(1_000, 100_000, SAFETY_STOCK_FACTOR_BP), days: int(7, 92, 30) }),
  slow_moving_share: z.strictObject({ months: int(1, 36, SLOW_MOVING_MONTHS), maxShareBp: int(0, 10_000, SLOW_MOVING_MAX_SHARE_BP) }),
  stock_turnover: z.strictObject({
    months: int(3, 24, 12),
    minCenti: int(0, 10_000, TURNOVER_MIN_CENTI),
    maxCenti: int(0, 10_000, TURNOVER_MAX_CENTI),
  }),
  fill_rate: z.strictObject({ days: int(1, 365, 30), minBp: int(0, 10_000, FILL_RATE_MIN_BP), minRequests: int(1, 10_000, 1) }),
  stocktake_variance: z.strictObject({ maxBp: int(0, 10_000, STOCKTAKE_VARIANCE_MAX_BP), withinDays: int(1, 366, 92) }),
  maintenance_settlement_overdue: z.strictObject({ days: int(1, 60, MAINTENANCE_SETTLEMENT_DAYS), roTypes: roTypes(['maintenance']) }),
  insurance_settlement_month_end: z.strictObject({ warnDays: int(0, 27, MONTH_END_WARNING_DAYS), roTypes: roTypes(['insurance']) }),
  insurance_receivable_month_end: z.strictObject({ warnDays: int(0, 27, MONTH_END_WARNING_DAYS) }),
  ro_past_promised: z.strictObject({ graceMinutes: int(0, 24 * 60, 0) }),
  complaint_overdue: z.strictObject({ graceMinutes: int(0, 24 * 60, 0) }),
  followup_overdue: z.strictObject({ graceMinutes: int(0, 24 * 60, 0) }),
  // A month's count is judged while it runs: a warning once `warnDays` are left and it is short.
  training_front_desk: z.strictObject({ min: int(0, 31, FRONT_DESK_TRAININGS_PER_MONTH), warnDays: int(0, 31, 10) }),
  training_workshop: z.strictObject({ min: int(0, 31, WORKSHOP_TRAININGS_PER_MONTH), warnDays: int(0, 31, 10) }),
  repair_cases: z.strictObject({ min: int(0, 31, REPAIR_CASES_PER_MONTH), warnDays: int(0, 31, 10) }),
  fives_finding_overdue: z.strictObject({ graceDays: int(0, 60, 0) }),
  // The maker's latest monthly score on 1,000 points, in tenths [manual: ≥ 950].
  csi_mystery_shopper: z.strictObject({ targetTenths: int(0, CSI_MAX_TENTHS, CSI_TARGET_TENTHS) }),
  csi_phone_survey: z.strictObject({ targetTenths: int(0, CSI_MAX_TENTHS, CSI_TARGET_TENTHS) }),
  warranty_part_return_overdue: z.strictObject({ graceDays: int(0, 60, 0) }),
  warranty_part_scrappable: z.strictObject({}),
  // An insurance RO's loss assessment (定损) is due within `days` days of the car's arrival.
  insurance_assessment_overdue: z.strictObject({ days: int(0, 30, DEFAULT_ASSESSMENT_DAYS) }),
  // 三包 per vehicle (shared/domain/sanbao.ts cites the regulation): the validity and the thresholds.
  sanbao_threshold: z.strictObject({
    validityMonths: int(1, 120, SANBAO_VALIDITY_MONTHS),
    validityKm: int(1_000, 500_000, SANBAO_VALIDITY_KM),
    repairDays: int(1, 365, SANBAO_REPAIR_DAYS),
    sameProblem: int(1, 20, SANBAO_SAME_PROBLEM),
    safetyRepairs: int(1, 20, SANBAO_SAFETY_REPAIRS),
    replacements: int(1, 20, SANBAO_REPLACEMENTS),
    singleRepairDays: int(1, 60, SANBAO_SINGLE_REPAIR_DAYS),
  }),
  // The coverage-expiry call falls due `days` before a coverage ends; the alert names calls still open `warnDays` before.
  warranty_coverage_calls: z.strictObject({ days: int(0, 180, EXPIRY_CALL_OFFSET_DAYS), warnDays: int(0, 60, 7) }),
  // One campaign a month: by day `byDay` of the month a campaign starting in it is planned.
  campaign_planned: z.strictObject({ byDay: int(1, 28, CAMPAIGN_PLANNED_BY_DAY) }),
  // 首保回厂率 [manual: ≥ 95 %] of the last complete month, in basis points; the first-service call
  // falls due `leadDays` before the car's window closes.
  first_service_rate: z.strictObject({ targetBp: int(0, 10_000, FIRST_SERVICE_TARGET_BP), leadDays: int(0, 90, FIRST_SERVICE_LEAD_DAYS) }),
} as const satisfies Record<RuleKind, z.ZodType>

export type RuleParams<K extends RuleKind = RuleKind> = z.output<(typeof RULE_PARAMS)[K]>

export interface RuleDefinition {
  subjectType: SubjectType
  severity: Severity
  inboxRole: Role
}

export const RULE_DEFINITIONS: Record<RuleKind, RuleDefinition> = {
  part_below_safety_stock: { subjectType: 'part', severity: 'warning', inboxRole: 'parts_supervisor' },
  stock_value_vs_outbound: { subjectType: 'department', severity: 'warning', inboxRole: 'parts_supervisor' },
  slow_moving_share: { subjectType: 'department', severity: 'warning', inboxRole: 'parts_supervisor' },
  stock_turnover: { subjectType: 'department', severity: 'warning', inboxRole: 'parts_supervisor' },
  fill_rate: { subjectType: 'department', severity: 'warning', inboxRole: 'parts_supervisor' },
  stocktake_variance: { subjectType: 'stocktake', severity: 'critical', inboxRole: 'parts_supervisor' },
  maintenance_settlement_overdue: { subjectType: 'ro', severity: 'critical', inboxRole: 'front_desk_supervisor' },
  insurance_settlement_month_end: { subjectType: 'ro', severity: 'critical', inboxRole: 'front_desk_supervisor' },
  insurance_receivable_month_end: { subjectType: 'invoice', severity: 'critical', inboxRole: 'front_desk_supervisor' },
  ro_past_promised: { subjectType: 'ro', severity: 'warning', inboxRole: 'front_desk_supervisor' },
  // Escalation: a complaint past its deadline goes to the service manager, who owns complaints.
  complaint_overdue: { subjectType: 'department', severity: 'critical', inboxRole: 'service_manager' },
  followup_overdue: { subjectType: 'department', severity: 'warning', inboxRole: 'front_desk_supervisor' },
  training_front_desk: { subjectType: 'department', severity: 'warning', inboxRole: 'front_desk_supervisor' },
  training_workshop: { subjectType: 'department', severity: 'warning', inboxRole: 'workshop_supervisor' },
  repair_cases: { subjectType: 'department', severity: 'warning', inboxRole: 'technical_supervisor' },
  fives_finding_overdue: { subjectType: 'department', severity: 'warning', inboxRole: 'service_manager' },
  csi_mystery_shopper: { subjectType: 'department', severity: 'warning', inboxRole: 'front_desk_supervisor' },
  csi_phone_survey: { subjectType: 'department', severity: 'warning', inboxRole: 'front_desk_supervisor' },
  warranty_part_return_overdue: { subjectType: 'department', severity: 'warning', inboxRole: 'warranty_clerk' },
  warranty_part_scrappable: { subjectType: 'department', severity: 'info', inboxRole: 'warranty_clerk' },
  insurance_assessment_overdue: { subjectType: 'ro', severity: 'warning', inboxRole: 'front_desk_supervisor' },
  sanbao_threshold: { subjectType: 'ro', severity: 'critical', inboxRole: 'warranty_clerk' },
  warranty_coverage_calls: { subjectType: 'department', severity: 'warning', inboxRole: 'warranty_clerk' },
  campaign_planned: { subjectType: 'department', severity: 'warning', inboxRole: 'service_manager' },
  first_service_rate: { subjectType: 'department', severity: 'warning', inboxRole: 'warranty_clerk' },
}

/** The manual's parameters of a kind. */
export function defaultParams<K extends RuleKind>(kind: K): RuleParams<K> {
  return RULE_PARAMS[kind].parse({}) as RuleParams<K>
}

/** Department-wide rules have one subject; this is its id. */
export const DEPARTMENT_SUBJECT_ID = 1

/** The manual's figures on the targets dashboard, each a monthly series with a drill-down. */
export const DASHBOARD_TARGETS = [
  'maintenance_settlement',
  'insurance_settlement',
  'insurance_collection',
  'stock_vs_outbound',
  'slow_moving',
  'turnover',
  'fill_rate',
  'stocktake_variance',
  // Customer care: follow-ups done in time ÷ deliveries; the survey's mean score (on 10 points).
  'followup_in_time',
  'satisfaction',
] as const
export type DashboardTarget = (typeof DASHBOARD_TARGETS)[number]
