import type Database from 'better-sqlite3'
import type { ExportTableSpec } from './spec'
import { selectList, type Row } from './rows'
import type { Watermark, Watermarks } from './manifest'

// What changed since the previous batch, per table, as one streaming query on the exporter's
// snapshot connection. `updated` tables compare (updated_at, rowid) with the watermark, so rows
// stamped in the same second are neither lost nor sent twice; rows stamped in the cut-off second
// itself wait for the next batch, because a write in that second could still follow the snapshot.

export interface TableQuery {
  rows: IterableIterator<Row>
  /** The watermark after all rows were read (undefined: the table keeps none). */
  watermark(): Watermark | undefined
}

const AT = '__wm_at'
const ID = '__wm_id'
const START = { at: '', id: 0 }

/** The SQL (over alias `t`) of an `updated` table's version column and its tie-breaker. */
function versionSql(spec: ExportTableSpec, column: string, tieBreak: string | undefined): { at: string; id: string } {
  const declared = spec.columns.find((c) => c.name === column)
  return { at: declared?.sql ?? `t.${column}`, id: tieBreak ?? 't.rowid' }
}

/** Children come grouped by parent, in natural-key order (WITHOUT ROWID tables have no rowid). */
function childOrder(spec: ExportTableSpec, parentColumn: string): string {
  return [`t.${parentColumn}`, ...spec.naturalKey.map((k) => `"${k}"`)].join(', ')
}

function updatedMark(spec: ExportTableSpec, marks: Watermarks): { at: string; id: number } {
  const m = marks[spec.name]
  return m && 'at' in m ? m : START
}

export function queryChanges(
  db: Database.Database,
  spec: ExportTableSpec,
  byName: ReadonlyMap<string, ExportTableSpec>,
  previous: Watermarks,
  cutoff: string,
): TableQuery {
  const from = spec.from ?? spec.name
  const list = selectList(spec)
  const t = spec.tracking
  switch (t.kind) {
    case 'updated': {
      const start = updatedMark(spec, previous)
      let last = start
      const v = versionSql(spec, t.column, t.tieBreak)
      // raw SQL: every table streamed (iterate) on the exporter's snapshot connection, SQL from its declaration.
      const stmt = db.prepare(
        `SELECT ${list}, ${v.at} AS ${AT}, ${v.id} AS ${ID} FROM ${from} t
         WHERE (${v.at}, ${v.id}) > (?, ?) AND ${v.at} < ? ORDER BY ${AT}, ${ID}`,
      )
      const iter = stmt.iterate(start.at, start.id, cutoff) as IterableIterator<Row>
      const rows = (function* () {
        for (const row of iter) {
          last = { at: row[AT] as string, id: row[ID] as number }
          yield row
        }
      })()
      return { rows, watermark: () => last }
    }
    case 'append': {
      const m = previous[spec.name]
      let last = m && 'id' in m && !('at' in m) ? m.id : 0
      const key = t.column ? `t.${t.column}` : 't.rowid'
      // raw SQL: streamed on the snapshot connection, SQL from the declaration.
      const stmt = db.prepare(`SELECT ${list}, ${key} AS ${ID} FROM ${from} t WHERE ${key} > ? ORDER BY ${ID}`)
      const iter = stmt.iterate(last) as IterableIterator<Row>
      const rows = (function* () {
        for (const row of iter) {
          last = row[ID] as number
          yield row
        }
      })()
      return { rows, watermark: () => ({ id: last }) }
    }
    case 'children': {
      const parent = byName.get(t.parent)
      if (!parent || parent.tracking.kind !== 'updated') {
        throw new Error(`Export table ${spec.name}: parent ${t.parent} must be an 'updated' table listed before it`)
      }
      const start = updatedMark(parent, previous)
      // The parent is aliased `t` inside the sub-query too, so its version SQL applies as declared.
      const v = versionSql(parent, parent.tracking.column, parent.tracking.tieBreak)
      // raw SQL: streamed on the snapshot connection, SQL from the declaration.
      const stmt = db.prepare(
        `SELECT ${list} FROM ${from} t WHERE t.${t.parentColumn} IN (
           SELECT t.rowid FROM ${parent.from ?? parent.name} t
           WHERE (${v.at}, ${v.id}) > (?, ?) AND ${v.at} < ?)
         ORDER BY ${childOrder(spec, t.parentColumn)}`,
      )
      return { rows: stmt.iterate(start.at, start.id, cutoff) as IterableIterator<Row>, watermark: () => undefined }
    }
    case 'snapshot': {
      // raw SQL: streamed on the snapshot connection, SQL from the declaration.
      const stmt = db.prepare(`SELECT ${list} FROM ${from} t ORDER BY ${spec.naturalKey.map((k) => `t.${k}`).join(', ')}`)
      return { rows: stmt.iterate() as IterableIterator<Row>, watermark: () => undefined }
    }
  }
}
