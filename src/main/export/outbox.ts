import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Selectable } from 'kysely'
import type { Store } from '../store/open'
import { all, first, run } from '../store/query'
import type { ExportBatchesTable } from '../store/schema'
import { MANIFEST, Manifest } from './manifest'

// The outbox on disk: `<dataDir>/export/batches/<batchId>/` complete batches (immutable),
// `.building-*` batches being written (never visible as batches). A batch that reached the disk
// but not the database (the process died in between) is adopted at the next build, so its
// watermarks count and its id is never issued twice.

export interface Outbox {
  root: string
  batches: string
}

export function outboxOf(dataDir: string): Outbox {
  const root = join(dataDir, 'export')
  return { root, batches: join(root, 'batches') }
}

export function ensureOutbox(o: Outbox): void {
  mkdirSync(o.batches, { recursive: true })
}

/** A row of export_batches, as the store's schema declares it. */
export type BatchRecord = Selectable<ExportBatchesTable>

export function lastBatch(store: Store): BatchRecord | undefined {
  return first(store, store.db.selectFrom('export_batches').selectAll().orderBy('seq', 'desc').limit(1))
}

export function readManifest(dir: string): Manifest | null {
  const file = join(dir, MANIFEST)
  if (!existsSync(file)) return null
  const parsed = Manifest.safeParse(JSON.parse(readFileSync(file, 'utf8')))
  return parsed.success ? parsed.data : null
}

export function recordBatch(store: Store, m: Manifest, manifestSha: string, targetIds: readonly string[], now: string, adopted: boolean) {
  run(
    store,
    store.db.insertInto('export_batches').values({
      id: m.batchId,
      seq: m.seq,
      first_business_date: m.firstBusinessDate,
      business_date: m.businessDate,
      previous_id: m.previousBatchId,
      cutoff: m.cutoff,
      created_at: m.createdAt,
      dir: `batches/${m.batchId}`,
      manifest_sha256: manifestSha,
      rows: m.files.reduce((n, f) => n + f.rows, 0),
      bytes: m.files.reduce((n, f) => n + f.bytes, 0),
      watermarks: JSON.stringify(m.watermarks),
      adopted: adopted ? 1 : 0,
    }),
  )
  for (const target of targetIds) {
    run(store, store.db.insertInto('export_deliveries').values({ batch_id: m.batchId, target_id: target, status: 'pending', attempts: 0, next_attempt_at: now }))
  }
}

/**
 * Clears half-built batches and adopts complete ones the database does not know yet.
 * Returns the highest sequence number on disk, so a new batch id is never one already used.
 */
export async function reconcileOutbox(
  store: Store,
  o: Outbox,
  targetIds: readonly string[],
  now: string,
  sha256Of: (file: string) => Promise<string>,
): Promise<{ adopted: string[]; removed: string[]; maxSeqOnDisk: number }> {
  ensureOutbox(o)
  const removed: string[] = []
  for (const name of readdirSync(o.root)) {
    if (name.startsWith('.building-')) {
      rmSync(join(o.root, name), { recursive: true, force: true })
      removed.push(name)
    }
  }
  const known = new Set(all(store, store.db.selectFrom('export_batches').select('id')).map((r) => r.id))
  const found: { m: Manifest; dir: string }[] = []
  let maxSeqOnDisk = 0
  for (const name of readdirSync(o.batches)) {
    const dir = join(o.batches, name)
    const m = readManifest(dir)
    if (!m || m.batchId !== name) {
      // Not a batch this app wrote: keep it out of the way rather than deleting someone's files.
      const aside = join(o.root, 'rejected')
      mkdirSync(aside, { recursive: true })
      renameSync(dir, join(aside, `${name}-${randomBytes(4).toString('hex')}`))
      removed.push(name)
      continue
    }
    maxSeqOnDisk = Math.max(maxSeqOnDisk, m.seq)
    if (!known.has(m.batchId)) found.push({ m, dir })
  }
  found.sort((a, b) => a.m.seq - b.m.seq)
  const adopted: string[] = []
  for (const { m, dir } of found) {
    const last = lastBatch(store)
    if ((last?.id ?? null) !== m.previousBatchId || (last?.seq ?? 0) >= m.seq) continue
    const sha = await sha256Of(join(dir, MANIFEST))
    store.tx(() => recordBatch(store, m, sha, targetIds, now, true))
    adopted.push(m.batchId)
  }
  return { adopted, removed, maxSeqOnDisk }
}
