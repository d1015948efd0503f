import type { z } from 'zod'
import type { DeptReport } from '../contract/dept-report'
import type { MessageKey } from '../i18n'
import { measureUnit } from '../domain/department'
import { wallDate, wallDateTime } from './wall-clock'
import type { Tr } from './care-lists'

// The monthly department report as tables: one list of sheets, each with its tables, so the XLSX
// and the printed page say the same thing in the same order. Every figure is a field of the
// report view (the department's own channels); nothing is computed here but units.

export type ReportCell = string | number | null | { fen: number } | { bp: number | null } | { milli: number } | { tenths: number | null }
export interface ReportTable {
  title: string
  header: string[]
  width: number[]
  rows: ReportCell[][]
}
export interface ReportSheet {
  key: 'targets' | 'scorecards' | 'campaigns' | 'training' | 'fives' | 'etiquette' | 'quality' | 'csi' | 'handin'
  name: string
  tables: ReportTable[]
}

type Report = z.output<typeof DeptReport>

function table(tr: Tr, title: MessageKey, columns: [MessageKey, number][], rows: ReportCell[][]): ReportTable {
  return { title: tr(title), header: columns.map(([k]) => tr(k)), width: columns.map(([, w]) => w), rows }
}

const amount = (measure: Parameters<typeof measureUnit>[0], value: number | null): ReportCell => (value === null ? null : measureUnit(measure) === 'fen' ? { fen: value } : value)
const yesNo = (tr: Tr, v: boolean) => tr(v ? 'deptReport.yes' : 'deptReport.no')

