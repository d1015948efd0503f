import { join } from 'node:path'
import type pg from 'pg'
import type { Manifest } from '../../shared/export/manifest'
import { specAt, type ExportTableSpec } from '../../shared/export/spec'
import { BATCH_TABLES } from '../../shared/export/tables/all'
import { appliedOf, createSessionTablesSql, q, stagingOf, tableOf } from '../schema/ddl'
import { applyStatements, type Statement } from './apply-modes'
import { BadRow, copyFileInto } from './copy-rows'

// One batch in ONE transaction: COPY each file into a staging table, apply it by its mode in the
// manifest's order, and record the batch as applied and the dealer's position in its chain —
// all committed together or not at all. Round trips are what a small night costs most, so a
// batch takes three kinds only: BEGIN with the lock and the chain check, one COPY per non-empty
// file, and every apply statement with the record and the COMMIT as one multi-statement query. A loader killed at any moment leaves either the whole
// batch or nothing (staging rows vanish with the transaction), so a restart just does it again.
//
// The cheap path copies straight into the warehouse table where the mode makes that the same as
// going through staging: append files (rows the warehouse does not hold yet), snapshot files
// (after removing the dealer's rows), and in a dealer's first batch every file (the dealer holds
// nothing yet, so upsert and replace-children only insert). A row the warehouse already holds (an
// append re-sent after the dealership restored a backup) makes that COPY fail: the transaction
// is rolled back and the batch applied again, every file through staging.

const prepared = new WeakSet<pg.ClientBase>()
const PARENTS = new Set(BATCH_TABLES.flatMap((s) => (s.tracking.kind === 'children' ? [s.tracking.parent] : [])))

/** The staging tables live as long as the connection: made before its first batch. */
async function prepareSession(client: pg.ClientBase) {
  if (prepared.has(client)) return
  await client.query(createSessionTablesSql(BATCH_TABLES))
  prepared.add(client)
}

/** Batches a connection applies between two VACUUMs of the session tables it wrote. */
export const VACUUM_EVERY = 50
/** Per connection: the session tables written (and emptied by DELETE) since their last VACUUM. */
const dirty = new WeakMap<pg.ClientBase, { batches: number; tables: Set<string> }>()

/**
 * The rows a batch deleted from the session tables stay behind as dead tuples (autovacuum never
 * sees temporary tables), and each later batch's scan of its staging table would read them:
 * every VACUUM_EVERY committed batches the connection vacuums the tables it wrote.
 */
async function vacuumNowAndThen(client: pg.ClientBase, written: readonly string[]) {
  let d = dirty.get(client)
  if (!d) dirty.set(client, (d = { batches: 0, tables: new Set() }))
  for (const t of written) d.tables.add(t)
  if (++d.batches < VACUUM_EVERY || d.tables.size === 0) return
  await client.query(`VACUUM ${[...d.tables].join(', ')}`)
  d.batches = 0
  d.tables.clear()
}

export class BatchRefused extends Error {}

/** What was applied; null when the batch was applied already or is not its chain's next one. */
export interface Applied {
  rows: number
  changes: number
  ms: number
}

/** A COPY straight into the warehouse met a row it holds already: apply the batch through staging. */
class AlreadyHeld extends Error {}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown }).code === '23505'

export async function applyBatch(
  client: pg.ClientBase,
  dir: string,
  manifest: Manifest,
  manifestSha256: string,
  specs: readonly ExportTableSpec[],
): Promise<Applied | null> {
  try {
    return await applyOnce(client, dir, manifest, manifestSha256, specs, true)
  } catch (error) {
    if (!(error instanceof AlreadyHeld)) throw error
    return applyOnce(client, dir, manifest, manifestSha256, specs, false)
  }
}

/** A multi-statement query (no parameters): one round trip, one result per statement. */
async function multi(client: pg.ClientBase, statements: readonly string[]): Promise<pg.QueryResult[]> {
  const result: pg.QueryResult | pg.QueryResult[] = await client.query(statements.join(';\n'))
  return Array.isArray(result) ? result : [result]
}

