import ExcelJS from 'exceljs'
import { reportSheets, type ReportCell } from '../../shared/format/dept-report'
import type { Tr } from '../../shared/format/care-lists'
import { XLSX_MIME } from '../../shared/domain/file-types'
import { translate } from '../../shared/i18n'
import type { UserCtx } from '../api/context'
import { deptReport } from './report'
import type { In, Out } from './types'

// The month's report as a workbook: a sheet per area, each table under its bold title with the
// catalogs' column names in the user's language. Money is written in yuan with two decimals,
// rates as percentages, sold hours and CSI points as decimals — numbers a spreadsheet can add.

function value(cell: ReportCell): { v: ExcelJS.CellValue; fmt?: string } {
  if (cell === null) return { v: null }
  if (typeof cell !== 'object') return { v: cell }
  if ('fen' in cell) return { v: cell.fen / 100, fmt: '0.00' }
  if ('bp' in cell) return cell.bp === null ? { v: null } : { v: cell.bp / 10_000, fmt: '0.0%' }
  if ('milli' in cell) return { v: cell.milli / 1000, fmt: '0.0' }
  return cell.tenths === null ? { v: null } : { v: cell.tenths / 10, fmt: '0.0' }
}

export async function deptReportXlsx(ctx: UserCtx, input: In<'department.report.xlsx'>): Promise<Out<'department.report.xlsx'>> {
  const report = deptReport(ctx, input)
  const tr: Tr = (key, params) => translate(ctx.locale, key, params)
  const workbook = new ExcelJS.Workbook()
  const sheets = reportSheets(report, tr)
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name)
    sheet.addRow([`${tr('deptReport.title', { month: report.month })} · ${s.name}`]).font = { bold: true, size: 13 }
    const widths: number[] = []
    for (const t of s.tables) {
      sheet.addRow([])
      sheet.addRow([t.title]).font = { bold: true }
      sheet.addRow(t.header).font = { bold: true }
      if (t.rows.length === 0) sheet.addRow([tr('deptReport.none')])
      for (const cells of t.rows) {
        const row = sheet.addRow(cells.map((c) => value(c).v))
        cells.forEach((c, i) => {
          const fmt = value(c).fmt
          if (fmt) row.getCell(i + 1).numFmt = fmt
        })
      }
      t.width.forEach((w, i) => (widths[i] = Math.max(widths[i] ?? 0, w)))
    }
    widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w))
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer())
  return { fileName: `department-report-${report.month}.xlsx`, mimeType: XLSX_MIME, base64: buffer.toString('base64'), sheets: sheets.map((s) => s.name) }
}
