import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore, type Store } from './open'
import { migrate } from './migrate'
import { all, first, insertId, sqlAll, sqlFirst, sqlRun } from './query'

let dir: string
let store: Store
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dealer-query-'))
  store = openStore(join(dir, 'dealer.sqlite'))
  await migrate(store, { now: () => '2026-12-01T09:00:00+08:00' })
})
afterEach(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('query helpers', () => {
  it('run a Kysely query synchronously and reuse the prepared statement for the same SQL', () => {
    insertId(store, store.db.insertInto('settings').values({ key: 'a', value: '1' }))
    insertId(store, store.db.insertInto('settings').values({ key: 'b', value: '2' }))
    const q = (key: string) => store.db.selectFrom('settings').select('value').where('key', '=', key)
    expect(first(store, q('a'))).toEqual({ value: '1' })
    expect(first(store, q('b'))).toEqual({ value: '2' })
    expect(store.prepare(q('a').compile().sql)).toBe(store.prepare(q('b').compile().sql))
    expect(all(store, store.db.selectFrom('settings').select('key').orderBy('key'))).toEqual([{ key: 'a' }, { key: 'b' }])
  })

  it('bind values of the sql tag as parameters, never as text', () => {
    sqlRun(store, sql`INSERT INTO settings (key, value) VALUES (${"x'); DROP TABLE settings; --"}, ${'v'})`)
    expect(sqlAll<{ key: string }>(store, sql`SELECT key FROM settings`)).toEqual([{ key: "x'); DROP TABLE settings; --" }])
    expect(sqlFirst<{ n: number }>(store, sql`SELECT count(*) AS n FROM settings WHERE value = ${'v'}`)).toEqual({ n: 1 })
  })
})
