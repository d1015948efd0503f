import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import type pg from 'pg'
import { MANIFEST, SCHEMA_VERSION, type Manifest } from '../../shared/export/manifest'
import { applyBatch, BatchRefused } from './apply-batch'
import { checkBatch } from './read-batch'

// One pass over the inbox. Batches are picked up as the dealership's delivery leaves them:
// folders not starting with a dot that hold manifest.json. Per dealer they are applied strictly
// along the chain of previousBatchId; a batch whose predecessor is not applied yet is held (left
// in the inbox, applied on the pass after the predecessor arrives); a damaged or tampered one is
// refused with its reason and moved to the quarantine folder; an applied one (or a duplicate of
// one) is moved to the archive. Moves happen after the commit, so a kill in between only leaves
// an applied batch in the inbox, which the next pass recognises and archives.

export interface InboxOptions {
  inbox: string
  quarantine: string
  archive: string
  log?: (line: string) => void
  /** More connections to apply several dealers' batches at once (default: the one client). */
  workers?: pg.ClientBase[]
}

export interface PassResult {
  applied: string[]
  held: { batchId: string; reason: string }[]
  quarantined: { folder: string; reason: string }[]
  duplicates: string[]
  rows: number
  ms: number
}

export const defaultFolders = (inbox: string) => ({ quarantine: join(inbox, '.quarantine'), archive: join(inbox, '.applied') })

function moveAside(dir: string, into: string): string {
  mkdirSync(into, { recursive: true })
  let target = join(into, basename(dir))
  for (let n = 2; existsSync(target); n++) target = join(into, `${basename(dir)}.${n}`)
  renameSync(dir, target)
  return target
}

function batchFolders(inbox: string): string[] {
  if (!existsSync(inbox)) return []
  return readdirSync(inbox)
    .filter((name) => !name.startsWith('.'))
    .map((name) => join(inbox, name))
    .filter((dir) => statSync(dir).isDirectory() && existsSync(join(dir, MANIFEST)))
}

async function record(client: pg.ClientBase, m: Partial<Manifest>, status: 'held' | 'quarantined', reason: string) {
  if (!m.batchId || !m.dealerCode || typeof m.seq !== 'number' || !m.businessDate || !m.firstBusinessDate || !m.cutoff) return false
  await client.query(
    `INSERT INTO loader.batches (batch_id, dealer_code, seq, previous_batch_id, first_business_date, business_date, cutoff, status, reason, manifest_sha256)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, '')
     ON CONFLICT (batch_id) DO UPDATE SET status = EXCLUDED.status, reason = EXCLUDED.reason WHERE loader.batches.status <> 'applied'`,
    [m.batchId, m.dealerCode, m.seq, m.previousBatchId ?? null, m.firstBusinessDate, m.businessDate, m.cutoff, status, reason],
  )
  return true
}

/** What a pass keeps of a waiting batch: its place in the chain, not its manifest (a year of batches is in the inbox). */
type Head = Pick<Manifest, 'batchId' | 'dealerCode' | 'seq' | 'previousBatchId' | 'firstBusinessDate' | 'businessDate' | 'cutoff'>
type Pending = { dir: string; manifest: Head }

/** The chain fields of a readable manifest, else null (checkBatch then says what is wrong). */
function headOf(dir: string): Head | null {
  try {
    const m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as Partial<Manifest>
    if (m.schemaVersion !== undefined && typeof m.schemaVersion === 'number' && m.schemaVersion > SCHEMA_VERSION) return null
    const { batchId, dealerCode, seq, previousBatchId, firstBusinessDate, businessDate, cutoff } = m
    if (typeof batchId !== 'string' || typeof dealerCode !== 'string' || typeof seq !== 'number') return null
    if (typeof firstBusinessDate !== 'string' || typeof businessDate !== 'string' || typeof cutoff !== 'string') return null
    if (previousBatchId !== null && typeof previousBatchId !== 'string') return null
    return { batchId, dealerCode, seq, previousBatchId, firstBusinessDate, businessDate, cutoff }
  } catch {
    return null
  }
}

