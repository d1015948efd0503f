import { describe, expect, it } from 'vitest'
import { migrate } from '../migrate'
import type { Store } from '../open'
import { MIGRATIONS } from './index'
import { MIGRATION_NOW, storePerTest } from './test-kit'

// The class behind rebuilding a table in a migration (SQLite can only change a CHECK or a foreign
// key by copying the table): a rebuild must carry every column the table had. Several migrations
// rebuild the customer-care call log, each adding a link; one that forgot an earlier column would
// lose data on every dealership's store. Any column a migration drops on purpose is named here.

const DROPPED_ON_PURPOSE: Record<string, readonly string[]> = {
  // Assessments and supplements are keyed by the RO line's id; the stored position went stale.
  '0030-insurance-line-ids': ['insurance_assessment_lines.position', 'insurance_supplements.position'],
}

function columns(store: Store): Set<string> {
  const out = new Set<string>()
  const tables = store.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]
  for (const { name } of tables) {
    for (const c of store.sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(name) as { name: string }[]) out.add(`${name}.${c.name}`)
  }
  return out
}

const t = storePerTest('keep-columns')

describe('every migration', () => {
  it('keeps every column of the tables it rebuilds', async () => {
    const { store } = t
    let before = columns(store)
    for (let i = 0; i < MIGRATIONS.length; i++) {
      const m = MIGRATIONS[i]!
      await migrate(store, { migrations: MIGRATIONS.slice(0, i + 1), now: () => MIGRATION_NOW })
      const after = columns(store)
      const lost = [...before].filter((c) => !after.has(c) && !(DROPPED_ON_PURPOSE[m.name] ?? []).includes(c))
      expect({ migration: m.name, lost }).toEqual({ migration: m.name, lost: [] })
      before = after
    }
  })
})
