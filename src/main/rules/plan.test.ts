import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultParams } from '../../shared/domain/rules'
import type { RawBuilder } from 'kysely'
import { envOf, type ScopeKey } from './context'
import { EVALUATORS } from './evaluators'
import type { Evaluator } from './evaluators/types'
import { EventBuffer } from '../api/events'
import type { Store } from '../store/open'
import { migratedTempStore, type TempStore } from '../test-support/temp-store'
import { alertsToClear } from './engine'
import type { RuleRow } from './catalog'

// The incremental evaluations run inside every stock move and RO change: they must seek their
// few rows through an index, never scan the ledger or the RO table.

let temp: TempStore
let store: Store

beforeAll(async () => {
  temp = await migratedTempStore('rules-plan')
  store = temp.store
})
afterAll(() => temp.close())

function planOf(query: RawBuilder<unknown>): string {
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
    const plan = planOf(q)
    expect(plan).toMatch(/SEARCH i USING INDEX invoices_ro/)
    expect(plan).not.toMatch(/invoices_open/)
  })
})

// The class: an incremental run is only as cheap as its outermost loop. Every evaluator that
// runs inside writes (a scope key) must start from its ids — the json_each of the ids, or a
// lookup keyed by the scope's own column — never from another index that reads rows of every
// subject (a partial index on state, a date range) and filters the ids afterwards.
const KEYED_BY: Record<ScopeKey, RegExp> = {
  partIds: /\((rowid|part_id)=/,
  roIds: /\((rowid|ro_id)=/,
  stocktakeIds: /\((rowid|stocktake_id)=/,
}

describe('every incremental evaluation starts from its ids', () => {
  const scoped = (Object.values(EVALUATORS) as Evaluator[]).filter((e) => e.scopeKey !== undefined)

  it('covers the scoped kinds', () => {
    expect(scoped.map((e) => e.kind)).toEqual(expect.arrayContaining(['part_below_safety_stock', 'maintenance_settlement_overdue', 'insurance_receivable_month_end']))
  })

  it.each(scoped.map((e) => [e.kind, e] as const))('%s', (_kind, evaluator) => {
    const plan = planOf(evaluator.hits(env(), defaultParams(evaluator.kind) as never, '[1]')).split('\n')
    // The first line that reads a table (not a CTE, a co-routine or a subquery header).
    const first = plan.find((line) => /^(SCAN|SEARCH) /.test(line) && !/^SCAN (i|v|issued|open)$/.test(line))
    expect(first, plan.join('\n')).toBeDefined()
    const fromIds = /^SCAN (j|json_each)\b/.test(first!) || KEYED_BY[evaluator.scopeKey!].test(first!)
    expect(fromIds, `outermost loop: ${first}\n${plan.join('\n')}`).toBe(true)
  })
})

// The same class on the alerts side: after its hits, an incremental run looks for the rule's
// alerts of its subjects to clear — by the alerts' unique key, not through every alert the rule has.
describe('every incremental run seeks its subjects’ alerts by (rule, subject type, subject)', () => {
  const scoped = (Object.values(EVALUATORS) as Evaluator[]).filter((e) => e.scopeKey !== undefined)

  it.each(scoped.map((e) => [e.kind, e] as const))('%s', (kind, evaluator) => {
    const rule: RuleRow = {
      id: 1,
      kind,
      params: defaultParams(kind),
      enabled: true,
      severity: 'warning',
      inboxRole: 'service_manager',
      evaluatedAt: null,
      updatedAt: '2026-11-27T10:30:00+08:00',
      version: 1,
    }
    const plan = planOf(alertsToClear(rule, evaluator, '[1]'))
    expect(plan).toMatch(/SEARCH alerts USING (COVERING )?INDEX sqlite_autoindex_alerts_1 \(rule_id=\? AND subject_type=\? AND subject_id=\?\)/)
  })
})
