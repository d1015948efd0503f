import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultParams } from '../../shared/domain/rules'
import { openStore, type Store } from '../store/open'
import { migrate } from '../store/migrate'
import { envOf, type HitsQuery } from './context'
import { EVALUATORS } from './evaluators'
import { EventBuffer } from '../api/events'

// The incremental evaluations run inside every stock move and RO change: they must seek their
// few rows through an index, never scan the ledger or the RO table.

let dir: string
let store: Store

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rules-plan-'))
  store = openStore(join(dir, 'plan.sqlite'))
  await migrate(store)
})
afterAll(() => {
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

function planOf(query: HitsQuery): string {
  const { sql, parameters } = query.compile(store.db)
  const rows = store.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[]
  return rows.map((r) => r.detail).join('\n')
}

const env = () =>
  envOf({ store, clock: { now: () => new Date('2026-11-27T02:30:00Z') }, timeZone: 'Asia/Shanghai', nowIso: () => '2026-11-27T10:30:00+08:00', events: new EventBuffer() })

describe('query plans of the incremental evaluations', () => {
  it('reads one part’s moves through stock_moves_part', () => {
    const q = EVALUATORS.part_below_safety_stock.hits(env(), defaultParams('part_below_safety_stock'), '[1]')
    const plan = planOf(q)
    expect(plan).toMatch(/SEARCH m USING (COVERING )?INDEX stock_moves_part/)
    expect(plan).not.toMatch(/SCAN m\b/)
  })

  it.each(['maintenance_settlement_overdue', 'insurance_settlement_month_end', 'ro_past_promised'] as const)('%s looks the RO up by its key', (kind) => {
    const q = EVALUATORS[kind].hits(env(), defaultParams(kind) as never, '[1]')
    const plan = planOf(q)
    expect(plan).toMatch(/SEARCH r USING INTEGER PRIMARY KEY/)
    expect(plan).not.toMatch(/SCAN r\b/)
  })

  it('finds an RO’s insurance invoices through invoices_ro', () => {
    const q = EVALUATORS.insurance_receivable_month_end.hits(env(), defaultParams('insurance_receivable_month_end'), '[1]')
    expect(planOf(q)).toMatch(/SEARCH i USING INDEX invoices_(ro|open)/)
  })
})
