import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore, type Store } from './open'
import { appliedMigrations, migrate } from './migrate'
import { MIGRATIONS } from './migrations'
import { runSteps, type Migration } from './migrations/steps'

let dir: string
let store: Store

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dealer-migrate-'))
  store = openStore(join(dir, 'dealer.sqlite'))
})
afterEach(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

const first = MIGRATIONS[0]!
const fixedNow = () => '2026-11-27T10:30:00+08:00'

/** The schema as SQLite keeps it: every table, index and trigger definition, in a stable order. */
function schemaText(s: Store): string {
  const rows = s.sqlite
    .prepare(`SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name`)
    .all() as { type: string; name: string; sql: string }[]
  return rows.map((r) => `-- ${r.type} ${r.name}\n${r.sql.replace(/[ \t]+$/gm, '')};\n`).join('\n')
}

describe('migrate', () => {
  it('brings a database at 0001-foundation forward to the latest, keeping its rows', async () => {
    await migrate(store, { migrations: [first], now: fixedNow })
    expect(appliedMigrations(store)).toEqual(['0001-foundation'])
    store.sqlite
      .prepare(`INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`)
      .run('wang.fang', '王芳', 'service_advisor', 'scrypt$16384$8$1$c2FsdA==$aGFzaA==', fixedNow(), fixedNow())
    store.sqlite.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)`).run('dealer.name', JSON.stringify('老店'))
    store.sqlite.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)`).run('vat.rateBp', '1300')

    let backedUp = 0
    const result = await migrate(store, { now: fixedNow, beforeFirst: () => void backedUp++ })
    expect(backedUp).toBe(1)
    expect(result.applied).toEqual(MIGRATIONS.slice(1).map((m) => m.name))
    expect(result.current).toBe(MIGRATIONS.at(-1)!.name)
    expect(store.sqlite.prepare('SELECT username, display_name, role FROM users').all()).toEqual([
      { username: 'wang.fang', display_name: '王芳', role: 'service_advisor' },
    ])
    expect(store.sqlite.prepare('SELECT key, value FROM settings ORDER BY key').all()).toEqual([
      { key: 'dealer.name', value: '"老店"' },
      { key: 'vat.rateBp', value: '1300' },
    ])
    // The old rows work with the new tables (foreign keys into users).
    store.sqlite
      .prepare(`INSERT INTO customers (name, created_at, updated_at) VALUES ('张三', ?, ?)`)
      .run(fixedNow(), fixedNow())
    expect(store.sqlite.pragma('foreign_key_check')).toEqual([])
    expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('does nothing when the database is up to date', async () => {
    await migrate(store, { now: fixedNow })
    let backedUp = 0
    const again = await migrate(store, { now: fixedNow, beforeFirst: () => void backedUp++ })
    expect(again.applied).toEqual([])
    expect(backedUp).toBe(0)
  })

  it('runs each migration in a transaction: a failing one leaves the previous state', async () => {
    const broken: Migration = {
      name: '9999-broken',
      up: (db) => runSteps(db, ['CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT', 'INSERT INTO no_such_table VALUES (1)']),
    }
    await expect(migrate(store, { migrations: [first, broken], now: fixedNow })).rejects.toThrow(/no_such_table/)
    expect(appliedMigrations(store)).toEqual(['0001-foundation'])
    expect(store.sqlite.prepare(`SELECT name FROM sqlite_master WHERE name = 'half_done'`).get()).toBeUndefined()
    // …and the database still takes the real migrations afterwards.
    await migrate(store, { now: fixedNow })
    expect(appliedMigrations(store)).toEqual(MIGRATIONS.map((m) => m.name))
  })

  it('refuses a database written by a newer version of the app', async () => {
    await migrate(store, { now: fixedNow })
    await expect(migrate(store, { migrations: [first], now: fixedNow })).rejects.toThrow(/newer version/)
  })

  it('produces the committed schema (update the snapshot only for an intended change)', async () => {
    await migrate(store, { now: fixedNow })
    await expect(schemaText(store)).toMatchFileSnapshot('./__snapshots__/schema.sql')
  })
})
