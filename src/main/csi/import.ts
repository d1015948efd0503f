import type { Ctx, UserCtx } from '../api/context'
import { AppError } from '../api/app-error'
import { translate } from '../../shared/i18n'
import { decodeText } from '../parts/import/decode'
import { parseCsv } from '../parts/import/csv'
import { looksLikeXlsx, readXlsx } from '../parts/import/xlsx'
import { groupLines, planResults, type PlannedResult } from './import-plan'
import { findHeaderRow, mappingOf, readLine, type CsiLine, type LineError } from './import-rows'
import { saveCsi } from './results'
import type { In, Out } from './import-types'

// The maker's CSI file (神秘客户/电话回访成绩): a dry run that reads it (XLSX through exceljs, CSV in
// UTF-8, GBK or UTF-16, the way price lists are read) and shows each month's result and what it
// would change, with every bad line; then exactly those results entered in one transaction through
// the same service as the entry form (each audited as an entry or a replacement). All or nothing;
// importing the same file again changes nothing.

const message = (ctx: Ctx, e: LineError) => ({ line: e.line, field: e.field, message: translate(ctx.locale, e.key, e.params) })

async function readSheet(input: In<'csi.import.preview'>): Promise<{ format: 'csv' | 'xlsx'; sheet: string | null; rows: string[][] }> {
  const bytes = Buffer.from(input.contentBase64, 'base64')
  if (looksLikeXlsx(bytes)) {
    try {
      const sheet = await readXlsx(bytes, input.sheet)
      return { format: 'xlsx', sheet: sheet.name, rows: sheet.rows }
    } catch {
      throw new AppError('VALIDATION', 'csiImport.unreadable', { fileName: input.fileName })
    }
  }
  return { format: 'csv', sheet: null, rows: parseCsv(decodeText(bytes, input.encoding).text) }
}

const resultOut = (p: PlannedResult) => ({
  line: p.line,
  month: p.month,
  survey: p.survey,
  scoreTenths: p.scoreTenths,
  note: p.note,
  items: p.items,
  action: p.action,
  beforeTenths: p.beforeTenths,
})

export async function previewCsiImport(ctx: Ctx, input: In<'csi.import.preview'>): Promise<Out<'csi.import.preview'>> {
  const sheet = await readSheet(input)
  const base = { fileName: input.fileName, format: sheet.format, sheet: sheet.sheet }
  const headerRow = findHeaderRow(sheet.rows)
  if (headerRow === null) {
    return { ...base, headerRow: 0, totalLines: 0, results: [], errors: [{ line: 0, field: 'month', message: translate(ctx.locale, 'csiImport.noHeader') }] }
  }
  const mapping = mappingOf(sheet.rows[headerRow - 1] ?? [])
  const errors: LineError[] = []
  const lines: CsiLine[] = []
  let totalLines = 0
  sheet.rows.slice(headerRow).forEach((cells, i) => {
    const before = errors.length
    const line = readLine(cells, headerRow + 1 + i, mapping, input.survey, errors)
    if (line) lines.push(line)
    if (line || errors.length > before) totalLines++
  })
  const planned = planResults(ctx, groupLines(lines, errors), errors)
  errors.sort((a, b) => a.line - b.line)
  return { ...base, headerRow, totalLines, results: planned.map(resultOut), errors: errors.map((e) => message(ctx, e)) }
}

function refuse(ctx: UserCtx, errors: readonly LineError[]): never {
  const fields = errors.slice(0, 200).map((e) => ({ field: `lines.${e.line}.${e.field ?? ''}`, message: e.key }))
  const lines = errors.map((e) => message(ctx, e))
  throw new AppError('VALIDATION', 'csiImport.hasErrors', { count: errors.length, first: lines[0] ? `${lines[0].line}：${lines[0].message}` : '' }, { fields, lines })
}

export function applyCsiImport(ctx: UserCtx, input: In<'csi.import.apply'>): Out<'csi.import.apply'> {
  const errors: LineError[] = []
  const planned = planResults(ctx, input.results, errors)
  if (errors.length > 0) refuse(ctx, errors.sort((a, b) => a.line - b.line))
  const enter = planned.filter((p) => p.action === 'enter')
  const replace = planned.filter((p) => p.action === 'replace')
  if (enter.length !== input.expect.enter || replace.length !== input.expect.replace) {
    throw new AppError('CONFLICT', 'csiImport.stale', {}, { expected: input.expect, now: { enter: enter.length, replace: replace.length } })
  }
  for (const p of [...enter, ...replace]) {
    saveCsi(ctx, {
      month: p.month,
      survey: p.survey,
      scoreTenths: p.scoreTenths,
      note: p.note,
      items: p.items.map((i) => ({ code: i.code, label: i.label, scoreTenths: i.scoreTenths, maxTenths: i.maxTenths })),
      version: p.version,
    })
  }
  return { entered: enter.length, replaced: replace.length, unchanged: planned.length - enter.length - replace.length }
}
