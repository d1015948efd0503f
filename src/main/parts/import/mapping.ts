import { parseYuanToFen } from '../../../shared/domain/money'
import { IMPORT_FIELDS, type ImportField } from '../../../shared/contract/parts-shapes'
import { cleanText, codeText, partKeyOf } from '../part-key'

// From a sheet of text cells to import rows: find the heading row, map headings to fields (the
// names Chinese OEM and distributor price lists use), and read each cell strictly — an amount
// that is not clearly yuan is a bad row with its reason, never a guess.

export type Mapping = Record<ImportField, number | null>

export interface ImportRowValues {
  line: number
  partNumber: string
  name?: string
  brand?: string
  category?: string
  unit?: string
  bin?: string
  supplier?: string
  costFen?: number
  priceFen?: number
  active?: boolean
}

export interface RowError {
  line: number
  field: ImportField | null
  key: string
  params: Record<string, string | number>
}

const SYNONYMS: Record<ImportField, readonly string[]> = {
  partNumber: ['零件号', '零件编号', '零件号码', '配件号', '配件编号', '配件代码', '零件代码', '备件号', '备件编号', '件号', '物料号', '物料编码', '原厂编号', '原厂零件号', 'oem号', 'partno', 'partnumber', 'pn'],
  name: ['名称', '零件名称', '配件名称', '备件名称', '中文名称', '品名', '描述', 'name', 'partname', 'description'],
  brand: ['品牌', '厂牌', '生产厂家', '厂家', '制造商', 'brand', 'make', 'manufacturer'],
  category: ['类别', '分类', '配件类别', '零件类别', '大类', 'category', 'group'],
  unit: ['单位', '计量单位', 'unit', 'uom'],
  bin: ['库位', '货位', '仓位', '储位', '货架', '库位号', 'bin', 'location'],
  supplier: ['供应商', '供应商编码', '供应商代码', '供应商名称', 'supplier', 'vendor'],
  cost: ['进价', '成本价', '采购价', '进货价', '经销商价', '批发价', '经销价', '网络价', 'cost', 'netprice', 'dealerprice', 'dealernet'],
  price: ['售价', '销售价', '零售价', '建议零售价', '指导价', '零售指导价', '单价', 'price', 'retailprice', 'listprice', 'msrp'],
  active: ['状态', '是否有效', '有效', '启用', '是否启用', 'active', 'status'],
}

const headingKey = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
const LOOKUP = new Map<string, ImportField>(IMPORT_FIELDS.flatMap((f) => SYNONYMS[f].map((s) => [headingKey(s), f] as const)))

export function emptyMapping(): Mapping {
  return Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as Mapping
}

export function mappingOf(headings: readonly string[]): Mapping {
  const mapping = emptyMapping()
  headings.forEach((h, i) => {
    const field = LOOKUP.get(headingKey(h))
    if (field && mapping[field] === null) mapping[field] = i
  })
  return mapping
}

/** The 1-based row whose cells name the most fields, one of them the part number; null if none. */
export function findHeaderRow(rows: readonly (readonly string[])[]): number | null {
  let best: number | null = null
  let bestCount = 1
  rows.slice(0, 30).forEach((cells, i) => {
    const m = mappingOf(cells)
    const count = Object.values(m).filter((v) => v !== null).length
    if (m.partNumber !== null && count > bestCount) {
      best = i + 1
      bestCount = count
    }
  })
  return best
}

const TRUE = new Set(['1', 'y', 'yes', 'true', '是', '有效', '启用', '正常', 'active'])
const FALSE = new Set(['0', 'n', 'no', 'false', '否', '无效', '停用', '禁用', '停产', 'inactive'])

function amount(text: string): number | null {
  const cleaned = codeText(text).replace(/^(RMB|CNY)\s*/i, '').replace(/\s*(RMB|CNY)$/i, '')
  return parseYuanToFen(cleaned)
}

const LIMITS: Partial<Record<ImportField, number>> = { partNumber: 40, name: 100, brand: 40, category: 40, unit: 10, bin: 20, supplier: 40 }

/** One data row; `null` for a blank row (skipped without complaint). */
export function readRow(cells: readonly string[], line: number, mapping: Mapping, errors: RowError[]): ImportRowValues | null {
  if (cells.every((c) => cleanText(c) === '')) return null
  const cell = (f: ImportField) => {
    const i = mapping[f]
    return i === null ? undefined : cleanText(cells[i] ?? '')
  }
  const before = errors.length
  const fail = (field: ImportField, key: string, params: Record<string, string | number> = {}) => errors.push({ line, field, key, params })
  // Codes are matched and stored folded; names are stored exactly as the list wrote them.
  const partNumber = codeText(cell('partNumber') ?? '').toUpperCase()
  if (partKeyOf(partNumber) === '') fail('partNumber', 'parts.import.partNumberMissing')
  const row: ImportRowValues = { line, partNumber }
  for (const f of ['name', 'brand', 'category', 'unit', 'bin', 'supplier'] as const) {
    const v = cell(f)
    if (v === undefined || v === '') continue
    row[f] = f === 'bin' || f === 'supplier' ? codeText(v).toUpperCase() : v
  }
  for (const f of ['partNumber', 'name', 'brand', 'category', 'unit', 'bin', 'supplier'] as const) {
    const v = f === 'partNumber' ? partNumber : row[f]
    const max = LIMITS[f]
    if (v !== undefined && max !== undefined && v.length > max) fail(f, 'parts.import.tooLong', { max })
  }
  for (const [f, target] of [['cost', 'costFen'], ['price', 'priceFen']] as const) {
    const v = cell(f)
    if (v === undefined || v === '') continue
    const fen = amount(v)
    if (fen === null || fen < 0) fail(f, 'parts.import.badAmount', { value: v })
    else row[target] = fen
  }
  const active = cell('active')
  if (active !== undefined && active !== '') {
    const k = codeText(active).toLowerCase()
    if (TRUE.has(k)) row.active = true
    else if (FALSE.has(k)) row.active = false
    else fail('active', 'parts.import.badActive', { value: active })
  }
  return errors.length === before ? row : null
}
