import ExcelJS from 'exceljs'
import type { z } from 'zod'
import type { careExportContract, CareList } from '../../shared/contract/care-export'
import { careListTable, type CareListRows, type Tr } from '../../shared/format/care-lists'
import { translate } from '../../shared/i18n'
import type { UserCtx } from '../api/context'
import { listComplaints } from './complaint-view'
import { listFollowUps } from './followup-view'
import { lostCustomers } from './lost-retention'
import { listReminders } from './reminder-view'
import { XLSX_MIME } from '../../shared/domain/file-types'

type Section = typeof careExportContract
type In = z.output<Section['care.lists.xlsx']['input']>
type Out = z.output<Section['care.lists.xlsx']['output']>

const FILE: Record<CareList, string> = { followups: 'follow-ups', reminders: 'service-reminders', complaints: 'complaints', lost: 'lost-customers' }

/** The rows the list's own channel answers with the same view: what the screen shows is what is saved. */
function rowsOf(ctx: UserCtx, input: In): CareListRows[CareList] {
  const limit = Math.min(input.limit, 500)
  switch (input.list) {
    case 'followups':
      return listFollowUps(ctx, { state: input.followUpState, limit })
    case 'reminders':
      return listReminders(ctx, { limit })
    case 'complaints':
      return listComplaints(ctx, { state: input.complaintState, limit })
    case 'lost':
      return lostCustomers(ctx, { ...(input.months !== undefined ? { months: input.months } : {}), limit: input.limit }).rows
  }
}

/** One care list as a workbook: the catalogs' column names in the user's language, one row each. */
export async function exportCareList(ctx: UserCtx, input: In): Promise<Out> {
  const rows = rowsOf(ctx, input)
  const tr: Tr = (key, params) => translate(ctx.locale, key, params)
  const table = careListTable(input.list, rows as never, tr)
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(tr(`careDesk.sheet.${input.list}`))
  sheet.addRow(table.header)
  sheet.getRow(1).font = { bold: true }
  for (const cells of table.rows) {
    const row = sheet.addRow(cells.map((c) => (typeof c === 'object' ? c.fen / 100 : c)))
    cells.forEach((c, i) => {
      if (typeof c === 'object') row.getCell(i + 1).numFmt = '0.00'
    })
  }
  sheet.columns.forEach((column, i) => {
    column.width = table.width[i] ?? 12
  })
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer())
  return { fileName: `${FILE[input.list]}-${ctx.nowIso().slice(0, 10)}.xlsx`, mimeType: XLSX_MIME, base64: buffer.toString('base64'), rows: rows.length }
}
