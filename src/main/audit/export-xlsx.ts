import ExcelJS from 'exceljs'
import { translate } from '../../shared/i18n'
import type { UserCtx } from '../api/context'
import { auditRowsForExport, type LogFilter } from './trail'

/** The filtered audit log as a workbook the administrator can file or hand to an auditor. */
export async function exportAuditLog(ctx: UserCtx, filter: LogFilter) {
  const rows = auditRowsForExport(ctx, filter)
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(translate(ctx.locale, 'audit.sheet'))
  const header = ['audit.col.at', 'audit.col.user', 'audit.col.action', 'audit.col.entity', 'audit.col.entityId', 'audit.col.detail']
  sheet.addRow(header.map((key) => translate(ctx.locale, key)))
  sheet.getRow(1).font = { bold: true }
  for (const r of rows) sheet.addRow([r.at, r.userName ?? '', r.action, r.entity ?? '', r.entityId ?? '', r.detail ?? ''])
  sheet.columns.forEach((column, i) => {
    column.width = [26, 14, 28, 18, 12, 80][i] ?? 16
  })
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer())
  const stamp = ctx.nowIso().slice(0, 10)
  return { fileName: `audit-log-${stamp}.xlsx`, base64: buffer.toString('base64'), rows: rows.length }
}
