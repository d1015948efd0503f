import type { UserCtx } from '../api/context'
import { campaignAnalysis } from '../department/campaign-analysis'
import { fivesAudits } from '../department/fives'
import { fivesTrend } from '../department/fives-trend'
import { etiquetteMonth } from '../department/etiquette-month'
import { progress } from '../department/progress'
import { scorecards } from '../department/scorecard'
import { trainingMonth } from '../department/training'
import { listCsi } from '../csi/results'
import { listIncidents } from '../quality/incidents'
import { comebackDays } from '../quality/comeback-window'
import { all } from '../store/query'
import { reportMonths } from './handins'
import type { In, Out } from './types'

// The month's report is the department's own channels, called with the same month: what the
// screens show is what is printed and saved, with no second computation. Only the month's
// campaigns are picked here (the campaigns list pages by date, not by month).

export function deptReport(ctx: UserCtx, input: In<'department.report.get'>): Out<'department.report.get'> {
  const { month } = input
  const campaignIds = all(ctx.store, ctx.store.db.selectFrom('campaigns').select('id').where('month', '=', month).where('state', '=', 'planned').orderBy('starts_on').orderBy('id'))
  return {
    month,
    generatedAt: ctx.nowIso(),
    progress: progress(ctx, { month }),
    scorecards: scorecards(ctx, { month }),
    campaigns: campaignIds.map((k) => campaignAnalysis(ctx, { id: k.id })),
    training: trainingMonth(ctx, { month }),
    fives: { audits: fivesAudits(ctx, { month }), trend: fivesTrend(ctx, { month, months: 1 }) },
    etiquette: etiquetteMonth(ctx, month),
    incidents: listIncidents(ctx, { month }),
    comebackDays: comebackDays(ctx.store),
    csi: listCsi(ctx, { toMonth: month, months: 1 }).results.filter((r) => r.month === month),
    handIn: reportMonths(ctx, [month])[0]!,
  }
}
