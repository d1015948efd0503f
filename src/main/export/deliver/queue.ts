import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { toLocalIso, type Clock } from '../../../shared/domain/time'
import { sql } from 'kysely'
import type { Store } from '../../store/open'
import { first, run } from '../../store/query'
import { readManifest, type Outbox } from '../outbox'
import { DeliveryError, type DeliveryTarget } from './target'

// The delivery queue: one row per (batch, target), kept in the store so it survives restarts.
// Each target gets its batches strictly in sequence: a batch that fails holds back the later
// ones, and is retried after a growing pause (1, 2, 4 … minutes, at most an hour).

export const BACKOFF_BASE_MS = 60_000
export const BACKOFF_MAX_MS = 60 * 60_000

export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(attempts - 1, 0), BACKOFF_MAX_MS)
}

interface PendingRow {
  batch_id: string
  attempts: number
  next_attempt_at: string | null
  dir: string
  manifest_sha256: string
}

export interface DeliveryOutcome {
  targetId: string
  batchId: string
  ok: boolean
  error?: string
}

function nextPending(store: Store, targetId: string): PendingRow | undefined {
  return first(
    store,
    store.db
      .selectFrom('export_deliveries as d')
      .innerJoin('export_batches as b', 'b.id', 'd.batch_id')
      .select(['d.batch_id', 'd.attempts', 'd.next_attempt_at', 'b.dir', 'b.manifest_sha256'])
      .where('d.target_id', '=', targetId)
      .where('d.status', '=', 'pending')
      .orderBy('b.seq')
      .limit(1),
  ) satisfies PendingRow | undefined
}

/** The earliest time any target has something to try, or null when the queue is empty. */
export function nextDeliveryAt(store: Store, targetIds: readonly string[]): string | null {
  let earliest: string | null = null
  for (const id of targetIds) {
    const row = nextPending(store, id)
    if (!row) continue
    const at = row.next_attempt_at ?? ''
    if (earliest === null || at < earliest) earliest = at
  }
  return earliest
}

export async function deliverPending(o: {
  store: Store
  outbox: Outbox
  targets: readonly DeliveryTarget[]
  clock: Clock
  timeZone: string
}): Promise<DeliveryOutcome[]> {
  const outcomes: DeliveryOutcome[] = []
  const iso = () => toLocalIso(o.clock.now(), o.timeZone)
  for (const target of o.targets) {
    for (;;) {
      const row = nextPending(o.store, target.id)
      if (!row || (row.next_attempt_at !== null && row.next_attempt_at > iso())) break
      const dir = join(o.outbox.root, row.dir)
      const manifest = existsSync(dir) ? readManifest(dir) : null
      try {
        if (!manifest) throw new DeliveryError(`batch ${row.batch_id} is missing from the outbox`)
        await target.deliver({ id: row.batch_id, dir, manifest, manifestSha256: row.manifest_sha256 })
      } catch (error) {
        const message = error instanceof DeliveryError ? error.message : `${(error as Error).message ?? error}`
        const attempts = row.attempts + 1
        const retryAt = toLocalIso(new Date(o.clock.now().getTime() + backoffMs(attempts)), o.timeZone)
        run(
          o.store,
          o.store.db
            .updateTable('export_deliveries')
            .set({ attempts, last_attempt_at: iso(), last_error: message.slice(0, 500), next_attempt_at: retryAt })
            .where('batch_id', '=', row.batch_id)
            .where('target_id', '=', target.id),
        )
        outcomes.push({ targetId: target.id, batchId: row.batch_id, ok: false, error: message })
        break
      }
      const now = iso()
      run(
        o.store,
        o.store.db
          .updateTable('export_deliveries')
          .set({ status: 'delivered', attempts: sql<number>`attempts + 1`, last_attempt_at: now, delivered_at: now, last_error: null, next_attempt_at: null })
          .where('batch_id', '=', row.batch_id)
          .where('target_id', '=', target.id),
      )
      outcomes.push({ targetId: target.id, batchId: row.batch_id, ok: true })
    }
  }
  return outcomes
}

/** Queues a batch again for one target or all it was meant for (re-send from the app). */
export function requeue(store: Store, batchId: string, targetId: string | undefined, now: string): number {
  let update = store.db.updateTable('export_deliveries').set({ status: 'pending', next_attempt_at: now, last_error: null }).where('batch_id', '=', batchId)
  if (targetId) update = update.where('target_id', '=', targetId)
  let changes = run(store, update).changes
  if (changes === 0 && targetId) {
    // A target added after the batch was built: queue it there as well.
    const known = first(store, store.db.selectFrom('export_batches').select('id').where('id', '=', batchId))
    if (known) {
      run(store, store.db.insertInto('export_deliveries').values({ batch_id: batchId, target_id: targetId, status: 'pending', attempts: 0, next_attempt_at: now }))
      changes = 1
    }
  }
  return changes
}
