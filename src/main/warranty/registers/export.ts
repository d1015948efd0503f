import ExcelJS from 'exceljs'
import type { Ctx } from '../../api/context'
import { XLSX_MIME } from '../../../shared/domain/file-types'
import { translate } from '../../../shared/i18n'
import { filteredRows } from './read'
import type { In, Out } from './types'

// The register as an XLSX sheet for the maker or the file: the list's filter, every row (up to
// 5,000), headers and coded values in the caller's language, money in yuan with two decimals.

const EXPORT_LIMIT = 5_000

export async function exportRegisters(ctx: Ctx, input: In<'warranty.register.export'>): Promise<Out<'warranty.register.export'>> {
  const rows = filteredRows(ctx, input, EXPORT_LIMIT)
  const t = (key: string) => translate(ctx.locale, key)
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(input.kind ? t(`wtyReg.kind.${input.kind}`) : t('wtyReg.title'))
  const money = { style: { numFmt: '0.00' } }
  sheet.columns = [
    { header: t('wtyReg.col.number'), key: 'number', width: 16 },
    { header: t('wtyReg.col.kind'), key: 'kind', width: 14 },
    { header: t('wtyReg.col.state'), key: 'state', width: 10 },
    { header: t('wtyReg.col.ro'), key: 'ro', width: 16 },
    { header: t('wtyReg.col.vin'), key: 'vin', width: 20 },
    { header: t('wtyReg.col.plate'), key: 'plate', width: 10 },
    { header: t('wtyReg.col.claim'), key: 'claim', width: 16 },
    { header: t('wtyReg.col.requested'), key: 'requested', width: 12, ...money },
    { header: t('wtyReg.col.approved'), key: 'approved', width: 12, ...money },
    { header: t('wtyReg.col.makerRef'), key: 'makerRef', width: 14 },
    { header: t('wtyReg.col.part'), key: 'part', width: 20 },
    { header: t('wtyReg.col.failure'), key: 'failure', width: 30 },
    { header: t('wtyReg.col.occurrences'), key: 'occurrences', width: 8 },
    { header: t('wtyReg.col.severity'), key: 'severity', width: 10 },
    { header: t('wtyReg.col.note'), key: 'note', width: 30 },
    { header: t('wtyReg.col.submittedAt'), key: 'submittedAt', width: 20 },
  ]
  sheet.getRow(1).font = { bold: true }
  for (const r of rows) {
    sheet.addRow({
      number: r.number,
      kind: t(`wtyReg.kind.${r.kind}`),
      state: t(`wtyReg.state.${r.state}`),
      ro: r.roNumber ?? '',
      vin: r.vin,
      plate: r.plate ?? '',
      claim: r.claimNumber ?? '',
      requested: r.requestedFen === null ? null : r.requestedFen / 100,
      approved: r.approvedFen === null ? null : r.approvedFen / 100,
      makerRef: r.makerRef,
      part: r.partText,
      failure: r.failure,
      occurrences: r.occurrences,
      severity: r.severity === null ? '' : t(`wtyReg.severity.${r.severity}`),
      note: r.note,
      submittedAt: r.submittedAt ?? '',
    })
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer())
  const fileName = `warranty-registers-${input.kind ?? 'all'}-${ctx.nowIso().slice(0, 10)}.xlsx`
  return { fileName, mimeType: XLSX_MIME, base64: buffer.toString('base64'), rows: rows.length }
}
