import type { Ctx } from '../api/context'
import { localDate } from '../../shared/domain/calendar'
import { CSI_MAX_ITEMS, type CsiSurvey } from '../../shared/domain/csi'
import { all } from '../store/query'
import type { CsiLine, LineError } from './import-rows'

// The file's lines grouped into results (one per month and survey), then each result matched with
// the one on record: `enter` a month not on record, `replace` one that differs, `same` one already
// as in the file (importing the file again changes nothing). Every refusal names its line.

export interface ImportItem {
  line: number
  code: string
  label: string
  scoreTenths: number
  maxTenths: number
}

export interface ImportResult {
  line: number
  month: string
  survey: CsiSurvey
  scoreTenths: number
  note: string
  items: ImportItem[]
}

export interface PlannedResult extends ImportResult {
  action: 'enter' | 'replace' | 'same'
  beforeTenths: number | null
  /** The version on record (0 for a new month): what the write replaces. */
  version: number
}

const keyOf = (r: { month: string; survey: CsiSurvey }) => `${r.month} ${r.survey}`

/** The lines of one month and survey make one result; its total must agree on every line that gives it. */
export function groupLines(lines: readonly CsiLine[], errors: LineError[]): ImportResult[] {
  const groups = new Map<string, { result: Omit<ImportResult, 'scoreTenths'> & { scoreTenths: number | null; totalLine: number } }>()
  for (const l of lines) {
    const key = keyOf(l)
    let g = groups.get(key)
    if (!g) {
      g = { result: { line: l.line, month: l.month, survey: l.survey, scoreTenths: null, totalLine: 0, note: '', items: [] } }
      groups.set(key, g)
    }
    const r = g.result
    if (l.totalTenths !== null) {
      if (r.scoreTenths === null) {
        r.scoreTenths = l.totalTenths
        r.totalLine = l.line
      } else if (r.scoreTenths !== l.totalTenths) {
        errors.push({ line: l.line, field: 'total', key: 'csiImport.totalDisagrees', params: { first: r.totalLine } })
      }
    }
    if (l.note !== '' && r.note === '') r.note = l.note
    if (l.item) r.items.push({ line: l.line, ...l.item })
  }
  const results: ImportResult[] = []
  for (const { result } of groups.values()) {
    if (result.scoreTenths === null) {
      errors.push({ line: result.line, field: 'total', key: 'csiImport.totalMissing', params: {} })
      continue
    }
    const { totalLine: _ignored, ...rest } = result
    results.push({ ...rest, scoreTenths: result.scoreTenths })
  }
  return results
}

interface Recorded {
  id: number
  month: string
  survey: CsiSurvey
  score_tenths: number
  note: string
  version: number
}

const itemsKey = (items: readonly Pick<ImportItem, 'code' | 'label' | 'scoreTenths' | 'maxTenths'>[]) =>
  JSON.stringify(items.map((i) => [i.code, i.label, i.scoreTenths, i.maxTenths]))

function recorded(ctx: Ctx, months: readonly string[]): Map<string, Recorded & { itemsKey: string }> {
  if (months.length === 0) return new Map()
  const db = ctx.store.db
  const rows = all(ctx.store, db.selectFrom('csi_results').select(['id', 'month', 'survey', 'score_tenths', 'note', 'version']).where('month', 'in', [...new Set(months)]))
  const items = rows.length === 0 ? [] : all(
    ctx.store,
    db
      .selectFrom('csi_items')
      .select(['result_id', 'code', 'label', 'score_tenths', 'max_tenths'])
      .where(
        'result_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('result_id')
      .orderBy('position'),
  )
  const out = new Map<string, Recorded & { itemsKey: string }>()
  for (const r of rows) {
    const mine = items.filter((i) => i.result_id === r.id).map((i) => ({ code: i.code, label: i.label, scoreTenths: i.score_tenths, maxTenths: i.max_tenths }))
    out.set(keyOf(r), { ...r, itemsKey: itemsKey(mine) })
  }
  return out
}

/** Each result checked and matched with the record; the bad ones are left out with their errors. */
export function planResults(ctx: Ctx, results: readonly ImportResult[], errors: LineError[]): PlannedResult[] {
  const thisMonth = localDate(ctx.clock.now(), ctx.timeZone).slice(0, 7)
  const onRecord = recorded(
    ctx,
    results.map((r) => r.month),
  )
  const seen = new Map<string, number>()
  const planned: PlannedResult[] = []
  for (const r of results) {
    const before = errors.length
    const fail = (line: number, field: LineError['field'], key: string, params: Record<string, string | number> = {}) => errors.push({ line, field, key, params })
    const earlier = seen.get(keyOf(r))
    if (earlier !== undefined) fail(r.line, 'month', 'csiImport.duplicateResult', { first: earlier })
    seen.set(keyOf(r), r.line)
    if (r.month > thisMonth) fail(r.line, 'month', 'csiImport.futureMonth', { month: r.month })
    if (r.items.length > CSI_MAX_ITEMS) fail(r.line, 'code', 'csiImport.tooManyItems', { max: CSI_MAX_ITEMS })
    const codes = new Map<string, number>()
    for (const i of r.items) {
      const first = codes.get(i.code)
      if (first !== undefined) fail(i.line, 'code', 'csiImport.duplicateItem', { code: i.code, first })
      else codes.set(i.code, i.line)
      if (i.scoreTenths > i.maxTenths) fail(i.line, 'score', 'csiImport.itemAboveMax', { code: i.code })
    }
    if (errors.length > before) continue
    const rec = onRecord.get(keyOf(r))
    const same = rec !== undefined && rec.score_tenths === r.scoreTenths && rec.itemsKey === itemsKey(r.items) && (r.note === '' || r.note === rec.note)
    planned.push({
      ...r,
      // A file without a note keeps the note on record.
      note: r.note === '' && rec ? rec.note : r.note,
      action: rec === undefined ? 'enter' : same ? 'same' : 'replace',
      beforeTenths: rec?.score_tenths ?? null,
      version: rec?.version ?? 0,
    })
  }
  return planned
}
