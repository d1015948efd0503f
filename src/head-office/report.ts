import ExcelJS from 'exceljs'
import type pg from 'pg'
import { FIGURES, type FigureKey } from './figures/views'
import { decimalFromCenti, percentFromBp } from '../shared/format/numbers'

// The month's report: one sheet per figure with the dealerships as rows, ranked best first
// (lower is better where the manual sets a maximum), the value coloured by the manual's band;
// and the same as a printed table. Read-only: it only reads figures.monthly.

export interface ReportRow {
  dealerCode: string
  numerator: number | null
  denominator: number | null
  value: number | null
  status: 'ok' | 'off' | 'none'
}

type Figure = (typeof FIGURES)[number]

function statusOf(f: Figure, value: number | null): ReportRow['status'] {
  if (value === null || (f.min === null && f.max === null)) return 'none'
  if (f.min !== null && value < f.min) return 'off'
  if (f.max !== null && value > f.max) return 'off'
  return 'ok'
}

const lowerIsBetter = (f: Figure) => f.max !== null && f.min === null

export async function monthFigures(client: pg.ClientBase, month: string): Promise<Map<FigureKey, ReportRow[]>> {
  const rows = (
    await client.query<{ dealer_code: string; figure: FigureKey; numerator: number; denominator: number | null; value: number | null }>(
      'SELECT dealer_code, figure, numerator, denominator, value FROM figures.monthly WHERE month = $1',
      [month],
    )
  ).rows
  const dealers = (await client.query<{ dealer_code: string }>('SELECT dealer_code FROM loader.dealers ORDER BY dealer_code')).rows.map((r) => r.dealer_code)
  const out = new Map<FigureKey, ReportRow[]>()
  for (const f of FIGURES) {
    const by = new Map(rows.filter((r) => r.figure === f.key).map((r) => [r.dealer_code, r]))
    const list: ReportRow[] = dealers.map((code) => {
      const r = by.get(code)
      const value = r?.value ?? null
      return { dealerCode: code, numerator: r?.numerator ?? null, denominator: r?.denominator ?? null, value, status: statusOf(f, value) }
    })
    const sign = lowerIsBetter(f) ? 1 : -1
    // Ranked: dealerships without a figure last, ties by code so the order is stable.
    list.sort((a, b) => (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) || sign * ((a.value ?? 0) - (b.value ?? 0)) || a.dealerCode.localeCompare(b.dealerCode))
    out.set(f.key, list)
  }
  return out
}

export function display(f: Figure, value: number | null): string {
  if (value === null) return '-'
  switch (f.unit) {
    case 'bp':
      return percentFromBp(value, { fixed: true })
    case 'centi':
    case 'fen':
      return decimalFromCenti(value, { fixed: true })
    case 'milli':
      return (value / 1000).toFixed(1)
    case 'count':
      return String(value)
  }
}

const band = (f: Figure) => (f.min !== null && f.max !== null ? `${display(f, f.min)}–${display(f, f.max)}` : f.min !== null ? `≥ ${display(f, f.min)}` : f.max !== null ? `≤ ${display(f, f.max)}` : '')

export async function writeReport(figures: Map<FigureKey, ReportRow[]>, month: string, path: string): Promise<void> {
  const book = new ExcelJS.Workbook()
  book.creator = 'head-office'
  const fill = { ok: 'FFC6EFCE', off: 'FFFFC7CE', none: undefined } as const
  for (const f of FIGURES) {
    const sheet = book.addWorksheet(f.key)
    sheet.addRow([`${f.key} ${month}`, band(f) ? `target ${band(f)}` : ''])
    sheet.addRow(['rank', 'dealer', 'value', 'numerator', 'denominator'])
    sheet.getRow(2).font = { bold: true }
    for (const [i, r] of (figures.get(f.key) ?? []).entries()) {
      const row = sheet.addRow([r.value === null ? null : i + 1, r.dealerCode, display(f, r.value), r.numerator, r.denominator])
      const colour = fill[r.status]
      if (colour) row.getCell(3).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colour } }
    }
    sheet.columns.forEach((c) => (c.width = 16))
  }
  await book.xlsx.writeFile(path)
}

export function formatReport(figures: Map<FigureKey, ReportRow[]>, month: string): string {
  const lines: string[] = [`Group figures ${month}`]
  for (const f of FIGURES) {
    lines.push('', `${f.key}${band(f) ? ` (target ${band(f)})` : ''}`)
    for (const [i, r] of (figures.get(f.key) ?? []).entries()) {
      const mark = r.status === 'off' ? '  ✗ off target' : r.status === 'ok' ? '  ✓' : ''
      lines.push(`  ${String(r.value === null ? '-' : i + 1).padStart(3)}  ${r.dealerCode.padEnd(10)} ${display(f, r.value).padStart(12)}${mark}`)
    }
  }
  return lines.join('\n')
}
