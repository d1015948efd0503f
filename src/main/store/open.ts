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

export function openStore(file: string): Store {
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
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
