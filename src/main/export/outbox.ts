import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Store } from '../store/open'
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

export interface BatchRecord {
  id: string
  seq: number
  first_business_date: string
  business_date: string
  previous_id: string | null
  cutoff: string
  created_at: string
  dir: string
  manifest_sha256: string
  rows: number
  bytes: number
  watermarks: string
  adopted: number
}

export function lastBatch(store: Store): BatchRecord | undefined {
  return store.prepare('SELECT * FROM export_batches ORDER BY seq DESC LIMIT 1').get() as BatchRecord | undefined
}

export function readManifest(dir: string): Manifest | null {
  const file = join(dir, MANIFEST)
  if (!existsSync(file)) return null
  const parsed = Manifest.safeParse(JSON.parse(readFileSync(file, 'utf8')))
  return parsed.success ? parsed.data : null
}

export function recordBatch(store: Store, m: Manifest, manifestSha: string, targetIds: readonly string[], now: string, adopted: boolean) {
  store
    .prepare(
      `INSERT INTO export_batches (id, seq, first_business_date, business_date, previous_id, cutoff, created_at, dir,
         manifest_sha256, rows, bytes, watermarks, adopted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      m.batchId,
      m.seq,
      m.firstBusinessDate,
      m.businessDate,
      m.previousBatchId,
      m.cutoff,
      m.createdAt,
      `batches/${m.batchId}`,
      manifestSha,
      m.files.reduce((n, f) => n + f.rows, 0),
      m.files.reduce((n, f) => n + f.bytes, 0),
      JSON.stringify(m.watermarks),
      adopted ? 1 : 0,
    )
  const enqueue = store.prepare(
    `INSERT INTO export_deliveries (batch_id, target_id, status, attempts, next_attempt_at) VALUES (?, ?, 'pending', 0, ?)`,
  )
  for (const target of targetIds) enqueue.run(m.batchId, target, now)
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
  const known = new Set((store.prepare('SELECT id FROM export_batches').all() as { id: string }[]).map((r) => r.id))
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