export function reportSheets(r: Report, tr: Tr): ReportSheet[] {
  const p = r.progress
  const targets: ReportSheet = {
    key: 'targets',
    name: tr('deptReport.sheet.targets'),
    tables: [
      table(
        tr,
        'deptReport.table.measures',
        [['deptReport.col.measure', 20], ['deptReport.col.monthTarget', 14], ['deptReport.col.actual', 14], ['deptReport.col.progress', 10], ['deptReport.col.forecast', 14], ['deptReport.col.quarterTarget', 14], ['deptReport.col.quarterActual', 14]],
        p.measures.map((m) => [tr(`deptMeasure.${m.measure}`), amount(m.measure, m.monthTarget), amount(m.measure, m.actual), { bp: m.progressBp }, amount(m.measure, m.forecast), amount(m.measure, m.quarterTarget), amount(m.measure, m.quarterActual)]),
      ),
      table(
        tr,
        'deptReport.table.people',
        [['deptReport.col.person', 12], ['deptReport.col.role', 12], ['deptReport.col.measure', 20], ['deptReport.col.quarterTarget', 14], ['deptReport.col.quarterActual', 14], ['deptReport.col.monthActual', 14]],
        p.people.flatMap((s) => s.values.map((v) => [s.name, tr(`role.${s.role}`), tr(`deptMeasure.${v.measure}`), amount(v.measure, v.quarterTarget), amount(v.measure, v.quarterActual), amount(v.measure, v.monthActual)])),
      ),
    ],
  }
  const cards: ReportSheet = {
    key: 'scorecards',
    name: tr('deptReport.sheet.scorecards'),
    tables: [
      table(
        tr,
        'deptReport.table.scorecards',
        [['deptReport.col.person', 12], ['deptReport.col.role', 12], ['deptReport.col.headline', 16], ['deptReport.col.value', 12], ['deptReport.col.reviewed', 10], ['deptReport.col.acknowledged', 10]],
        r.scorecards.map((s) => [
          s.person.name,
          tr(`role.${s.person.role}`),
          tr(`deptReport.headline.${s.kind}`),
          s.kind === 'technician' ? { milli: s.headline } : s.headline,
          yesNo(tr, s.reviewed),
          yesNo(tr, s.acknowledged),
        ]),
      ),
    ],
  }
  const figureOf = (c: Report['campaigns'][number], f: string) => c.figures.find((x) => x.figure === f)?.value ?? 0
  const campaigns: ReportSheet = {
    key: 'campaigns',
    name: tr('deptReport.sheet.campaigns'),
    tables: [
      table(
        tr,
        'deptReport.table.campaigns',
        [
          ['campaign.code', 14], ['campaign.name', 22], ['deptReport.col.from', 11], ['deptReport.col.to', 11],
          ['campaignFigure.invited', 8], ['campaignFigure.reached', 8], ['campaignFigure.booked', 8], ['campaignFigure.arrived', 8], ['campaignFigure.ros', 8],
          ['campaignFigure.revenue', 14], ['campaignFigure.discount', 12], ['campaign.cost', 12], ['campaign.returnOnCost', 12], ['campaign.summary', 40],
        ],
        r.campaigns.map((c) => [
          c.campaign.code, c.campaign.name, c.campaign.startsOn, c.campaign.endsOn,
          figureOf(c, 'invited'), figureOf(c, 'reached'), figureOf(c, 'booked'), figureOf(c, 'arrived'), figureOf(c, 'ros'),
          { fen: figureOf(c, 'revenue') }, { fen: figureOf(c, 'discount') }, { fen: c.campaign.costFen }, { bp: c.returnOnCostBp }, c.campaign.summary,
        ]),
      ),
    ],
  }
  const t = r.training
  const training: ReportSheet = {
    key: 'training',
    name: tr('deptReport.sheet.training'),
    tables: [
      table(
        tr,
        'deptReport.table.trainingCounts',
        [['deptReport.col.department', 12], ['deptReport.col.sessions', 10], ['deptReport.col.target', 10], ['deptReport.col.attendees', 10], ['deptReport.col.passed', 10]],
        [
          ...t.counts.map((c) => [tr(`department.${c.department}`), c.sessions, c.target, c.attendees, c.passed]),
          [tr('deptReport.repairCases'), t.repairCases.count, t.repairCases.target, null, null],
        ],
      ),
      table(
        tr,
        'deptReport.table.trainingSessions',
        [['deptReport.col.date', 11], ['deptReport.col.department', 10], ['deptReport.col.type', 10], ['deptReport.col.topic', 24], ['deptReport.col.trainer', 10], ['deptReport.col.minutes', 8], ['deptReport.col.attendees', 8], ['deptReport.col.passed', 8]],
        t.sessions.map((s) => [s.heldOn, tr(`department.${s.department}`), tr(`trainingType.${s.type}`), s.topic, s.trainer, s.durationMin, s.attendees.length, s.attendees.filter((a) => a.passed === true).length]),
      ),
    ],
  }
  const findings = r.fives.audits.flatMap((a) => a.findings)
  const fives: ReportSheet = {
    key: 'fives',
    name: tr('deptReport.sheet.fives'),
    tables: [
      table(
        tr,
        'deptReport.table.fivesAudits',
        [['deptReport.col.area', 12], ['deptReport.col.date', 11], ['deptReport.col.auditor', 10], ['deptReport.col.score', 8], ['deptReport.col.maxScore', 8], ['deptReport.col.scoreRate', 10], ['deptReport.col.findings', 8]],
        r.fives.audits.map((a) => [tr(`fivesArea.${a.area}`), a.auditedOn, a.auditorName, a.score, a.maxScore, { bp: a.maxScore > 0 ? Math.round((a.score * 10_000) / a.maxScore) : null }, a.findings.length]),
      ),
      table(
        tr,
        'deptReport.table.fivesFindings',
        [['deptReport.col.area', 12], ['deptReport.col.finding', 30], ['deptReport.col.owner', 10], ['deptReport.col.dueOn', 11], ['deptReport.col.state', 10], ['deptReport.col.closedAt', 16]],
        findings.map((f) => [tr(`fivesArea.${f.area}`), f.text, f.ownerName, f.dueOn, tr(f.state === 'closed' ? 'deptReport.findingClosed' : f.overdue ? 'deptReport.findingOverdue' : 'deptReport.findingOpen'), f.closedAt === null ? null : wallDateTime(f.closedAt)]),
      ),
    ],
  }
  const e = r.etiquette
  const etiquette: ReportSheet = {
    key: 'etiquette',
    name: tr('deptReport.sheet.etiquette'),
    tables: [
      table(
        tr,
        'deptReport.table.etiquettePeople',
        [['deptReport.col.person', 12], ['deptReport.col.checks', 10], ['deptReport.col.averageScore', 12]],
        e.people.map((p) => [p.name, p.checks, { bp: p.scoreBp }]),
      ),
      table(
        tr,
        'deptReport.table.etiquetteFailed',
        [['deptReport.col.item', 30], ['deptReport.col.failed', 10], ['deptReport.col.checked', 10], ['deptReport.col.failRate', 10]],
        e.failedItems.map((i) => [i.label, i.failed, i.checked, { bp: i.checked > 0 ? Math.round((i.failed * 10_000) / i.checked) : null }]),
      ),
    ],
  }
  const quality: ReportSheet = {
    key: 'quality',
    name: tr('deptReport.sheet.quality'),
    tables: [
      table(tr, 'deptReport.table.comebackWindow', [['deptReport.col.rule', 30], ['deptReport.col.days', 10]], [[tr('deptReport.comebackWithin'), r.comebackDays]]),
      table(
        tr,
        'deptReport.table.incidents',
        [['deptReport.col.date', 11], ['quality.ro', 14], ['deptReport.col.plate', 10], ['quality.source', 10], ['quality.what', 30], ['quality.analysis', 30], ['quality.handling', 30], ['quality.cost', 10], ['quality.state', 8]],
        r.incidents.map((q) => [q.occurredOn, q.roNumber, q.plate, tr(`incidentSource.${q.source}`), q.what, q.analysis, q.handling, { fen: q.costFen }, tr(`incidentState.${q.state}`)]),
      ),
    ],
  }
  const csi: ReportSheet = {
    key: 'csi',
    name: tr('deptReport.sheet.csi'),
    tables: [
      table(
        tr,
        'deptReport.table.csi',
        [['csi.survey', 14], ['csi.score', 8], ['csi.target', 8], ['csi.change', 8], ['csi.note', 30]],
        r.csi.map((c) => [tr(`csiSurvey.${c.survey}`), { tenths: c.scoreTenths }, { tenths: c.targetTenths }, { tenths: c.changeTenths }, c.note]),
      ),
    ],
  }
  const handin: ReportSheet = {
    key: 'handin',
    name: tr('deptReport.sheet.handin'),
    tables: [
      table(
        tr,
        'deptReport.table.handin',
        [['deptReport.col.role', 14], ['deptReport.col.dueOn', 11], ['deptReport.col.state', 10], ['deptReport.col.handedInBy', 10], ['deptReport.col.handedInAt', 16]],
        r.handIn.handIns.map((h) => [tr(`role.${h.role}`), wallDate(h.dueOn), tr(`handInState.${h.state}`), h.userName, h.handedInAt === null ? null : wallDateTime(h.handedInAt)]),
      ),
    ],
  }
  return [targets, cards, campaigns, training, fives, etiquette, quality, csi, handin]
}
