import { z } from 'zod'
import { CampaignAnalysis } from './campaigns'
import { CsiResult } from './csi'
import { FivesAudit, FivesTrend, ProgressView, ScorecardSummary, TrainingMonth } from './department'
import { IncidentRow } from './quality'
import { EtiquetteMonth } from './etiquette'
import { HANDIN_ROLES } from '../domain/dept-report'
import type { ContractSection } from './types'

// The monthly department report (部门月度报表): one view of a month built from the channels the
// department's screens read (targets vs actuals per person, scorecards, campaigns with their
// analysis, training against the manual's counts, 5S audits and findings, quality incidents, CSI),
// saved as an XLSX with a sheet per area or printed on one A4 page; and its hand-in by the
// front-desk supervisor and the service manager, due by day N of the next month (a setting), so
// on time and late are visible month by month. Writes emit `department.changed`.

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation.invalidFormat' })

export const HandInState = z.enum(['on_time', 'late', 'due', 'overdue'])

export const HandIn = z.object({
  role: z.enum(HANDIN_ROLES),
  /** on_time / late once handed in; due while not yet and the due day is still ahead; overdue after it. */
  state: HandInState,
  userName: z.string().nullable(),
  handedInAt: z.string().nullable(),
  /** The due date in force when handed in (the setting's for months not handed in yet). */
  dueOn: z.string(),
  note: z.string(),
})

export const ReportMonth = z.object({
  month: z.string(),
  dueOn: z.string(),
  /** The month has ended, so its report can be handed in. */
  closed: z.boolean(),
  handIns: z.array(HandIn),
})

export const DeptReport = z.object({
  month: z.string(),
  generatedAt: z.string(),
  progress: ProgressView,
  scorecards: z.array(ScorecardSummary),
  campaigns: z.array(CampaignAnalysis),
  training: TrainingMonth,
  fives: z.object({ audits: z.array(FivesAudit), trend: FivesTrend }),
  /** The month's etiquette checks (形象礼仪): per person and the items failed most. */
  etiquette: EtiquetteMonth,
  incidents: z.array(IncidentRow),
  /** The comeback window the month's proposals were read with (the setting when the report was made). */
  comebackDays: z.number(),
  /** The maker's CSI results entered for the month (none while not entered). */
  csi: z.array(CsiResult),
  handIn: ReportMonth,
})

const w = 'write' as const
const r = 'read' as const

export const deptReportContract = {
  /** The report months newest first, each with its due date and both hand-ins. */
  'department.report.months': {
    input: z.strictObject({ toMonth: Month.optional(), months: z.number().int().min(1).max(24).default(12) }),
    output: z.object({ dueDay: z.number(), months: z.array(ReportMonth) }),
    access: 'department.read',
    kind: r,
  },
  'department.report.get': { input: z.strictObject({ month: Month }), output: DeptReport, access: 'department.read', kind: r },
  'department.report.xlsx': {
    input: z.strictObject({ month: Month }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), base64: z.string(), sheets: z.array(z.string()) }),
    access: 'department.read',
    kind: 'export',
  },
  /** The signed-in front-desk supervisor or service manager hands in the month's report (once). */
  'department.report.handIn': {
    input: z.strictObject({ month: Month, note: z.string().trim().max(300).default('') }),
    output: ReportMonth,
    access: 'department.report',
    kind: w,
  },
  /** The day of the next month by which a month's report is due (`department.reportDueDay`). */
  'department.report.dueDay.set': {
    input: z.strictObject({ day: z.number().int({ error: 'validation.notInteger' }).min(1).max(28) }),
    output: z.object({ dueDay: z.number() }),
    access: 'department.targets',
    kind: w,
  },
} as const satisfies ContractSection
