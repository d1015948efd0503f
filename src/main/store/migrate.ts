import { sql } from 'kysely'
import type { Store } from './open'
import type { Migration } from './migrations/steps'
import { MIGRATIONS } from './migrations'

export interface MigrateResult {
  applied: string[]
  current: string | null
}

export function appliedMigrations(store: Store): string[] {
  store.sqlite.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT`)
  return (store.sqlite.prepare('SELECT name FROM schema_migrations ORDER BY name').all() as { name: string }[]).map(
    (r) => r.name,
  )
}

export function pendingMigrations(store: Store, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  const done = new Set(appliedMigrations(store))
  return migrations.filter((m) => !done.has(m.name))
}

/**
 * Brings the store up to date, each migration in its own transaction, so a failure leaves the
 * database at the last good version. `beforeFirst` runs once if anything is pending (the caller
 * takes a backup there).
 */
export async function migrate(
  store: Store,
  options: { migrations?: readonly Migration[]; beforeFirst?: () => Promise<void> | void; now?: () => string } = {},
): Promise<MigrateResult> {
  const migrations = options.migrations ?? MIGRATIONS
  const pending = pendingMigrations(store, migrations)
  const known = new Set(migrations.map((m) => m.name))
  const unknown = appliedMigrations(store).filter((name) => !known.has(name))
  if (unknown.length > 0) {
    throw new Error(`The database was written by a newer version of the app (migrations ${unknown.join(', ')})`)
  }
  if (pending.length > 0 && options.beforeFirst) await options.beforeFirst()
  const now = options.now ?? (() => new Date().toISOString())
  const applied: string[] = []
  for (const migration of pending) {
    await store.db.transaction().execute(async (trx) => {
      await migration.up(trx)
      await sql`INSERT INTO schema_migrations (name, applied_at) VALUES (${migration.name}, ${now()})`.execute(trx)
    })
    applied.push(migration.name)
  }
  const all = appliedMigrations(store)
  return { applied, current: all.at(-1) ?? null }
}
