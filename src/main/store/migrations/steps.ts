import { sql, type Kysely } from 'kysely'

/** Runs DDL statements one by one (a prepared statement holds exactly one). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen and must not depend on the current schema types
export async function runSteps(db: Kysely<any>, steps: readonly string[]): Promise<void> {
  for (const step of steps) await sql.raw(step).execute(db)
}

export interface Migration {
  /** `NNNN-name`, sorted by name; never renamed or edited once released. */
  name: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
  up(db: Kysely<any>): Promise<void>
}
