import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type Compilable, type RawBuilder } from 'kysely'
import type { DB } from './schema'
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

// Prepared queries for hot paths: the query is built once with named placeholders and compiled
// once at module load; a call only binds values and runs the cached statement, so the typed path
// costs nothing per call. Use for what a benchmark measures (search, the board, ro.create).

class Placeholder {
  constructor(readonly name: string) {}
}

/** A query builder with no connection: compiles SQLite SQL for `preparedQuery`. */
export const builder = new Kysely<DB>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
})

export type Params<P> = { readonly [K in keyof P]: P[K] }

export interface PreparedQuery<P, O> {
  readonly sql: string
  all(store: Store, params: P): O[]
  first(store: Store, params: P): O | undefined
  run(store: Store, params: P): Database.RunResult
  /** The statement's parameter values in order, for a caller that runs `sql` itself (rows as arrays). */
  values(params: P): unknown[]
}

/**
 * `preparedQuery<{ id: number }>()((db, p) => db.selectFrom('users').selectAll().where('id', '=', p.id))`
 * — `p.id` stands for the value given at call time.
 */
export function preparedQuery<P extends Record<string, unknown>>() {
  return <O>(build: (db: Kysely<DB>, p: Params<P>) => Compilable<O>): PreparedQuery<P, O> => {
    const markers = new Proxy({} as Record<string, Placeholder>, {
      get: (cache, name) => {
        if (typeof name !== 'string') return undefined
        return (cache[name] ??= new Placeholder(name))
      },
    }) as unknown as Params<P>
    const compiled = build(builder, markers).compile()
    const slots = compiled.parameters.map((value) => (value instanceof Placeholder ? value.name : { value }))
    const bind = (params: P): unknown[] =>
      slots.map((slot) => {
        if (typeof slot !== 'string') return slot.value
        const value = params[slot]
        if (value === undefined) throw new Error(`preparedQuery: missing parameter ${slot}`)
        return value
      })
    return {
      sql: compiled.sql,
      all: (store, params) => store.prepare(compiled.sql).all(...bind(params)) as O[],
      first: (store, params) => store.prepare(compiled.sql).get(...bind(params)) as O | undefined,
      run: (store, params) => store.prepare(compiled.sql).run(...bind(params)),
      values: bind,
    }
  }
}
