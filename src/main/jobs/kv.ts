import type { z } from 'zod'
import type { Store } from '../store/open'

// Settings of the jobs (export, backups) in the shared settings table, under their own keys and
// with their own defaults, so the foundation's settings module does not need to know them.
// A stored value that no longer parses falls back to the default instead of stopping the job.

export function readSetting<T>(store: Store, key: string, schema: z.ZodType<T>, fallback: T): T {
  const row = store.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined
  if (!row) return fallback
  try {
    const parsed = schema.safeParse(JSON.parse(row.value))
    return parsed.success ? parsed.data : fallback
  } catch {
    return fallback
  }
}

export function writeSetting(store: Store, key: string, value: unknown): void {
  store
    .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
    .run(key, JSON.stringify(value))
}
