import type { ColumnType, ExportTableSpec } from '../../shared/export/spec'

// The warehouse's tables, one per exported table, derived from the export's declarations: the
// same columns, plus `dealer_code`, keyed by (dealer_code, natural key). Times stay the ISO text
// the dealership sent (local time with its offset), so "the month of" a time is its first seven
// characters here exactly as on the dealership's own dashboard.

export const WAREHOUSE = 'warehouse'

export function pgType(type: ColumnType): string {
  switch (type) {
    case 'integer':
      return 'bigint'
    case 'boolean':
      return 'boolean'
    case 'date':
      return 'date'
    case 'datetime':
    case 'text':
      return 'text'
  }
}

export const q = (name: string) => `"${name.replaceAll('"', '""')}"`
export const tableOf = (spec: ExportTableSpec) => `${WAREHOUSE}.${q(spec.name)}`

export function createTableSql(spec: ExportTableSpec): string {
  const columns = spec.columns.map((c) => `${q(c.name)} ${pgType(c.type)}${c.nullable || c.pii ? '' : ' NOT NULL'}`)
  const key = ['dealer_code', ...spec.naturalKey].map(q).join(', ')
  const lines = [`CREATE TABLE ${tableOf(spec)} (\n  dealer_code text NOT NULL,\n  ${columns.join(',\n  ')},\n  PRIMARY KEY (${key})\n)`]
  if (spec.tracking.kind === 'children') {
    lines.push(`CREATE INDEX ${q(`${spec.name}_parent`)} ON ${tableOf(spec)} (dealer_code, ${q(spec.tracking.parentColumn)})`)
  }
  return lines.join(';\n')
}

/** The staging table of one file: the file's columns, no constraints, gone at commit. */
export function createStagingSql(spec: ExportTableSpec, name: string): string {
  const columns = spec.columns.map((c) => `${q(c.name)} ${pgType(c.type)}`)
  return `CREATE TEMP TABLE ${q(name)} (${columns.join(', ')}) ON COMMIT DROP`
}
