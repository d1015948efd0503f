import type { deptOps as zh } from '../zh-CN/dept-ops'

// Running the department, later pieces (issue 14): the monthly-campaign rule, quality incidents
// and comebacks, the monthly department report.
export const deptOps: Record<keyof typeof zh, string> = {
  'ruleKind.campaign_planned': 'Monthly service campaign',
  'ruleHelp.campaign_planned': 'Manual: one marketing service campaign a month; a reminder when none is planned for the month by day N',
  'field.byDay': 'Planned by day',
  'alert.campaignPlanned': 'No service campaign planned for {month}; today is day {day}, one is due by day {byDay}',
}
