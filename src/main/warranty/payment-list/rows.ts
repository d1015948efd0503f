import { parseYuanToFen } from '../../../shared/domain/money'
import { cleanText, codeText } from '../../parts/part-key'

// From the payment list's cells to lines: find the heading row by the names makers' lists use
// (索赔单号, 付款金额, …), then read each line strictly — an amount that is not clearly yuan is a
// bad line with its number, never a guess.

export const PAYMENT_FIELDS = ['claimNumber', 'paid', 'makerRef', 'note'] as const
export type PaymentField = (typeof PAYMENT_FIELDS)[number]
export type PaymentMapping = Record<PaymentField, number | null>

export interface PaymentLine {
  line: number
  claimNumber: string
  paidFen: number
  makerRef: string
  note: string
}

export interface LineError {
  line: number
  field: PaymentField | null
  key: string
  params: Record<string, string | number>
}

const SYNONYMS: Record<PaymentField, readonly string[]> = {
  claimNumber: ['索赔单号', '索赔号', '索赔单编号', '索赔编号', '经销商索赔单号', '服务站索赔单号', 'claimno', 'claimnumber', 'claim'],
  paid: ['付款金额', '实付金额', '结算金额', '支付金额', '实付', '实付款', '厂家付款', 'paid', 'paidamount', 'payment'],
  makerRef: ['厂家单号', '厂家索赔号', '结算单号', '付款单号', '厂家编号', 'makerref', 'reference', 'ref'],
  note: ['扣款原因', '备注', '说明', '原因', '扣减说明', 'note', 'remark', 'reason'],
}

const headingKey = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
const LOOKUP = new Map<string, PaymentField>(PAYMENT_FIELDS.flatMap((f) => SYNONYMS[f].map((s) => [headingKey(s), f] as const)))

export function mappingOf(headings: readonly string[]): PaymentMapping {
  const mapping: PaymentMapping = { claimNumber: null, paid: null, makerRef: null, note: null }
  headings.forEach((h, i) => {
    const field = LOOKUP.get(headingKey(h))
    if (field && mapping[field] === null) mapping[field] = i
  })
  return mapping
}

/** The 1-based row in the first 30 that names both the claim number and the paid amount; null if none. */
export function findHeaderRow(rows: readonly (readonly string[])[]): number | null {
  const i = rows.slice(0, 30).findIndex((cells) => {
    const m = mappingOf(cells)
    return m.claimNumber !== null && m.paid !== null
  })
  return i < 0 ? null : i + 1
}

/** One line; `null` for a blank one (skipped) or a bad one (its errors pushed). */
export function readLine(cells: readonly string[], line: number, mapping: PaymentMapping, errors: LineError[]): PaymentLine | null {
  if (cells.every((c) => cleanText(c) === '')) return null
  const cell = (f: PaymentField) => {
    const i = mapping[f]
    return i === null ? '' : cleanText(cells[i] ?? '')
  }
  const before = errors.length
  const fail = (field: PaymentField, key: string, params: Record<string, string | number> = {}) => errors.push({ line, field, key, params })
  const claimNumber = codeText(cell('claimNumber')).toUpperCase()
  if (claimNumber === '') fail('claimNumber', 'warranty.payments.claimMissing')
  else if (claimNumber.length > 40) fail('claimNumber', 'warranty.payments.tooLong', { max: 40 })
  const paidText = codeText(cell('paid')).replace(/^(RMB|CNY)\s*/i, '').replace(/\s*(RMB|CNY|元)$/i, '')
  const paidFen = parseYuanToFen(paidText)
  if (paidFen === null || paidFen < 0) fail('paid', 'warranty.payments.badAmount', { value: cell('paid') })
  const makerRef = codeText(cell('makerRef')).slice(0, 40)
  const note = cell('note').slice(0, 200)
  return errors.length === before && paidFen !== null ? { line, claimNumber, paidFen, makerRef, note } : null
}
