import type { InferResult, Kysely } from 'kysely'
import type { Store } from '../../store/open'
import type { DB } from '../../store/schema'
import { all, preparedQuery } from '../../store/query'
import { partKeyOf, searchKeyOf } from '../part-key'
import type { ImportRowValues, RowError } from './mapping'

// What an import would do to the catalogue, row by row: add, change (with the old values) or
// leave alone — and which rows cannot be imported and why. The dry run and the import itself use
// the same plan, so the import does exactly what the dry run showed, or nothing.

export type Before = Record<string, string | number | boolean | null>

export interface PlannedRow {
  row: ImportRowValues
  key: string
  action: 'add' | 'change' | 'same'
  partId: number | null
  supplierId: number | null | undefined
  before: Before | null
  /** Column → new value, for a change. */
  set: Record<string, string | number | null>
}

export interface Plan {
  rows: PlannedRow[]
  errors: RowError[]
  add: number
  change: number
  unchanged: number
}

const selectParts = (db: Kysely<DB>) =>
  db
    .selectFrom('parts as p')
    .leftJoin('part_suppliers as ps', 'ps.part_id', 'p.id')
    .leftJoin('suppliers as s', 's.id', 'ps.supplier_id')
    .leftJoin('part_stock as st', 'st.part_id', 'p.id')
    .select(['p.id', 'p.part_key', 'p.name', 'p.brand', 'p.category', 'p.unit', 'p.bin', 'p.cost_fen', 'p.price_fen', 'p.active', 'ps.supplier_id', 's.code as supplier_code', 'st.on_hand_milli as on_hand'])

type PartRow = InferResult<ReturnType<typeof selectParts>>[number]

// Prepared once: a small list looks its parts up one by one.
const partByKey = preparedQuery<{ key: string }>()((db, p) => selectParts(db).where('p.part_key', '=', p.key))
const allParts = preparedQuery()((db) => selectParts(db))

const COLUMNS: readonly (readonly [keyof ImportRowValues, keyof PartRow, string])[] = [
  ['name', 'name', 'name'],
  ['brand', 'brand', 'brand'],
  ['category', 'category', 'category'],
  ['unit', 'unit', 'unit'],
  ['bin', 'bin', 'bin'],
  ['costFen', 'cost_fen', 'cost_fen'],
  ['priceFen', 'price_fen', 'price_fen'],
]


/** Look-up by part key: one read of the whole catalogue for a big list, index seeks for a small one. */
function partFinder(store: Store, rowCount: number): (key: string) => PartRow | undefined {
  if (rowCount < 5_000) {
    return (key) => partByKey.first(store, { key })
  }
  const byKey = new Map<string, PartRow>()
  for (const row of allParts.all(store, {})) byKey.set(row.part_key, row)
  return (key) => byKey.get(key)
}

export function planImport(store: Store, rows: readonly ImportRowValues[], errors: RowError[] = []): Plan {
  const find = partFinder(store, rows.length)
  const suppliers = new Map<string, number>()
  for (const s of all(store, store.db.selectFrom('suppliers').select(['id', 'code', 'name']))) {
    // Matched on a key (full-width folded, punctuation and case ignored); the names stay as stored.
    suppliers.set(searchKeyOf(s.code), s.id)
    suppliers.set(searchKeyOf(s.name), s.id)
  }
  const firstLine = new Map<string, number>()
  const planned: PlannedRow[] = []
  let add = 0
  let change = 0
  let unchanged = 0
  for (const row of rows) {
    const key = partKeyOf(row.partNumber)
    const fail = (field: RowError['field'], k: string, params: RowError['params'] = {}) => errors.push({ line: row.line, field, key: k, params })
    const seen = firstLine.get(key)
    if (seen !== undefined) {
      fail('partNumber', 'parts.import.duplicateInFile', { first: seen })
      continue
    }
    firstLine.set(key, row.line)
    let supplierId: number | undefined
    if (row.supplier !== undefined) {
      supplierId = suppliers.get(searchKeyOf(row.supplier))
      if (supplierId === undefined) {
        fail('supplier', 'parts.import.unknownSupplier', { value: row.supplier })
        continue
      }
    }
    const part = find(key)
    if (!part) {
      if (row.name === undefined) fail('name', 'parts.import.nameMissing')
      else if (row.priceFen === undefined) fail('price', 'parts.import.priceMissing')
      else {
        planned.push({ row, key, action: 'add', partId: null, supplierId, before: null, set: {} })
        add++
      }
      continue
    }
    const before: Before = {}
    const set: PlannedRow['set'] = {}
    for (const [field, column, target] of COLUMNS) {
      const value = row[field]
      if (value === undefined || value === part[column]) continue
      before[field] = part[column] as string | number | null
      set[target] = value as string | number
    }
    if (row.active !== undefined && (part.active === 1) !== row.active) {
      before.active = part.active === 1
      set.active = row.active ? 1 : 0
    }
    if (supplierId !== undefined && supplierId !== part.supplier_id) before.supplier = part.supplier_code
    if (set.bin !== undefined && (part.on_hand ?? 0) > 0) {
      fail('bin', 'parts.binChangeNeedsTransfer')
      continue
    }
    const changed = Object.keys(before).length > 0
    planned.push({ row, key, action: changed ? 'change' : 'same', partId: part.id, supplierId, before: changed ? before : null, set })
    if (changed) change++
    else unchanged++
  }
  return { rows: planned, errors, add, change, unchanged }
}
