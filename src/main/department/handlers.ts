import type { HandlersFor } from '../api/dispatch'
import type { departmentContract } from '../../shared/contract/department'
import { checklist, closeFinding, fivesAudits, fivesFindings, recordFivesAudit } from './fives'
import { removeFivesItem, saveFivesItem } from './fives-checklist'
import { fivesTrend } from './fives-trend'
import { drill, progress } from './progress'
import { acknowledgeScorecard, commentScorecard, myScorecard, scorecard, scorecards } from './scorecard'
import { myScorecards } from './scorecard-history'
import { staffList } from './staff'
import { getTargets, saveTarget } from './targets'
import { recordRepairCase, recordTraining, trainingMonth } from './training'

export const departmentHandlers: HandlersFor<typeof departmentContract> = {
  'department.targets.get': getTargets,
  'department.targets.save': saveTarget,
  'department.progress': progress,
  'department.drill': drill,
  'department.scorecards': scorecards,
  'department.scorecard': scorecard,
  'department.myScorecard': myScorecard,
  'department.scorecard.comment': commentScorecard,
  'department.myScorecards': (ctx) => myScorecards(ctx),
  'department.scorecard.acknowledge': acknowledgeScorecard,
  'department.training.month': trainingMonth,
  'department.training.record': recordTraining,
  'department.repairCase.record': recordRepairCase,
  'department.fiveS.checklist': checklist,
  'department.fiveS.item.save': saveFivesItem,
  'department.fiveS.item.remove': removeFivesItem,
  'department.fiveS.trend': fivesTrend,
  'department.fiveS.record': recordFivesAudit,
  'department.fiveS.audits': fivesAudits,
  'department.fiveS.findings': fivesFindings,
  'department.fiveS.close': closeFinding,
  'department.staff': (ctx) => staffList(ctx),
}
