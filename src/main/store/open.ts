import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { DB } from './schema'

/**
 * The one connection of this process. better-sqlite3 is synchronous, so a write transaction
 * (`store.tx`) can never interleave with another call: that is what keeps stock and money exact.
 * Kysely is used to build typed SQL; `query.ts` runs it synchronously on the same connection.
 */
export interface Store {
  readonly file: string
  readonly sqlite: Database.Database
  readonly db: Kysely<DB>
  /** A cached prepared statement for this SQL text. */
  prepare(sql: string): Database.Statement
  /** Runs `fn` in one BEGIN IMMEDIATE transaction; a throw rolls everything back. */
  tx<T>(fn: () => T): T
  close(): void
}

/** The connection's page cache, in KiB (`PRAGMA cache_size` takes KiB when negative). */
export const PAGE_CACHE_KIB = 65_536

export function openStore(file: string): Store {
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // SQLite's default page cache is 2 MiB: a full dealership's working set (open ROs with their
  // jobs and clock segments, the parts ledger's recent months) does not fit, so every board read
  // copied the same pages in again from the OS. 64 MiB keeps the hot pages in the process.
  sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`)
  sqlite.pragma('temp_store = MEMORY')
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) })
  const statements = new Map<string, Database.Statement>()
  let closed = false
  return {
    file,
    sqlite,
    db,
    prepare(sql) {
      let stmt = statements.get(sql)
      if (!stmt) {
        stmt = sqlite.prepare(sql)
        statements.set(sql, stmt)
      }
      return stmt
    },
    tx(fn) {
      // Nested calls join the outer transaction (better-sqlite3 uses savepoints for those).
      return sqlite.transaction(fn).immediate()
    },
    close() {
      if (closed) return
      closed = true
      statements.clear()
      sqlite.close()
    },
  }
}
