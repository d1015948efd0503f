import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { openStore, type Store } from '../open'
import { migrate } from '../migrate'
import { MIGRATIONS } from './index'

// What the tests of one migration share: a store file of its own per test, migrated up to just
// before the migration under test, and the rows most of them keep across it (an advisor, a
// customer's car, a delivered RO, its follow-up and one answered call).

export const MIGRATION_NOW = '2026-11-27T10:30:00+08:00'

/** A fresh store per test in a temp folder; read `.store` inside the test. */
export function storePerTest(prefix: string): { readonly store: Store } {
  let dir = ''
  let store: Store | null = null
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), `dealer-${prefix}-`))
    store = openStore(join(dir, 'dealer.sqlite'))
  })
  afterEach(() => {
    store?.close()
    store = null
    rmSync(dir, { recursive: true, force: true })
  })
  return {
    get store() {
      if (!store) throw new Error('storePerTest: read .store inside a test')
      return store
    },
  }
}

/** Applies every migration whose name sorts before `name` (e.g. '0016'). */
export function migrateBefore(store: Store, name: string, now = MIGRATION_NOW): Promise<unknown> {
  return migrate(store, { migrations: MIGRATIONS.filter((m) => m.name < name), now: () => now })
}

/** Applies the rest. */
export function migrateRest(store: Store, now = MIGRATION_NOW): Promise<unknown> {
  return migrate(store, { now: () => now })
}

/** `INSERT …` with bound values; the new row's id. */
export const inserter =
  (store: Store) =>
  (text: string, ...params: unknown[]): number =>
    Number(store.sqlite.prepare(text).run(...params).lastInsertRowid)

/** A delivered RO with its follow-up and one reached call answered 9 for "overall" (the schema of 0012–0015). */
export function seedFollowUpCall(store: Store, now = MIGRATION_NOW) {
  const run = inserter(store)
  const userId = run(`INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at) VALUES ('wang', '王芳', 'service_advisor', 'x', ?, ?)`, now, now)
  const customerId = run(`INSERT INTO customers (name, created_at, updated_at) VALUES ('张三', ?, ?)`, now, now)
  const vehicleId = run(
    `INSERT INTO vehicles (vin, vin_rev, make, model, owner_id, created_at, updated_at) VALUES ('LSVAB2BM0RN000001', '100000NR0MB2BAVSL', '大众', '朗逸', ?, ?, ?)`,
    customerId,
    now,
    now,
  )
  const roId = run(
    `INSERT INTO repair_orders (number, type, state, customer_id, vehicle_id, advisor_id, odometer_km, fuel_eighths, concerns, opened_at, created_at, updated_at)
     VALUES ('RO2026000001', 'maintenance', 'delivered', ?, ?, ?, 1000, 4, '保养', ?, ?, ?)`,
    customerId,
    vehicleId,
    userId,
    now,
    now,
    now,
  )
  const followUpId = run(
    `INSERT INTO care_followups (ro_id, assignee_id, delivered_at, due_date, due_at, created_at) VALUES (?, ?, ?, '2026-11-30', '2026-12-01T00:00:00+08:00', ?)`,
    roId,
    userId,
    now,
    now,
  )
  const callId = run(`INSERT INTO care_calls (followup_id, user_id, started_at, ended_at, outcome, created_at) VALUES (?, ?, ?, ?, 'reached', ?)`, followUpId, userId, now, now, now)
  run(`INSERT INTO care_call_answers (call_id, question, score) VALUES (?, 'overall', 9)`, callId)
  return { userId, customerId, vehicleId, roId, followUpId, callId }
}
