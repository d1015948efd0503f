import { join } from 'node:path'
import type pg from 'pg'
import type { Manifest } from '../../shared/export/manifest'
import type { ExportTableSpec } from '../../shared/export/spec'
import { BATCH_TABLES } from '../../shared/export/tables/all'
import { createSessionTablesSql, stagingOf } from '../schema/ddl'
import { applyStep } from './apply-modes'
import { BadRow, copyFileInto } from './copy-rows'

// One batch in ONE transaction: COPY each file into a staging table, apply it by its mode in the
// manifest's order, and record the batch as applied and the dealer's position in its chain —
// all committed together or not at all. A loader killed at any moment leaves either the whole
// batch or nothing (staging rows vanish with the transaction), so a restart just does it again.

const prepared = new WeakSet<pg.ClientBase>()
const PARENTS = new Set(BATCH_TABLES.flatMap((s) => (s.tracking.kind === 'children' ? [s.tracking.parent] : [])))

/** The staging tables live as long as the connection: made before its first batch. */
async function prepareSession(client: pg.ClientBase) {
  if (prepared.has(client)) return
  await client.query(createSessionTablesSql(BATCH_TABLES))
  prepared.add(client)
}

export class BatchRefused extends Error {}

/** What was applied; null when the batch was applied already or is not its chain's next one. */
export interface Applied {
  rows: number
  changes: number
  ms: number
}

export async function applyBatch(
  client: pg.ClientBase,
  dir: string,
  manifest: Manifest,
  manifestSha256: string,
  specs: readonly ExportTableSpec[],
): Promise<Applied | null> {
  const started = performance.now()
  const dealer = manifest.dealerCode
  let rows = 0
  let changes = 0
  await prepareSession(client)
  await client.query('BEGIN')
  try {
    // Serialises loaders per dealer (two watchers on one inbox), and checks the chain again
    // inside the transaction so a batch can never be applied twice or out of turn.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [dealer])
    const position = await client.query<{ last_batch_id: string }>('SELECT last_batch_id FROM loader.dealers WHERE dealer_code = $1', [dealer])
    const done = await client.query("SELECT 1 FROM loader.batches WHERE batch_id = $1 AND status = 'applied'", [manifest.batchId])
    if (done.rowCount) {
      await client.query('ROLLBACK')
      return null
    }
    const last = position.rows[0]?.last_batch_id ?? null
    if (last !== manifest.previousBatchId) {
      // Another loader moved this dealer's chain meanwhile: not this batch's turn; a later pass decides.
      await client.query('ROLLBACK')
      return null
    }
    for (const [i, f] of manifest.files.entries()) {
      const spec = specs[i]!
      const staging = stagingOf(spec)
      // An empty file changes nothing by upsert or append; by replace-children or snapshot it
      // still removes what its applied parents (or the dealer) held.
      if (f.rows === 0 && (f.mode === 'upsert' || f.mode === 'append')) continue
      let copied = 0
      try {
        if (f.rows > 0) copied = await copyFileInto(client, spec, join(dir, f.file), staging, f.file)
      } catch (error) {
        if (error instanceof BadRow) throw new BatchRefused(error.message)
        // gunzip and COPY errors on a file whose checksum matched: the dealership sent it so.
        throw new BatchRefused(`${f.file}: cannot be loaded (${(error as Error).message})`)
      }
      if (copied !== f.rows) throw new BatchRefused(`${f.file}: ${copied} rows, the manifest says ${f.rows}`)
      rows += copied
      changes += await applyStep(client, { spec, file: f, staging, dealer, isParent: PARENTS.has(spec.name) })
    }
    await client.query(
      `INSERT INTO loader.batches (batch_id, dealer_code, seq, previous_batch_id, first_business_date, business_date, cutoff,
         status, reason, rows, manifest_sha256, applied_at, load_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'applied', NULL, $8, $9, now(), $10)
       ON CONFLICT (batch_id) DO UPDATE SET status = 'applied', reason = NULL, rows = EXCLUDED.rows,
         manifest_sha256 = EXCLUDED.manifest_sha256, applied_at = now(), load_ms = EXCLUDED.load_ms`,
      [
        manifest.batchId,
        dealer,
        manifest.seq,
        manifest.previousBatchId,
        manifest.firstBusinessDate,
        manifest.businessDate,
        manifest.cutoff,
        rows,
        manifestSha256,
        Math.round(performance.now() - started),
      ],
    )
    await client.query(
      `INSERT INTO loader.dealers (dealer_code, last_batch_id, last_seq, last_business_date, last_cutoff, time_zone, personal_data)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (dealer_code) DO UPDATE SET last_batch_id = EXCLUDED.last_batch_id, last_seq = EXCLUDED.last_seq,
         last_business_date = EXCLUDED.last_business_date, last_cutoff = EXCLUDED.last_cutoff,
         time_zone = EXCLUDED.time_zone, personal_data = EXCLUDED.personal_data, updated_at = now()`,
      [dealer, manifest.batchId, manifest.seq, manifest.businessDate, manifest.cutoff, manifest.timeZone, manifest.personalData],
    )
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  }
  return { rows, changes, ms: performance.now() - started }
}
