import { rowProblems } from '../../shared/export/row-schema'
import type { ExportColumn, ExportTableSpec } from '../../shared/export/spec'

// The declaration's row rules (row-schema.ts) compiled once per table into one tight check: the
// loader runs it on every row, so it allocates nothing; only a failing row is explained, by the
// shared rowProblems, in the same words as `npm run export:verify`.

const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/
const DATE = /^\d{4}-\d\d-\d\d$/

function valueOk(c: ExportColumn, v: unknown): boolean {
  if (v === null) return c.nullable === true || c.pii !== undefined
  switch (c.type) {
    case 'integer':
      return Number.isInteger(v)
    case 'boolean':
      return typeof v === 'boolean'
    case 'datetime':
      return typeof v === 'string' && DATE_TIME.test(v)
    case 'date':
      return typeof v === 'string' && DATE.test(v)
    case 'text':
      return typeof v === 'string' && (!c.enum || c.enum.includes(v))
  }
}

/** null when the row is as declared, else what is wrong with it. */
export function rowChecker(spec: ExportTableSpec): (row: unknown) => string | null {
  const columns = spec.columns
  const n = columns.length
  return (row) => {
    let ok = typeof row === 'object' && row !== null && !Array.isArray(row)
    if (ok) {
      const record = row as Record<string, unknown>
      let keys = 0
      for (const _ in record) keys++
      ok = keys === n
      for (let i = 0; ok && i < n; i++) {
        const c = columns[i]!
        const v = record[c.name]
        ok = v !== undefined && valueOk(c, v)
      }
    }
    return ok ? null : rowProblems(spec, row).join('; ') || 'does not match its table'
  }
}
