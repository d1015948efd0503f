// Running the department, later pieces (issue 14): the monthly-campaign rule, quality incidents
// and comebacks, the monthly department report.
export const deptOps = {
  'ruleKind.campaign_planned': '每月服务活动',
  'ruleHelp.campaign_planned': '手册：每月开展一次市场服务活动；到每月第 N 天仍未计划本月活动时提醒',
  'field.byDay': '每月截止日',
  'alert.campaignPlanned': '{month} 尚未计划服务活动，今天是第 {day} 日，应于第 {byDay} 日前计划',
}
