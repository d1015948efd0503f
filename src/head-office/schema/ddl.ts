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
  if (spec.tracking.kind === 'children') lines.push(parentIndexSql(spec))
  return lines.join(';\n')
}

/**
 * A child table's index for its parent's rows: the parent column first, then the dealer code
 * with the pattern operator class. The replace-children lookup compares the dealer code with
 * that class's operators (`~>=~`, `~<=~`: equality as a range), which no other index of the table
 * can serve, so it is planned on this index whatever the statistics say: with the dealer code
 * leading both this and the primary key, a dealer the statistics did not know yet (its first
 * batch after the last ANALYZE) was estimated at one row and the delete was planned on the
 * primary key, reading all the dealer's rows once per parent. Joins on `dealer_code = …` use it too.
 */
export function parentIndexSql(spec: ExportTableSpec, ifNotExists = false): string {
  if (spec.tracking.kind !== 'children') throw new Error(`${spec.name}: not a child table`)
  return `CREATE INDEX ${ifNotExists ? 'IF NOT EXISTS ' : ''}${q(`${spec.name}_parent_key`)} ON ${tableOf(spec)} (${q(spec.tracking.parentColumn)}, dealer_code text_pattern_ops)`
}

/** The dealer-code condition only a child table's parent index serves (parentIndexSql). */
export const dealerOnParentIndex = (column: string, dealer: string) => `${column} ~>=~ ${dealer} AND ${column} ~<=~ ${dealer}`

export const stagingOf = (spec: ExportTableSpec) => `stage_${spec.name}`
export const appliedOf = (table: string) => `applied_${table}`

/**
 * The session's staging tables, made once per connection: each file's columns without
 * constraints, and per parent table the ids of its rows this batch applied. A batch empties the
 * ones it wrote with `DELETE` before its `COMMIT` (a rollback discards its rows anyway), and the
 * loader vacuums them every so many batches. Not `ON COMMIT DELETE ROWS`: PostgreSQL then
 * truncates every such table of the session at every commit that touched any temporary table
 * (each heap, its TOAST table and the TOAST index rebuilt), ~20 ms a batch for the ~50 tables on
 * this machine, against ~1 ms for deleting the few rows of the ~10 tables a night uses.
 */
export function createSessionTablesSql(specs: readonly ExportTableSpec[]): string {
  const parents = new Set(specs.flatMap((s) => (s.tracking.kind === 'children' ? [s.tracking.parent] : [])))
  return [
    ...specs.map((s) => `CREATE TEMP TABLE ${q(stagingOf(s))} (${s.columns.map((c) => `${q(c.name)} ${pgType(c.type)}`).join(', ')})`),
    ...[...parents].map((p) => `CREATE TEMP TABLE ${q(appliedOf(p))} (id bigint)`),
  ].join(';\n')
}
