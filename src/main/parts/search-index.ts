import type { Store } from '../store/open'
import { gramQuery, gramsOf, searchKeyOf } from './part-key'

// The name index (part_search, FTS5 over character grams). Triggers on `parts` only queue the ids
// of changed rows, so parts written by anyone (estimate screens, the demo, an import) are
// indexed the next time the queue is drained: before a search and at the end of parts writes.

const BATCH = 5000

export function searchIndexIsStale(store: Store): boolean {
  return (store.prepare('SELECT EXISTS (SELECT 1 FROM part_search_dirty) AS stale').get() as { stale: number }).stale === 1
}

/** Re-indexes every queued part; joins the caller's transaction when there is one. */
export function refreshSearchIndex(store: Store): number {
  if (!searchIndexIsStale(store)) return 0
  const next = store.prepare('SELECT part_id FROM part_search_dirty LIMIT ?')
  const name = store.prepare('SELECT name FROM parts WHERE id = ?')
  const remove = store.prepare('DELETE FROM part_search WHERE rowid = ?')
  const insert = store.prepare('INSERT INTO part_search (rowid, grams, name_key) VALUES (?, ?, ?)')
  const done = store.prepare('DELETE FROM part_search_dirty WHERE part_id = ?')
  let total = 0
  store.tx(() => {
    for (;;) {
      const ids = (next.all(BATCH) as { part_id: number }[]).map((r) => r.part_id)
      if (ids.length === 0) break
      for (const id of ids) {
        remove.run(id)
        const row = name.get(id) as { name: string } | undefined
        if (row) {
          const key = searchKeyOf(row.name)
          insert.run(id, gramsOf(key), key)
        }
        done.run(id)
      }
      total += ids.length
    }
  })
  return total
}

/** Ids of parts whose name contains the query (as a search key), in id order. */
export function partsByName(store: Store, q: string, limit: number): number[] {
  const key = searchKeyOf(q)
  const match = gramQuery(key)
  if (!match) return []
  const rows = store
    .prepare('SELECT rowid AS id FROM part_search WHERE part_search MATCH ? AND instr(name_key, ?) > 0 LIMIT ?')
    .all(match, key, limit) as { id: number }[]
  return rows.map((r) => r.id)
}
