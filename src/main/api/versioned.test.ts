import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import type { Ctx } from './context'
import { AppError } from './app-error'
import { demoApp, type DemoTestApp } from '../test-support/test-app'
import { sqlAll, sqlFirst } from '../store/query'
import { updateVersioned, VERSIONED, type VersionedTable } from './versioned'

// The one optimistic update every document goes through, checked on every table that uses it: a
// stale version is CONFLICT and changes nothing, a missing row is NOT_FOUND, the right version moves
// the version on by one and stamps `updated_at` exactly where the table keeps one.

let t: DemoTestApp
beforeAll(async () => {
  t = await demoApp('2026-11-27T10:00:00+08:00', 'versioned-')
})
afterAll(() => t.close())

const STAMP = '2026-12-08T09:30:00.000+08:00'
const ctxOf = (): Ctx => ({ store: t.app.store, nowIso: () => STAMP }) as unknown as Ctx
const codeOf = (run: () => void) => {
  try {
    run()
  } catch (e) {
    return e instanceof AppError ? e.code : 'other'
  }
  return 'none'
}

describe('updateVersioned on every versioned table', () => {
  const tables = Object.keys(VERSIONED) as VersionedTable[]
  it.each(tables)('%s', (table) => {
    const store = t.app.store
    const columns = sqlAll<{ name: string }>(store, sql`SELECT name FROM pragma_table_info(${table})`).map((c) => c.name)
    expect(columns).toContain('version')
    expect(columns.includes('updated_at')).toBe(VERSIONED[table].updatedAt)
    const row = sqlFirst<Record<string, unknown> & { id: number; version: number }>(store, sql`SELECT * FROM ${sql.table(table)} ORDER BY id LIMIT 1`)
    // Kinds the demo dealership's opening day holds no row of (they are made during the day);
    // their update is the same statement shape as the others'. A kind missing from the demo
    // otherwise fails here.
    if (!row) return expect(['external_purchases', 'old_parts', 'stocktakes', 'care_reminders', 'warranty_registers']).toContain(table)
    const ctx = ctxOf()
    expect(codeOf(() => updateVersioned(ctx, table, row.id, row.version + 1, {}))).toBe('CONFLICT')
    expect(sqlFirst<{ version: number }>(store, sql`SELECT version FROM ${sql.table(table)} WHERE id = ${row.id}`)?.version).toBe(row.version)
    expect(codeOf(() => updateVersioned(ctx, table, 1e9, 1, {}))).toBe('NOT_FOUND')
    store.tx(() => updateVersioned(ctx, table, row.id, row.version, {}))
    const after = sqlFirst<Record<string, unknown>>(store, sql`SELECT * FROM ${sql.table(table)} WHERE id = ${row.id}`)!
    expect(after.version).toBe(row.version + 1)
    if (VERSIONED[table].updatedAt) expect(after.updated_at).toBe(STAMP)
    // Nothing else on the row moved.
    for (const c of columns) if (c !== 'version' && c !== 'updated_at') expect(after[c], c).toEqual(row[c])
  })
})