export async function loadInbox(client: pg.ClientBase, o: InboxOptions): Promise<PassResult> {
  const started = performance.now()
  const log = o.log ?? (() => undefined)
  const result: PassResult = { applied: [], held: [], quarantined: [], duplicates: [], rows: 0, ms: 0 }
  const quarantine = async (db: pg.ClientBase, dir: string, reason: string, m: Partial<Manifest> | null) => {
    const known = m ? await record(db, m, 'quarantined', reason) : false
    if (!known) await db.query('INSERT INTO loader.refused_folders (folder, reason) VALUES ($1, $2)', [basename(dir), reason])
    moveAside(dir, o.quarantine)
    result.quarantined.push({ folder: basename(dir), reason })
    log(`refused ${basename(dir)}: ${reason}`)
  }
  const pending: Pending[] = []
  // Only the chain's fields now; each batch is checked whole (checksums, declarations) when its turn comes.
  for (const dir of batchFolders(o.inbox)) {
    const head = headOf(dir)
    if (head) {
      pending.push({ dir, manifest: head })
      continue
    }
    const check = await checkBatch(dir)
    if (check.kind === 'refused') await quarantine(client, dir, check.reason, check.manifest)
    else if (check.kind === 'newer') {
      await record(client, check.manifest, 'held', check.reason)
      result.held.push({ batchId: check.manifest.batchId ?? basename(dir), reason: check.reason })
      log(`held ${basename(dir)}: ${check.reason}`)
    } else pending.push({ dir, manifest: check.manifest })
  }
  pending.sort((a, b) => a.manifest.dealerCode.localeCompare(b.manifest.dealerCode) || a.manifest.seq - b.manifest.seq)
  const dealers = new Map(
    (await client.query<{ dealer_code: string; last_batch_id: string }>('SELECT dealer_code, last_batch_id FROM loader.dealers')).rows.map((r) => [
      r.dealer_code,
      r.last_batch_id,
    ]),
  )
  const ids = pending.map((p) => p.manifest.batchId)
  const already = new Set(
    (await client.query<{ batch_id: string }>("SELECT batch_id FROM loader.batches WHERE status = 'applied' AND batch_id = ANY($1)", [ids])).rows.map((r) => r.batch_id),
  )

  // Each dealer's chain in turn: a success may unblock the next batch, so loop until none moves.
  const applyChain = async (db: pg.ClientBase, list: Pending[]) => {
    let progress = true
    while (progress) {
      progress = false
      for (const p of [...list]) {
        const m = p.manifest
        if (already.has(m.batchId)) {
          moveAside(p.dir, o.archive)
          result.duplicates.push(m.batchId)
          list.splice(list.indexOf(p), 1)
          continue
        }
        if ((dealers.get(m.dealerCode) ?? null) !== m.previousBatchId) continue
        const check = await checkBatch(p.dir)
        if (check.kind !== 'ok') {
          // Unreadable or damaged (a newer version was caught by headOf): refused with the reason.
          await quarantine(db, p.dir, check.reason, check.manifest ?? m)
          list.splice(list.indexOf(p), 1)
          progress = true
          continue
        }
        try {
          const done = await applyBatch(db, p.dir, check.manifest, check.manifestSha256, check.specs)
          if (!done) {
            // Another loader got there first; its outcome is in loader.batches for the next pass.
            list.splice(list.indexOf(p), 1)
            continue
          }
          result.applied.push(m.batchId)
          result.rows += done.rows
          log(`applied ${m.batchId}: ${done.rows} rows, ${done.changes} changes in ${Math.round(done.ms)} ms`)
          moveAside(p.dir, o.archive)
          dealers.set(m.dealerCode, m.batchId)
          already.add(m.batchId)
        } catch (error) {
          if (!(error instanceof BatchRefused)) throw error
          await quarantine(db, p.dir, error.message, m)
        }
        list.splice(list.indexOf(p), 1)
        progress = true
      }
    }
  }
  const byDealer = new Map<string, Pending[]>()
  for (const p of pending) byDealer.set(p.manifest.dealerCode, [...(byDealer.get(p.manifest.dealerCode) ?? []), p])
  const queue = [...byDealer.values()]
  // Dealers are independent: with more connections, several chains are applied at once.
  const workers = o.workers && o.workers.length > 0 ? o.workers : [client]
  await Promise.all(
    workers.map(async (db) => {
      for (let list = queue.shift(); list; list = queue.shift()) await applyChain(db, list)
    }),
  )
  for (const list of byDealer.values()) {
    for (const p of list) {
      const m = p.manifest
      const reason = `waiting for ${m.previousBatchId ?? 'the first batch'} (dealer is at ${dealers.get(m.dealerCode) ?? 'no batch yet'})`
      await record(client, m, 'held', reason)
      result.held.push({ batchId: m.batchId, reason })
      log(`held ${m.batchId}: ${reason}`)
    }
  }
  result.applied.sort()
  result.ms = performance.now() - started
  return result
}
