import type { PersonalDataMode } from '../../shared/contract/data'
import { piiTransform, type PiiTransform } from './pii'
import type { ExportTableSpec } from './spec'

// One exported row per JSON line: the declared columns in declared order, booleans as JSON
// booleans, personal columns passed through the personal-data mode.

export type Row = Record<string, unknown>

export function selectList(spec: ExportTableSpec): string {
  return spec.columns.map((c) => `${c.sql ?? `t.${c.name}`} AS "${c.name}"`).join(', ')
}

export function rowEncoder(spec: ExportTableSpec, mode: PersonalDataMode, key: string): (row: Row) => string {
  const steps: { name: string; bool: boolean; pii: PiiTransform | null }[] = spec.columns.map((c) => ({
    name: c.name,
    bool: c.type === 'boolean',
    pii: c.pii ? piiTransform(mode, c.pii, key) : null,
  }))
  return (row) => {
    const out: Row = {}
    for (const s of steps) {
      let value = row[s.name] ?? null
      if (s.bool && value !== null) value = value === 1 || value === true
      else if (s.pii) value = s.pii(value === null ? null : String(value))
      out[s.name] = value
    }
    return JSON.stringify(out)
  }
}
