import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../open'
import { appliedMigrations, migrate } from '../migrate'
import { MIGRATIONS } from './index'
import { RO_TYPES } from '../../../shared/domain/ro-type'

let dir: string
let store: Store
const now = '2026-11-27T10:30:00+08:00'
const upTo = (name: string) => MIGRATIONS.slice(0, MIGRATIONS.findIndex((m) => m.name === name) + 1)

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dealer-m0005-'))
  store = openStore(join(dir, 'dealer.sqlite'))
})
afterEach(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

function seedAuthorisedRo(): { roId: number; lineId: number; userId: number } {
  const run = (sql: string, ...params: unknown[]) => Number(store.sqlite.prepare(sql).run(...params).lastInsertRowid)
  const userId = run(`INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at) VALUES ('li', '李师傅', 'technician', 'x', ?, ?)`, now, now)
  const customerId = run(`INSERT INTO customers (name, created_at, updated_at) VALUES ('张三', ?, ?)`, now, now)
  const vehicleId = run(
    `INSERT INTO vehicles (vin, vin_rev, make, model, owner_id, created_at, updated_at) VALUES ('LSVAB2BM0RN000001', '100000NR0MB2BAVSL', '大众', '朗逸', ?, ?, ?)`,
    customerId, now, now,
  )
  const roId = run(
    `INSERT INTO repair_orders (number, type, state, customer_id, vehicle_id, advisor_id, odometer_km, fuel_eighths, concerns, opened_at, created_at, updated_at)
     VALUES ('RO2026000001', 'repair', 'authorised', ?, ?, ?, 1000, 4, '异响', ?, ?, ?)`,
    customerId, vehicleId, userId, now, now, now,
  )
  const lineId = run(
    `INSERT INTO ro_lines (ro_id, position, kind, description, quantity_milli, unit_price_fen, amount_fen, payer, vat_rate_bp)
     VALUES (?, 1, 'labour', '更换刹车片', 1200, 30000, 36000, 'customer', 1300)`,
    roId,
  )
  return { roId, lineId, userId }
}

describe('0005-workshop', () => {
  it('adds the workshop to a database with repair orders in it, and seeds a checklist per RO type', async () => {
    await migrate(store, { migrations: upTo('0004-parts'), now: () => now })
    const { roId, lineId, userId } = seedAuthorisedRo()
    await migrate(store, { migrations: upTo('0005-workshop'), now: () => now })
    expect(appliedMigrations(store).at(-1)).toBe('0005-workshop')

    const types = store.sqlite.prepare('SELECT DISTINCT ro_type FROM qc_checklist_items ORDER BY ro_type').pluck().all()
    expect(types).toEqual([...RO_TYPES].sort())
    const job = store.sqlite.prepare(
      `INSERT INTO ro_jobs (ro_id, ro_line_id, description, technician_id, state, sold_hours_milli, created_at, updated_at)
       VALUES (?, ?, '更换刹车片', ?, 'dispatched', 1200, ?, ?)`,
    )
    job.run(roId, lineId, userId, now, now)
    expect(store.sqlite.pragma('foreign_key_check')).toEqual([])
    expect(store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('guards the job rules in the table itself', async () => {
    await migrate(store, { migrations: upTo('0005-workshop'), now: () => now })
    const { roId, userId } = seedAuthorisedRo()
    const insert = (state: string, technician: number | null, pause: string | null, line: number | null = null) =>
      store.sqlite
        .prepare(
          `INSERT INTO ro_jobs (ro_id, ro_line_id, description, technician_id, state, pause_reason, sold_hours_milli, created_at, updated_at)
           VALUES (?, ?, 'x', ?, ?, ?, 100, ?, ?)`,
        )
        .run(roId, line, technician, state, pause, now, now)
    // Only proposed (or declined) additional work may lack an RO line.
    expect(() => insert('pending', null, null)).toThrow(/CHECK/)
    expect(() => insert('proposed', userId, null)).not.toThrow()
    // A paused job says why; no other job has a pause reason.
    expect(() => insert('proposed', null, 'parts')).toThrow(/CHECK/)
    expect(() => insert('finished', null, null)).toThrow(/CHECK/)
  })
})
