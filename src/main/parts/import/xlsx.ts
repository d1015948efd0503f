import ExcelJS from 'exceljs'

// XLSX price lists through exceljs (pure JavaScript, from the npm registry). Every cell comes back
// as text, the way a person reads it, so CSV and XLSX rows go through the same checks.

export interface Sheet {
  name: string
  rows: string[][]
}

/** Money typed as a number in Excel may carry binary noise (12.3 → 12.299999999999999). */
function numberText(n: number): string {
  if (Number.isInteger(n)) return String(n)
  const cents = n * 100
  return Math.abs(cents - Math.round(cents)) < 1e-6 ? (Math.round(cents) / 100).toFixed(2) : String(n)
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number') return numberText(value)
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if ('richText' in value) return value.richText.map((t) => t.text).join('')
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null)
  if ('text' in value) return String(value.text)
  if ('error' in value) return ''
  return ''
}

export async function readXlsx(bytes: Uint8Array, sheetName?: string): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer)
  const sheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets.find((s) => s.actualRowCount > 0) ?? workbook.worksheets[0]
  if (!sheet) return { name: sheetName ?? '', rows: [] }
  const rows: string[][] = []
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value)
    })
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '')
  })
  return { name: sheet.name, rows: Array.from(rows, (r) => r ?? []) }
}

/** XLSX (and every OOXML file) is a ZIP archive: it starts with "PK\x03\x04". */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}
