import type pg from 'pg'
import type { ManifestFile } from '../../shared/export/manifest'
import type { ExportTableSpec } from '../../shared/export/spec'
import { appliedOf as appliedName, q, tableOf } from '../schema/ddl'

// The four ways a file is applied (docs/export-format.md, "How head office applies a batch"),
// each set-based SQL from the file's staging table into the warehouse, for one dealer. Returns
// the rows inserted, replaced or deleted, and for a parent how many of its rows were applied. Parents whose row from this batch was applied (not
// older than what was held) are remembered in the session table `applied_<table>` for their children.

export interface ApplyStep {
  spec: ExportTableSpec
  file: ManifestFile
  staging: string
  dealer: string
  /** Another table of the batch hangs off this one (replace-children). */
  isParent: boolean
}

const appliedOf = (table: string) => q(appliedName(table))

export interface StepResult {
  changes: number
  /** Parent rows of this file applied (remembered for their children); 0 for other tables. */
  parentsApplied: number
}
const only = (changes: number): StepResult => ({ changes, parentsApplied: 0 })

async function upsert(client: pg.ClientBase, s: ApplyStep): Promise<StepResult> {
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
  const result = await client.query(
    `INSERT INTO ${t} (dealer_code, ${cols.join(', ')}) SELECT $1, ${cols.join(', ')} FROM ${q(s.staging)}
     ON CONFLICT (dealer_code, ${keys.join(', ')}) ${onConflict}`,
    [s.dealer],
  )
  let parentsApplied = 0
  if (s.isParent) {
    const match = keys.map((k) => `w.${k} = s.${k}`).join(' AND ')
    const same = at ? ` AND w.${at} = s.${at}` : ''
    const applied = await client.query(
      `INSERT INTO ${appliedOf(spec.name)} (id) SELECT s.id FROM ${q(s.staging)} s JOIN ${t} w ON w.dealer_code = $1 AND ${match}${same}`,
      [s.dealer],
    )
    parentsApplied = applied.rowCount ?? 0
  }
  return { changes: result.rowCount ?? 0, parentsApplied }
}

async function append(client: pg.ClientBase, s: ApplyStep): Promise<StepResult> {
  const cols = s.spec.columns.map((c) => q(c.name)).join(', ')
  const result = await client.query(
    `INSERT INTO ${tableOf(s.spec)} (dealer_code, ${cols}) SELECT $1, ${cols} FROM ${q(s.staging)} ON CONFLICT DO NOTHING`,
    [s.dealer],
  )
  return only(result.rowCount ?? 0)
}

async function replaceChildren(client: pg.ClientBase, s: ApplyStep): Promise<StepResult> {
  const tracking = s.spec.tracking
  if (tracking.kind !== 'children') throw new Error(`${s.spec.name}: not a child table`)
  const parent = appliedOf(tracking.parent)
  const column = q(tracking.parentColumn)
  const t = tableOf(s.spec)
  const cols = s.spec.columns.map((c) => q(c.name)).join(', ')
  const removed = await client.query(`DELETE FROM ${t} c USING ${parent} p WHERE c.dealer_code = $1 AND c.${column} = p.id`, [s.dealer])
  const added = await client.query(
    `INSERT INTO ${t} (dealer_code, ${cols}) SELECT $1, ${cols} FROM ${q(s.staging)} s WHERE s.${column} IN (SELECT id FROM ${parent})`,
    [s.dealer],
  )
  return only((removed.rowCount ?? 0) + (added.rowCount ?? 0))
}

async function snapshot(client: pg.ClientBase, s: ApplyStep): Promise<StepResult> {
  const t = tableOf(s.spec)
  const cols = s.spec.columns.map((c) => q(c.name)).join(', ')
  const removed = await client.query(`DELETE FROM ${t} WHERE dealer_code = $1`, [s.dealer])
  const added = await client.query(`INSERT INTO ${t} (dealer_code, ${cols}) SELECT $1, ${cols} FROM ${q(s.staging)}`, [s.dealer])
  return only((removed.rowCount ?? 0) + (added.rowCount ?? 0))
}

export function applyStep(client: pg.ClientBase, step: ApplyStep): Promise<StepResult> {
  switch (step.file.mode) {
    case 'upsert':
      return upsert(client, step)
    case 'append':
      return append(client, step)
    case 'replace-children':
      return replaceChildren(client, step)
    case 'snapshot':
      return snapshot(client, step)
  }
}
