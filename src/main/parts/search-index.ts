import { sql } from 'kysely'
import type { Store } from '../store/open'
import { preparedQuery, sqlAll, sqlRun } from '../store/query'
import { gramQuery, gramsOf, searchKeyOf } from './part-key'

// The name index (part_search, FTS5 over character grams). Triggers on `parts` only queue the ids
// of changed rows, so parts written by anyone (estimate screens, the demo, an import) are
// indexed the next time the queue is drained: before a search and at the end of parts writes.

const BATCH = 5000

// Prepared once: every search first checks the queue.
const staleQuery = preparedQuery()((db) =>
  db.selectNoFrom((eb) => eb.exists(eb.selectFrom('part_search_dirty').select(sql.lit(1).as('one'))).as('stale')),
)
const nextDirty = preparedQuery<{ limit: number }>()((db, p) => db.selectFrom('part_search_dirty').select('part_id').limit(p.limit))
// A batch of queued ids travels as one JSON array (one statement per batch, whatever its size).
const namesOf = preparedQuery<{ ids: string }>()((db, p) =>
  db
    .selectFrom('parts')
    .select(['id', 'name'])
    .where('id', 'in', (eb) => eb.selectFrom(sql<{ value: number }>`json_each(${p.ids})`.as('ids')).select('ids.value')),
)
const doneDirty = preparedQuery<{ ids: string }>()((db, p) =>
  db.deleteFrom('part_search_dirty').where('part_id', 'in', (eb) => eb.selectFrom(sql<{ value: number }>`json_each(${p.ids})`.as('ids')).select('ids.value')),
)

export function searchIndexIsStale(store: Store): boolean {
  return staleQuery.first(store, {})!.stale === 1
}

/** Re-indexes every queued part; joins the caller's transaction when there is one. */
export function refreshSearchIndex(store: Store): number {
  if (!searchIndexIsStale(store)) return 0
  let total = 0
  store.tx(() => {
    for (;;) {
      const ids = nextDirty.all(store, { limit: BATCH }).map((r) => r.part_id)
      if (ids.length === 0) break
      const batch = JSON.stringify(ids)
      // raw SQL: part_search is an FTS5 virtual table, outside the DB interface; set-based per batch
      sqlRun(store, sql`DELETE FROM part_search WHERE rowid IN (SELECT value FROM json_each(${batch}))`)
      const entries = namesOf.all(store, { ids: batch }).map((row) => {
        const key = searchKeyOf(row.name)
        return [row.id, gramsOf(key), key]
      })
      // raw SQL: part_search is an FTS5 virtual table, outside the DB interface; set-based per batch
      sqlRun(store, sql`INSERT INTO part_search (rowid, grams, name_key) SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(${JSON.stringify(entries)})`)
      doneDirty.run(store, { ids: batch })
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
  // raw SQL: FTS5 MATCH on the part_search virtual table, outside the DB interface
  const rows = sqlAll<{ id: number }>(store, sql`SELECT rowid AS id FROM part_search WHERE part_search MATCH ${match} AND instr(name_key, ${key}) > 0 LIMIT ${limit}`)
  return rows.map((r) => r.id)
}
