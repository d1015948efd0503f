import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore, type Store } from './open'
import { migrate } from './migrate'
import { actualTables, declaredTables, schemaDrift } from './schema-drift'

const SCHEMA = fileURLToPath(new URL('./schema.ts', import.meta.url))

let dir: string
let store: Store
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dealer-drift-'))
  store = openStore(join(dir, 'dealer.sqlite'))
  await migrate(store, { now: () => '2026-12-01T09:00:00+08:00' })
})
afterAll(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('the DB interface', () => {
  const declared = declaredTables(SCHEMA)

  it('matches every table and column of the migrated database', () => {
    expect(schemaDrift(declared, actualTables(store))).toEqual([])
  })

  it('is caught out by a column a migration adds but DB does not declare', () => {
    store.sqlite.exec('ALTER TABLE customers ADD COLUMN loyalty_tier TEXT')
    store.sqlite.exec('CREATE TABLE loyalty_cards (id INTEGER PRIMARY KEY, code TEXT NOT NULL) STRICT')
    const drift = schemaDrift(declared, actualTables(store))
    expect(drift).toContain('customers.loyalty_tier: in the database, missing from DB')
    expect(drift).toContain('loyalty_cards: in the database, missing from DB')
  })

  it('is caught out by a wrong nullability, default or type', () => {
    const users = declared.get('users')!.map((c) => (c.name === 'display_name' ? { ...c, nullable: true } : c))
    const settings = declared.get('settings')!.map((c) => (c.name === 'value' ? { ...c, base: 'number' } : c))
    const sessions = declared.get('sessions')!.map((c) => (c.name === 'expires_at' ? { ...c, generated: true } : c))
    const wrong = new Map(declared)
    wrong.set('users', users).set('settings', settings).set('sessions', sessions)
    const drift = schemaDrift(wrong, actualTables(store))
    expect(drift).toContain('users.display_name: NOT NULL in the database, nullable in DB')
    expect(drift).toContain('settings.value: TEXT in the database, number in DB')
    expect(drift).toContain('sessions.expires_at: has no default in the database, Generated in DB')
  })
})
