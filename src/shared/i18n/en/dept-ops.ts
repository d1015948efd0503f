import type { deptOps as zh } from '../zh-CN/dept-ops'

// Running the department, later pieces (issue 14): the monthly-campaign rule, quality incidents
// and comebacks, the monthly department report.
export const deptOps: Record<keyof typeof zh, string> = {
  'ruleKind.campaign_planned': 'Monthly service campaign',
  'ruleHelp.campaign_planned': 'Manual: one marketing service campaign a month; a reminder when none is planned for the month by day N',
  'field.byDay': 'Planned by day',
  'alert.campaignPlanned': 'No service campaign planned for {month}; today is day {day}, one is due by day {byDay}',
  'permission.department.quality': 'Register repair-quality incidents and analyse comebacks',
  'entity.quality_incident': 'quality incident',
  'quality.unknownRo': 'there is no RO numbered {number}',
  'quality.closed': 'this quality incident is closed',
  'quality.roFixed': 'an incident registered from a comeback stays on its RO ({number})',
  'quality.closeNeedsAnalysis': 'write the analysis and the handling opinion before closing',
  'quality.noComeback': 'this comeback is no longer found (the data has changed)',
  'quality.comebackDecided': 'this comeback has been registered or dismissed already',
  'audit.action.quality.incident.create': 'Quality incident registered',
  'audit.action.quality.incident.update': 'Quality incident changed',
  'audit.action.quality.incident.close': 'Quality incident closed',
  'audit.action.quality.incident.save': 'Quality incident saved',
  'audit.action.quality.comeback.register': 'Comeback registered as an incident',
  'audit.action.quality.comeback.dismiss': 'Comeback dismissed',
  'audit.entity.quality_incident': 'Quality incident',
  'incidentSource.manual': 'Entered by hand',
  'incidentSource.qc_rework': 'QC rework',
  'incidentSource.repeat_visit': 'Repeat visit',
  'incidentState.open': 'Open',
  'incidentState.closed': 'Closed',
}
