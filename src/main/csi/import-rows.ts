import { CSI_MAX_TENTHS, CSI_SURVEYS, type CsiSurvey } from '../../shared/domain/csi'
import { cleanText, codeText } from '../parts/part-key'

// From the maker's CSI sheet to lines: find the heading row by the names the maker's reports use
// (月份, 调查, 总分, 项目代码, 项目, 得分, 满分), then read each line strictly — a score that is
// not clearly points with at most one decimal is a bad line with its number, never a guess.
//
// The accepted layout (docs/csi-import.md, and the screen's help): one line per item; the result's
// total on each of its lines (or at least one); a line without an item code carries the total only.

export const CSI_FIELDS = ['month', 'survey', 'total', 'code', 'label', 'score', 'max', 'note'] as const
export type CsiField = (typeof CSI_FIELDS)[number]
export type CsiMapping = Record<CsiField, number | null>

export interface CsiLine {
  line: number
  month: string
  survey: CsiSurvey
  totalTenths: number | null
  item: { code: string; label: string; scoreTenths: number; maxTenths: number } | null
  note: string
}

export interface LineError {
  line: number
  field: CsiField | null
  key: string
  params: Record<string, string | number>
}

const SYNONYMS: Record<CsiField, readonly string[]> = {
  month: ['月份', '月度', '考核月份', '调查月份', '期间', 'month', 'period'],
  survey: ['调查', '调查类型', '项目类型', '类型', '考核类型', 'survey', 'type'],
  total: ['总分', '总成绩', '综合得分', '成绩', 'csi', 'total', 'totalscore'],
  code: ['项目代码', '指标代码', '代码', '编号', 'code', 'itemcode'],
  label: ['项目', '项目名称', '指标', '指标名称', '考核项目', 'item', 'itemname', 'label'],
  score: ['得分', '项目得分', '实得分', 'score', 'itemscore'],
  max: ['满分', '标准分', '分值', '最高分', 'max', 'maxscore', 'points'],
  note: ['备注', '说明', 'note', 'remark'],
}

const headingKey = (text: string) => text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
const LOOKUP = new Map<string, CsiField>(CSI_FIELDS.flatMap((f) => SYNONYMS[f].map((s) => [headingKey(s), f] as const)))

const SURVEY_NAMES: Record<CsiSurvey, readonly string[]> = {
  mystery_shopper: ['神秘客户', '神秘顾客', '神秘访客', '暗访', 'mysteryshopper', 'mystery'],
  phone_survey: ['电话回访', '电话回访调查', '电话调查', '电访', 'phonesurvey', 'phone'],
}
const SURVEY_LOOKUP = new Map<string, CsiSurvey>(CSI_SURVEYS.flatMap((s) => SURVEY_NAMES[s].map((n) => [headingKey(n), s] as const)))

export function mappingOf(headings: readonly string[]): CsiMapping {
  const mapping: CsiMapping = { month: null, survey: null, total: null, code: null, label: null, score: null, max: null, note: null }
  headings.forEach((h, i) => {
    const field = LOOKUP.get(headingKey(h))
    if (field && mapping[field] === null) mapping[field] = i
  })
  return mapping
}

/** The 1-based row in the first 30 that names both the month and the total; null if none. */
export function findHeaderRow(rows: readonly (readonly string[])[]): number | null {
  const i = rows.slice(0, 30).findIndex((cells) => {
    const m = mappingOf(cells)
    return m.month !== null && m.total !== null
  })
  return i < 0 ? null : i + 1
}

/** "2026-11", "2026/11", "202611", "2026年11月", or a date cell ("2026-11-01") → "2026-11". */
export function monthOf(text: string): string | null {
  const m = /^(\d{4})\s*[-/.年]?\s*(\d{1,2})\s*月?(?:\s*[-/.]\s*\d{1,2}\s*日?)?$/.exec(text)
  if (!m) return null
  const month = Number(m[2])
  return month >= 1 && month <= 12 ? `${m[1]}-${String(month).padStart(2, '0')}` : null
}

/** Points with at most one decimal ("939.5", "940", "93.50") → tenths; null if not that. */
export function tenthsOf(text: string): number | null {
  const m = /^(\d{1,5})(?:\.(\d)0*)?$/.exec(text.replace(/\s*分$/, ''))
  if (!m) return null
  return Number(m[1]) * 10 + Number(m[2] ?? 0)
}

/** One line; `null` for a blank one (skipped) or a bad one (its errors pushed). */
export function readLine(cells: readonly string[], line: number, mapping: CsiMapping, fileSurvey: CsiSurvey | undefined, errors: LineError[]): CsiLine | null {
  if (cells.every((c) => cleanText(c) === '')) return null
  const cell = (f: CsiField) => {
    const i = mapping[f]
    return i === null ? '' : cleanText(cells[i] ?? '')
  }
  const before = errors.length
  const fail = (field: CsiField, key: string, params: Record<string, string | number> = {}) => errors.push({ line, field, key, params })
  const month = monthOf(codeText(cell('month')))
  if (month === null) fail('month', 'csiImport.badMonth', { value: cell('month') })
  const surveyText = cell('survey')
  const survey = surveyText === '' ? fileSurvey : SURVEY_LOOKUP.get(headingKey(surveyText))
  if (survey === undefined) fail('survey', surveyText === '' ? 'csiImport.surveyMissing' : 'csiImport.badSurvey', { value: surveyText })
  const score = (field: CsiField, min = 0): number | null => {
    const text = codeText(cell(field))
    if (text === '') return null
    const t = tenthsOf(text)
    if (t === null || t < min || t > CSI_MAX_TENTHS) {
      fail(field, 'csiImport.badScore', { value: cell(field) })
      return null
    }
    return t
  }
  const totalTenths = score('total')
  const code = codeText(cell('code')).toUpperCase()
  const label = cell('label')
  const itemScore = score('score')
  const itemMax = score('max', 1)
  let item: CsiLine['item'] = null
  if (code === '' && label === '') {
    if (totalTenths === null && errors.length === before) fail('total', 'csiImport.totalMissing')
    if (itemScore !== null || itemMax !== null) fail('code', 'csiImport.codeMissing')
  } else if (code === '') {
    fail('code', 'csiImport.codeMissing')
  } else if (code.length > 20 || label.length > 60) {
    fail(code.length > 20 ? 'code' : 'label', 'csiImport.tooLong', { max: code.length > 20 ? 20 : 60 })
  } else if (itemScore === null || itemMax === null) {
    if (errors.length === before) fail(itemScore === null ? 'score' : 'max', 'csiImport.itemScoreMissing', { code })
  } else if (itemScore > itemMax) {
    fail('score', 'csiImport.itemAboveMax', { code })
  } else {
    item = { code, label: label === '' ? code : label, scoreTenths: itemScore, maxTenths: itemMax }
  }
  const note = cell('note').slice(0, 500)
  return errors.length === before && month !== null && survey !== undefined ? { line, month, survey, totalTenths, item, note } : null
}
