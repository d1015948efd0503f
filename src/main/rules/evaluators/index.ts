import type { RuleKind } from '../../../shared/domain/rules'
import { fillRateRule, safetyStock, slowMovingShare, stockTurnover, stocktakeVariance, stockValue } from './stock'
import { insuranceReceivable, insuranceSettlement, maintenanceOverdue, pastPromised } from './settlement'
import { complaintOverdue, followUpOverdue } from './care'
import { repairCases, trainingFrontDesk, trainingWorkshop } from './department'
import { fivesOverdue } from './fives'
import { csiMysteryShopper, csiPhoneSurvey } from './csi'
import { warrantyPartReturnOverdue, warrantyPartScrappable } from './warranty'
import { insuranceAssessmentOverdue } from './insurance'
import { sanbaoThreshold } from './sanbao'
import { warrantyCoverageCalls } from './warranty-calls'
import { campaignPlanned } from './campaign'
import { firstServiceRate } from './first-service'
import type { Evaluator } from './types'

/** Every kind's evaluator; the type makes a kind without one a compile error. */
export const EVALUATORS: { [K in RuleKind]: Evaluator<K> } = {
  part_below_safety_stock: safetyStock,
  stock_value_vs_outbound: stockValue,
  slow_moving_share: slowMovingShare,
  stock_turnover: stockTurnover,
  fill_rate: fillRateRule,
  stocktake_variance: stocktakeVariance,
  maintenance_settlement_overdue: maintenanceOverdue,
  insurance_settlement_month_end: insuranceSettlement,
  insurance_receivable_month_end: insuranceReceivable,
  ro_past_promised: pastPromised,
  complaint_overdue: complaintOverdue,
  followup_overdue: followUpOverdue,
  training_front_desk: trainingFrontDesk,
  training_workshop: trainingWorkshop,
  repair_cases: repairCases,
  fives_finding_overdue: fivesOverdue,
  csi_mystery_shopper: csiMysteryShopper,
  csi_phone_survey: csiPhoneSurvey,
  warranty_part_return_overdue: warrantyPartReturnOverdue,
  warranty_part_scrappable: warrantyPartScrappable,
  insurance_assessment_overdue: insuranceAssessmentOverdue,
  sanbao_threshold: sanbaoThreshold,
  warranty_coverage_calls: warrantyCoverageCalls,
  campaign_planned: campaignPlanned,
  first_service_rate: firstServiceRate,
}
