import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore, type Store } from '../open'
import { appliedMigrations, migrate } from '../migrate'
import { MIGRATIONS } from './index'

let dir: string
let store: Store
const now = '2026-11-27T10:30:00+08:00'

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dealer-m0023-'))
  store = openStore(join(dir, 'dealer.sqlite'))
})
afterEach(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('0023-survey-templates', () => {
  it('keeps every call and its answers, each call asked the default five of version 1', async () => {
    await migrate(store, { migrations: MIGRATIONS.filter((m) => m.name < '0023'), now: () => now })
    const run = (sql: string, ...params: unknown[]) => Number(store.sqlite.prepare(sql).run(...params).lastInsertRowid)
    const userId = run(`INSERT INTO users (username, display_name, role, password_hash, created_at, updated_at) VALUES ('wang', '王芳', 'service_advisor', 'x', ?, ?)`, now, now)
    const customerId = run(`INSERT INTO customers (name, created_at, updated_at) VALUES ('张三', ?, ?)`, now, now)
    const vehicleId = run(
      `INSERT INTO vehicles (vin, vin_rev, make, model, owner_id, created_at, updated_at) VALUES ('LSVAB2BM0RN000001', '100000NR0MB2BAVSL', '大众', '朗逸', ?, ?, ?)`,
      customerId, now, now,
    )
    const roId = run(
      `INSERT INTO repair_orders (number, type, state, customer_id, vehicle_id, advisor_id, odometer_km, fuel_eighths, concerns, opened_at, created_at, updated_at)
       VALUES ('RO2026000001', 'maintenance', 'delivered', ?, ?, ?, 1000, 4, '保养', ?, ?, ?)`,
      customerId, vehicleId, userId, now, now, now,
    )
    const followUpId = run(`INSERT INTO care_followups (ro_id, assignee_id, delivered_at, due_date, due_at, created_at) VALUES (?, ?, ?, '2026-11-30', '2026-12-01T00:00:00+08:00', ?)`, roId, userId, now, now)
    const callId = run(`INSERT INTO care_calls (followup_id, user_id, started_at, ended_at, outcome, created_at) VALUES (?, ?, ?, ?, 'reached', ?)`, followUpId, userId, now, now, now)
    run(`INSERT INTO care_call_answers (call_id, question, score) VALUES (?, 'overall', 9)`, callId)

    await migrate(store, { now: () => now })
    expect(appliedMigrations(store)).toContain('0023-survey-templates')
    expect(store.sqlite.prepare('SELECT id, template_version FROM care_calls').all()).toEqual([{ id: callId, template_version: 1 }])
    expect(store.sqlite.prepare('SELECT call_id, question, score FROM care_call_answers').all()).toEqual([{ call_id: callId, question: 'overall', score: 9 }])
    expect(store.sqlite.prepare('SELECT code FROM care_survey_questions WHERE template_version = 1 ORDER BY position').all()).toEqual(
      ['overall', 'advisor', 'quality', 'on_time', 'price_explained'].map((code) => ({ code })),
    )
    expect(store.sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([])
    expect(() => run(`INSERT INTO care_survey_questions (template_version, position, code) VALUES (1, 5, 'overall')`)).toThrow(/UNIQUE/)
  })
})
