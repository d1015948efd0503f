import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore, type Store } from './open'
import { migrate } from './migrate'
import { all, first, insertId, preparedQuery, sqlAll, sqlFirst, sqlRun } from './query'

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

describe('preparedQuery', () => {
  const byKey = preparedQuery<{ key: string; limit: number }>()((db, p) =>
    db.selectFrom('settings').select(['key', 'value']).where('key', '>=', p.key).orderBy('key').limit(p.limit),
  )
  const put = preparedQuery<{ key: string; value: string }>()((db, p) => db.insertInto('settings').values({ key: p.key, value: p.value }))

  it('compiles once with placeholders and binds the values of each call', () => {
    expect(byKey.sql).toContain('?')
    put.run(store, { key: 'a', value: '1' })
    put.run(store, { key: 'b', value: '2' })
    put.run(store, { key: 'c', value: '3' })
    expect(byKey.all(store, { key: 'b', limit: 5 })).toEqual([
      { key: 'b', value: '2' },
      { key: 'c', value: '3' },
    ])
    expect(byKey.first(store, { key: 'a', limit: 1 })).toEqual({ key: 'a', value: '1' })
  })

  it('keeps constants written into the query and refuses a missing value', () => {
    const constant = preparedQuery<{ key: string }>()((db, p) =>
      db.selectFrom('settings').select('value').where('key', '=', p.key).where('value', '!=', 'hidden'),
    )
    put.run(store, { key: 'a', value: 'hidden' })
    put.run(store, { key: 'b', value: 'shown' })
    expect(constant.first(store, { key: 'a' })).toBeUndefined()
    expect(constant.first(store, { key: 'b' })).toEqual({ value: 'shown' })
    expect(() => constant.first(store, {} as { key: string })).toThrow(/missing parameter key/)
  })
})
