import type { Compilable, RawBuilder } from 'kysely'
import type Database from 'better-sqlite3'
import type { Store } from './open'

// Kysely builds the SQL; better-sqlite3 runs it synchronously through the statement cache.
// Values must be numbers, strings, bigints, Buffers or null (booleans are stored as 0/1).

function compile(store: Store, query: Compilable<unknown>) {
  const compiled = query.compile()
  return { stmt: store.prepare(compiled.sql), params: compiled.parameters as unknown[] }
}

export function all<O>(store: Store, query: Compilable<O>): O[] {
  const { stmt, params } = compile(store, query)
  return stmt.all(...params) as O[]
}

export function first<O>(store: Store, query: Compilable<O>): O | undefined {
  const { stmt, params } = compile(store, query)
  return stmt.get(...params) as O | undefined
}

export function run(store: Store, query: Compilable<unknown>): Database.RunResult {
  const { stmt, params } = compile(store, query)
  return stmt.run(...params)
}

/** Inserts and returns the new row id. */
export function insertId(store: Store, query: Compilable<unknown>): number {
  return Number(run(store, query).lastInsertRowid)
}

// Raw SQL through Kysely's `sql` tag: values are bound parameters, the result is typed by the tag
// (`sql<{ id: number }>`…``). Only for what the query builder cannot say well or where a bench
// shows a cost; each use carries a `// raw SQL: <why>` comment.

function compileRaw(store: Store, query: RawBuilder<unknown>) {
  const compiled = query.compile(store.db)
  return { stmt: store.prepare(compiled.sql), params: compiled.parameters as unknown[] }
}

export function sqlAll<O>(store: Store, query: RawBuilder<O>): O[] {
  const { stmt, params } = compileRaw(store, query)
  return stmt.all(...params) as O[]
}

export function sqlFirst<O>(store: Store, query: RawBuilder<O>): O | undefined {
  const { stmt, params } = compileRaw(store, query)
  return stmt.get(...params) as O | undefined
}

export function sqlRun(store: Store, query: RawBuilder<unknown>): Database.RunResult {
  const { stmt, params } = compileRaw(store, query)
  return stmt.run(...params)
}