async function applyOnce(
  client: pg.ClientBase,
  dir: string,
  manifest: Manifest,
  manifestSha256: string,
  specs: readonly ExportTableSpec[],
  direct: boolean,
): Promise<Applied | null> {
  const started = performance.now()
  const dealer = manifest.dealerCode
  const lit = (v: string | number | null) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : client.escapeLiteral(v))
  const dealerLit = lit(dealer)
  let rows = 0
  let changes = 0
  let committed: string[] = []
  await prepareSession(client)
  try {
    // Serialises loaders per dealer (two watchers on one inbox), and checks the chain again
    // inside the transaction so a batch can never be applied twice or out of turn.
    const opened = await multi(client, [
      'BEGIN',
      `SELECT pg_advisory_xact_lock(hashtext(${dealerLit}))`,
      `SELECT (SELECT last_batch_id FROM loader.dealers WHERE dealer_code = ${dealerLit}) AS last_batch_id,
              EXISTS (SELECT 1 FROM loader.batches WHERE batch_id = ${lit(manifest.batchId)} AND status = 'applied') AS done`,
    ])
    const position = opened[2]!.rows[0] as { last_batch_id: string | null; done: boolean }
    if (position.done) {
      await client.query('ROLLBACK')
      return null
    }
    const last = position.last_batch_id ?? null
    if (last !== manifest.previousBatchId) {
      // Another loader moved this dealer's chain meanwhile: not this batch's turn; a later pass decides.
      await client.query('ROLLBACK')
      return null
    }
    // The dealer's first batch: the warehouse holds nothing of it yet.
    const fresh = last === null
    // The files are copied in manifest order; the statements applying them (in the same order)
    // go after the last COPY with the batch's record and the COMMIT, in one round trip. A
    // step only reads its own staging table, its warehouse table and its parent's applied rows,
    // so copying the later files first changes nothing it sees.
    const tail: Statement[] = []
    /** Session tables this batch writes: emptied before its COMMIT (see createSessionTablesSql). */
    const written = new Set<string>()
    /** Parent tables whose file had rows (only their children can have applied parents). */
    const sentParents = new Set<string>()
    for (const [i, f] of manifest.files.entries()) {
      const spec = specs[i]!
      const sent = specAt(spec, manifest.schemaVersion)
      const staging = stagingOf(spec)
      const isParent = PARENTS.has(spec.name)
      const parent = spec.tracking.kind === 'children' ? spec.tracking.parent : null
      // An empty file changes nothing by upsert or append, nor by replace-children when no parent
      // row was sent; by replace-children or snapshot it still removes what was held.
      if (f.rows === 0 && (f.mode === 'upsert' || f.mode === 'append')) continue
      if (f.rows === 0 && parent !== null && !sentParents.has(parent)) continue
      if (isParent && f.rows > 0) sentParents.add(spec.name)
      const straight = direct && (f.mode === 'append' || f.mode === 'snapshot' || fresh)
      if (straight && f.mode === 'snapshot') {
        const remove = `DELETE FROM ${tableOf(spec)} WHERE dealer_code = ${dealerLit}`
        if (f.rows === 0) {
          tail.push({ sql: remove, counts: 'changes' })
          continue
        }
        changes += (await client.query(remove)).rowCount ?? 0
      }
      let copied = 0
      try {
        if (f.rows > 0) copied = await copyFileInto(client, sent, join(dir, f.file), straight ? tableOf(spec) : q(staging), f.file, straight ? dealer : null, f.bytes)
      } catch (error) {
        if (error instanceof BadRow) throw new BatchRefused(error.message)
        if (straight && isUniqueViolation(error)) throw new AlreadyHeld(f.file)
        // gunzip and COPY errors on a file whose checksum matched: the dealership sent it so.
        throw new BatchRefused(`${f.file}: cannot be loaded (${(error as Error).message})`)
      }
      if (copied !== f.rows) throw new BatchRefused(`${f.file}: ${copied} rows, the manifest says ${f.rows}`)
      rows += copied
      if (!straight) {
        if (f.rows > 0) written.add(q(staging))
        if (isParent && f.rows > 0) written.add(q(appliedOf(spec.name)))
        tail.push(...applyStatements({ spec, file: f, staging, dealer: dealerLit, isParent }))
        continue
      }
      changes += copied
      // Every row of a first batch is applied: all the dealer's rows are this batch's.
      if (isParent) written.add(q(appliedOf(spec.name)))
      if (isParent) tail.push({ sql: `INSERT INTO ${q(appliedOf(spec.name))} (id) SELECT id FROM ${tableOf(spec)} WHERE dealer_code = ${dealerLit}`, counts: 'parents' })
      // Children of a first batch are kept as sent: the dealership sends the children of the
      // batch's own parent rows only (one snapshot), and every parent row of a first batch is applied.
    }
    const m = manifest
    tail.push(
      {
        sql: `INSERT INTO loader.batches (batch_id, dealer_code, seq, previous_batch_id, first_business_date, business_date, cutoff,
         status, reason, rows, manifest_sha256, applied_at, load_ms)
       VALUES (${[m.batchId, dealer, m.seq, m.previousBatchId, m.firstBusinessDate, m.businessDate, m.cutoff].map(lit).join(', ')},
         'applied', NULL, ${rows}, ${lit(manifestSha256)}, now(), ${Math.round(performance.now() - started)})
       ON CONFLICT (batch_id) DO UPDATE SET status = 'applied', reason = NULL, rows = EXCLUDED.rows,
         manifest_sha256 = EXCLUDED.manifest_sha256, applied_at = now(), load_ms = EXCLUDED.load_ms`,
        counts: null,
      },
      {
        sql: `INSERT INTO loader.dealers (dealer_code, last_batch_id, last_seq, last_business_date, last_cutoff, time_zone, personal_data)
       VALUES (${[dealer, m.batchId, m.seq, m.businessDate, m.cutoff, m.timeZone, m.personalData].map(lit).join(', ')})
       ON CONFLICT (dealer_code) DO UPDATE SET last_batch_id = EXCLUDED.last_batch_id, last_seq = EXCLUDED.last_seq,
         last_business_date = EXCLUDED.last_business_date, last_cutoff = EXCLUDED.last_cutoff,
         time_zone = EXCLUDED.time_zone, personal_data = EXCLUDED.personal_data, updated_at = now()`,
        counts: null,
      },
    )
    // Emptied last, after every step that reads them, in the same transaction.
    for (const t of written) tail.push({ sql: `DELETE FROM ${t}`, counts: null })
    const done = await multi(client, [...tail.map((t) => t.sql), 'COMMIT'])
    for (const [i, t] of tail.entries()) if (t.counts === 'changes') changes += done[i]?.rowCount ?? 0
    committed = [...written]
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  }
  // After the commit, outside its try: the batch is applied whatever VACUUM does.
  await vacuumNowAndThen(client, committed)
  return { rows, changes, ms: performance.now() - started }
}
