import type { HandlersFor } from '../api/dispatch'
import type { deptReportContract } from '../../shared/contract/dept-report'
import { handIn, listReportMonths, setReportDueDay } from './handins'
import { deptReport } from './report'
import { deptReportXlsx } from './xlsx'

export const deptReportHandlers: HandlersFor<typeof deptReportContract> = {
  'department.report.months': listReportMonths,
  'department.report.get': deptReport,
  'department.report.xlsx': deptReportXlsx,
  'department.report.handIn': handIn,
  'department.report.dueDay.set': setReportDueDay,
}
