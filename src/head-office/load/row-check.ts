import { rowProblems } from '../../shared/export/row-schema'
import type { ExportColumn, ExportTableSpec } from '../../shared/export/spec'

// The declaration's row rules (row-schema.ts) compiled once per table into one tight pass that
// checks a row and writes its COPY text line at once: the loader runs it on every row. Only a
// failing row is explained, by the shared rowProblems, in the same words as `npm run export:verify`.

const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/
const DATE = /^\d{4}-\d\d-\d\d$/
const SPECIAL = /[\\\n\r\t]/
const SPECIALS = /[\\\n\r\t]/g

/** COPY text format: backslash escapes for the four characters that would break a line or field. */
export function copyText(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => (c === '\\' ? '\\\\' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\t')) : value
}

/** The value's COPY text field, or null when the column does not allow it. */
function fieldOf(c: ExportColumn, v: unknown): string | null {
  if (v === null) return c.nullable === true || c.pii !== undefined ? '\\N' : null
  switch (c.type) {
    case 'integer':
      return Number.isInteger(v) ? String(v) : null
    case 'boolean':
      return v === true ? 't' : v === false ? 'f' : null
    // Dates and times as the patterns allow hold none of the characters COPY escapes.
    case 'datetime':
      return typeof v === 'string' && DATE_TIME.test(v) ? v : null
    case 'date':
      return typeof v === 'string' && DATE.test(v) ? v : null
    case 'text':
      return typeof v === 'string' && (!c.enum || c.enum.includes(v)) ? copyText(v) : null
  }
}

/** What is wrong with a row that failed the check. */
export function explainRow(spec: ExportTableSpec, row: unknown): string {
  return rowProblems(spec, row).join('; ') || 'does not match its table'
}

/**
 * The row's COPY text line (fields in declaration order, tab-separated, no newline) when the row
 * is as declared, else null (explainRow says why).
 */
export function rowEncoder(spec: ExportTableSpec): (row: unknown) => string | null {
  const columns = spec.columns
  const n = columns.length
  return (row) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) return null
    const record = row as Record<string, unknown>
    let keys = 0
    for (const _ in record) keys++
    if (keys !== n) return null
    let out = ''
    for (let i = 0; i < n; i++) {
      const c = columns[i]!
      const v = record[c.name]
      if (v === undefined) return null
      const f = fieldOf(c, v)
      if (f === null) return null
      out = i === 0 ? f : out + '\t' + f
    }
    return out
  }
}

/** null when the row is as declared, else what is wrong with it. */
export function rowChecker(spec: ExportTableSpec): (row: unknown) => string | null {
  const encode = rowEncoder(spec)
  return (row) => (encode(row) === null ? explainRow(spec, row) : null)
}
