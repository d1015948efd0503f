import { AppError } from '../../api/app-error'
import { decodeText } from '../../parts/import/decode'
import { parseCsv } from '../../parts/import/csv'
import { looksLikeXlsx, readXlsx } from '../../parts/import/xlsx'

// The maker's payment list (保修付款清单) read the way price lists are: XLSX through exceljs, CSV in
// UTF-8, GBK or UTF-16 with the delimiter guessed — every cell as text.

export interface PaymentSheet {
  format: 'csv' | 'xlsx'
  encoding: string | null
  sheet: string | null
  rows: string[][]
}

export async function readPaymentSheet(input: { fileName: string; contentBase64: string; encoding: 'auto' | 'utf-8' | 'gb18030'; sheet?: string | undefined }): Promise<PaymentSheet> {
  const bytes = Buffer.from(input.contentBase64, 'base64')
  if (looksLikeXlsx(bytes)) {
    try {
      const sheet = await readXlsx(bytes, input.sheet)
      return { format: 'xlsx', encoding: null, sheet: sheet.name, rows: sheet.rows }
    } catch {
      throw new AppError('VALIDATION', 'warranty.payments.unreadable', { fileName: input.fileName })
    }
  }
  const { text, encoding } = decodeText(bytes, input.encoding)
  return { format: 'csv', encoding, sheet: null, rows: parseCsv(text) }
}
