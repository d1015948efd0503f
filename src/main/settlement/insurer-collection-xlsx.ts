import ExcelJS from 'exceljs'
import type { z } from 'zod'
import type { Ctx } from '../api/context'
import type { insuranceCollectionContract } from '../../shared/contract/insurance-collection'
import type { HandlersFor } from '../api/dispatch'
import { AGEING_BUCKETS } from '../../shared/domain/settlement'
import { translate, type Locale } from '../../shared/i18n'
import { insurerReceivables } from './insurer-receivables'
import { XLSX_MIME } from '../../shared/domain/file-types'

// The month-end collection list as XLSX (settlement owns the invoices it lists): sheet 1 the ageing per insurer, sheet 2 every open
// insurance invoice with its due date (money in yuan). Headers in the caller's language; the rows
// are exactly those `insurance.receivables` answers for the same day.

type Section = typeof insuranceCollectionContract
type In = z.output<Section['insurance.collection.xlsx']['input']>
type Out = z.output<Section['insurance.collection.xlsx']['output']>

const yuan = (fen: number) => fen / 100
const MONEY = { numFmt: '0.00' }

export async function collectionXlsx(ctx: Ctx, input: In): Promise<Out> {
  const data = insurerReceivables(ctx, input)
  const locale: Locale = ctx.locale
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key)
  const workbook = new ExcelJS.Workbook()
  const ageing = workbook.addWorksheet(t('insr.sheet.ageing'))
  ageing.columns = [
    { header: t('insv.insurer'), key: 'insurer', width: 18 },
    { header: t('insr.col.count'), key: 'count', width: 8 },
    ...AGEING_BUCKETS.map((b) => ({ header: t(`ageing.${b}`), key: b, width: 14, style: MONEY })),
    { header: t('insr.col.overdue'), key: 'overdue', width: 14, style: MONEY },
    { header: t('insr.col.balance'), key: 'balance', width: 14, style: MONEY },
  ]
  for (const s of data.insurers) ageing.addRow([s.insurer, s.count, ...AGEING_BUCKETS.map((b) => yuan(s.buckets[b])), yuan(s.overdueFen), yuan(s.balanceFen)])
  const list = workbook.addWorksheet(t('insr.sheet.list'))
  list.columns = [
    { header: t('insv.insurer'), key: 'insurer', width: 18 },
    { header: t('insv.reportNo'), key: 'claimNo', width: 22 },
    { header: t('insr.col.invoice'), key: 'number', width: 16 },
    { header: t('insr.col.ro'), key: 'ro', width: 16 },
    { header: t('insr.col.customer'), key: 'customer', width: 12 },
    { header: t('insr.col.issued'), key: 'issued', width: 12 },
    { header: t('insr.col.gross'), key: 'gross', width: 12, style: MONEY },
    { header: t('insr.col.paid'), key: 'paid', width: 12, style: MONEY },
    { header: t('insr.col.balance'), key: 'balance', width: 12, style: MONEY },
    { header: t('insr.col.dueOn'), key: 'dueOn', width: 12 },
    { header: t('insr.col.age'), key: 'age', width: 8 },
  ]
  for (const r of data.rows) {
    list.addRow([r.insurer, r.claimNo, r.number, r.roNumber, r.customerName, r.issuedAt.slice(0, 10), yuan(r.grossFen), yuan(r.paidFen), yuan(r.balanceFen), r.dueOn, r.ageDays])
  }
  for (const sheet of [ageing, list]) sheet.getRow(1).font = { bold: true }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer())
  return {
    fileName: `insurer-collection-${data.asOf}.xlsx`,
    mimeType: XLSX_MIME,
    base64: buffer.toString('base64'),
    rows: data.rows.length,
  }
}

export const insuranceCollectionHandlers: HandlersFor<Section> = {
  'insurance.collection.xlsx': collectionXlsx,
}
