import type { z } from 'zod'
import type { Store } from '../store/open'
import { preparedQuery } from '../store/query'

// Settings of the jobs (export, backups) in the shared settings table, under their own keys and
// with their own defaults, so the foundation's settings module does not need to know them.
// A stored value that no longer parses falls back to the default instead of stopping the job.

const settingValue = preparedQuery<{ key: string }>()((db, p) => db.selectFrom('settings').select('value').where('key', '=', p.key))
const putSetting = preparedQuery<{ key: string; value: string }>()((db, p) =>
  db
    .insertInto('settings')
    .values({ key: p.key, value: p.value })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') }))),
)

export function readSetting<T>(store: Store, key: string, schema: z.ZodType<T>, fallback: T): T {
  const row = settingValue.first(store, { key })
  if (!row) return fallback
  try {
    const parsed = schema.safeParse(JSON.parse(row.value))
    return parsed.success ? parsed.data : fallback
  } catch {
    return fallback
  }
}

export function writeSetting(store: Store, key: string, value: unknown): void {
  putSetting.run(store, { key, value: JSON.stringify(value) })
}
