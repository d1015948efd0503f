import { sql, type Insertable, type Updateable } from 'kysely'
import type { Ctx, UserCtx } from '../../api/context'
import type { DB } from '../../store/schema'
import { preparedQuery, run } from '../../store/query'
import { AppError } from '../../api/app-error'
import { translate } from '../../../shared/i18n'
import type { In, Out } from '../types'
import { refreshSearchIndex } from '../search-index'
import { decodeText } from './decode'
import { parseCsv } from './csv'
import { looksLikeXlsx, readXlsx } from './xlsx'
import { emptyMapping, findHeaderRow, mappingOf, readRow, type ImportRowValues, type Mapping, type RowError } from './mapping'
import { planImport, type Plan } from './plan'

// Price-list import (价格表导入): a dry run that reads the file and shows every addition, change and
// bad row; then the import of exactly those rows in one transaction — all of it or none of it.

type Preview = Out<'parts.import.preview'>

const message = (ctx: Ctx, e: RowError) => ({ line: e.line, field: e.field, message: translate(ctx.locale, e.key, e.params) })

interface Sheet {
  format: 'csv' | 'xlsx'
  encoding: string | null
  sheet: string | null
  rows: string[][]
}

async function readSheet(input: In<'parts.import.preview'>): Promise<Sheet> {
  const bytes = Buffer.from(input.contentBase64, 'base64')
  if (looksLikeXlsx(bytes)) {
    try {
      const sheet = await readXlsx(bytes, input.sheet)
      return { format: 'xlsx', encoding: null, sheet: sheet.name, rows: sheet.rows }
    } catch {
      throw new AppError('VALIDATION', 'parts.import.unreadable', { fileName: input.fileName })
    }
  }
  const { text, encoding } = decodeText(bytes, input.encoding)
  return { format: 'csv', encoding, sheet: null, rows: parseCsv(text) }
}

export async function previewImport(ctx: Ctx, input: In<'parts.import.preview'>): Promise<Preview> {
  const sheet = await readSheet(input)
  const headerRow = input.headerRow ?? findHeaderRow(sheet.rows)
  const columns = headerRow ? (sheet.rows[headerRow - 1] ?? []) : []
  const mapping: Mapping = { ...(headerRow ? mappingOf(columns) : emptyMapping()), ...input.mapping }
  const base = { fileName: input.fileName, format: sheet.format, encoding: sheet.encoding, sheet: sheet.sheet, columns, mapping }
  if (headerRow === null || mapping.partNumber === null) {
    const error = { line: headerRow ?? 0, field: 'partNumber', message: translate(ctx.locale, 'parts.import.noHeader') }
    return { ...base, headerRow: headerRow ?? 0, totalRows: 0, add: 0, change: 0, unchanged: 0, rows: [], errors: [error] }
  }
  const errors: RowError[] = []
  const values: ImportRowValues[] = []
  let totalRows = 0
  sheet.rows.slice(headerRow).forEach((cells, i) => {
    const before = errors.length
    const row = readRow(cells, headerRow + 1 + i, mapping, errors)
    if (row) values.push(row)
    if (row || errors.length > before) totalRows++
  })
  const plan = planImport(ctx.store, values, errors)
  plan.errors.sort((a, b) => a.line - b.line)
  return {
    ...base,
    headerRow,
    totalRows,
    add: plan.add,
    change: plan.change,
    unchanged: plan.unchanged,
    rows: plan.rows.map((p) => ({ row: p.row, action: p.action, before: p.before })),
    errors: plan.errors.map((e) => message(ctx, e)),
  }
}

// Prepared once: an import writes a price list of thousands of rows.
type NewPart = Required<Omit<Insertable<DB['parts']>, 'id' | 'version'>>
const insertPart = preparedQuery<NewPart>()((db, p) =>
  db.insertInto('parts').values({
    part_number: p.part_number,
    part_key: p.part_key,
    name: p.name,
    brand: p.brand,
    category: p.category,
    unit: p.unit,
    bin: p.bin,
    price_fen: p.price_fen,
    cost_fen: p.cost_fen,
    active: p.active,
    created_at: p.created_at,
    updated_at: p.updated_at,
  }),
)
const setSupplier = preparedQuery<{ partId: number; supplierId: number }>()((db, p) =>
  db
    .insertInto('part_suppliers')
    .values({ part_id: p.partId, supplier_id: p.supplierId })
    .onConflict((oc) => oc.column('part_id').doUpdateSet({ supplier_id: (eb) => eb.ref('excluded.supplier_id') })),
)

function execute(ctx: UserCtx, plan: Plan): void {
  const now = ctx.nowIso()
  for (const p of plan.rows) {
    const r = p.row
    let partId = p.partId
    if (p.action === 'add') {
      partId = Number(
        insertPart.run(ctx.store, {
          part_number: r.partNumber,
          part_key: p.key,
          name: r.name ?? '',
          brand: r.brand ?? null,
          category: r.category ?? null,
          unit: r.unit ?? 'EA',
          bin: r.bin ?? null,
          price_fen: r.priceFen ?? 0,
          cost_fen: r.costFen ?? 0,
          active: r.active === false ? 0 : 1,
          created_at: now,
          updated_at: now,
        }).lastInsertRowid,
      )
    } else if (p.action === 'change' && partId !== null) {
      const columns = Object.keys(p.set)
      if (columns.length > 0) {
        // Column names come from the plan's fixed list of parts columns (COLUMNS), never from the file.
        const set = Object.fromEntries(columns.map((c) => [c, p.set[c] ?? null])) as Updateable<DB['parts']>
        run(ctx.store, ctx.store.db.updateTable('parts').set({ ...set, version: sql<number>`version + 1`, updated_at: now }).where('id', '=', partId))
      }
    }
    if (p.supplierId != null && partId !== null && (p.action === 'add' || p.before?.supplier !== undefined)) {
      setSupplier.run(ctx.store, { partId, supplierId: p.supplierId })
    }
  }
}

export function applyImport(ctx: UserCtx, input: In<'parts.import.apply'>): Out<'parts.import.apply'> {
  const plan = planImport(ctx.store, input.rows as ImportRowValues[])
  if (plan.errors.length > 0) {
    const fields = plan.errors.slice(0, 200).map((e) => ({ field: `rows.${e.line}.${e.field ?? ''}`, message: e.key }))
    throw new AppError('VALIDATION', 'parts.import.hasErrors', { count: plan.errors.length }, { fields, rows: plan.errors.map((e) => message(ctx, e)) })
  }
  if (plan.add !== input.expect.add || plan.change !== input.expect.change) {
    throw new AppError('CONFLICT', 'parts.import.stale', {}, { expected: input.expect, now: { add: plan.add, change: plan.change } })
  }
  execute(ctx, plan)
  refreshSearchIndex(ctx.store)
  ctx.audit({
    action: 'parts.import',
    entity: 'price_list',
    entityId: input.fileName,
    detail: {
      added: plan.add,
      changed: plan.change,
      unchanged: plan.unchanged,
      changes: plan.rows.filter((p) => p.action !== 'same').map((p) => (p.action === 'add' ? [p.row.partNumber, 'add', p.row] : [p.row.partNumber, 'change', p.before, p.set])),
    },
  })
  ctx.events.emit({ type: 'parts.imported', id: input.fileName })
  return { added: plan.add, changed: plan.change, unchanged: plan.unchanged }
}
