import type { ManifestFile } from '../../shared/export/manifest'
import type { ExportTableSpec } from '../../shared/export/spec'
import { appliedOf as appliedName, dealerOnParentIndex, q, tableOf } from '../schema/ddl'

// The four ways a file is applied (docs/export-format.md, "How head office applies a batch"),
// each set-based SQL from the file's staging table into the warehouse, for one dealer. Parents
// whose row from this batch was applied (not older than what was held) are remembered in the
// session table `applied_<table>` for their children.
//
// The steps are returned as SQL text, not run: the batch sends all of them (and its record and
// COMMIT) in one round trip, in manifest order. The dealer code is a quoted literal for that
// reason (a multi-statement query takes no parameters).

export interface ApplyStep {
  spec: ExportTableSpec
  file: ManifestFile
  staging: string
  /** The dealer code as an SQL literal (`client.escapeLiteral`). */
  dealer: string
  /** Another table of the batch hangs off this one (replace-children). */
  isParent: boolean
}

/** One statement of a step; `counts` says what its row count is: changes, parent rows applied, or nothing. */
export interface Statement {
  sql: string
  counts: 'changes' | 'parents' | null
}

const appliedOf = (table: string) => q(appliedName(table))
const change = (sql: string): Statement => ({ sql, counts: 'changes' })

// The statements that meet the batch's few rows with the dealer's many look the many up by the
// warehouse's index, row by row, in a form the planner cannot turn into a join: the staging
// tables have no statistics (emptied at every commit) and a warehouse table's are stale right
// after a dealer's first batch, so a join was planned as hashing or materialising all the
// dealer's rows (the ro_lines delete of 14 orders took 20–30 ms).

function upsert(s: ApplyStep): Statement[] {
  const { spec } = s
  const cols = spec.columns.map((c) => q(c.name))
  const keys = spec.naturalKey.map(q)
  const at = spec.updatedAt ? q(spec.updatedAt) : null
  const others = cols.filter((c) => !keys.includes(c))
  const t = tableOf(spec)
  // Not older replaces (equal stamps: the same version again, which changes nothing); a row
  // identical to the stored one is not rewritten, so a re-sent batch leaves no dead tuples.
  const newer = at ? `${t}.${at} <= EXCLUDED.${at} AND ` : ''
  const differs = `(${others.map((c) => `${t}.${c}`).join(', ')}) IS DISTINCT FROM (${others.map((c) => `EXCLUDED.${c}`).join(', ')})`
  const onConflict =
    others.length === 0
      ? 'DO NOTHING'
      : `DO UPDATE SET ${others.map((c) => `${c} = EXCLUDED.${c}`).join(', ')} WHERE ${newer}${differs}`
  const out = [
    change(
      `INSERT INTO ${t} (dealer_code, ${cols.join(', ')}) SELECT ${s.dealer}, ${cols.join(', ')} FROM ${q(s.staging)}
     ON CONFLICT (dealer_code, ${keys.join(', ')}) ${onConflict}`,
    ),
  ]
  if (!s.isParent) return out
  const match = keys.map((k) => `w.${k} = s.${k}`).join(' AND ')
  // Applied: the row now held has the sent stamp (a parent without one is always applied).
  const applied = at ? ` WHERE (SELECT w.${at} FROM ${t} w WHERE w.dealer_code = ${s.dealer} AND ${match}) = s.${at}` : ''
  return [...out, { sql: `INSERT INTO ${appliedOf(spec.name)} (id) SELECT s.id FROM ${q(s.staging)} s${applied}`, counts: 'parents' }]
}

function append(s: ApplyStep): Statement[] {
  const cols = s.spec.columns.map((c) => q(c.name)).join(', ')
  return [change(`INSERT INTO ${tableOf(s.spec)} (dealer_code, ${cols}) SELECT ${s.dealer}, ${cols} FROM ${q(s.staging)} ON CONFLICT DO NOTHING`)]
}

function replaceChildren(s: ApplyStep): Statement[] {
  const tracking = s.spec.tracking
  if (tracking.kind !== 'children') throw new Error(`${s.spec.name}: not a child table`)
  const parent = appliedOf(tracking.parent)
  const column = q(tracking.parentColumn)
  const t = tableOf(s.spec)
  const cols = s.spec.columns.map((c) => q(c.name)).join(', ')
  return [
    // Each applied parent's children found by the (parent, dealer) index, in a form only that
    // index serves (ddl.ts, parentIndexSql; OFFSET 0 keeps the lookup from being flattened into
    // a join), then deleted by their row addresses.
    change(
      `DELETE FROM ${t} WHERE ctid = ANY (ARRAY(SELECT c.ctid FROM ${parent} p CROSS JOIN LATERAL
         (SELECT ctid FROM ${t} WHERE ${column} = p.id AND ${dealerOnParentIndex('dealer_code', s.dealer)} OFFSET 0) c))`,
    ),
    change(`INSERT INTO ${t} (dealer_code, ${cols}) SELECT ${s.dealer}, ${cols} FROM ${q(s.staging)} s WHERE s.${column} IN (SELECT id FROM ${parent})`),
  ]
}

function snapshot(s: ApplyStep): Statement[] {
  const t = tableOf(s.spec)
  const cols = s.spec.columns.map((c) => q(c.name)).join(', ')
  return [change(`DELETE FROM ${t} WHERE dealer_code = ${s.dealer}`), change(`INSERT INTO ${t} (dealer_code, ${cols}) SELECT ${s.dealer}, ${cols} FROM ${q(s.staging)}`)]
}

/** The statements applying one staged file, in order. */
export function applyStatements(step: ApplyStep): Statement[] {
  switch (step.file.mode) {
    case 'upsert':
      return upsert(step)
    case 'append':
      return append(step)
    case 'replace-children':
      return replaceChildren(step)
    case 'snapshot':
      return snapshot(step)
  }
}
