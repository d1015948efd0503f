import type Database from 'better-sqlite3'
import { defaultParams, RULE_PARAMS } from '../../shared/domain/rules'
import { DEFAULT_MIN_SEGMENT_MINUTES } from '../../shared/domain/workshop-clock'
import { CLOCK_MINIMUM, FIGURE_RULES } from '../../shared/export/tables/rule-params'

// The rows of `rule_params` (schema version 2): the dealership's own parameters of the rules its
// targets dashboard computes with, read on the exporter's snapshot connection. A rule row that is
// missing or does not parse counts with the manual's defaults, as src/main/rules/catalog.ts reads it.

export interface RuleParamsRow {
  rule: string
  params: string
}

function parsed(text: string | undefined): unknown {
  if (text === undefined) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

export function ruleParamRows(db: Database.Database): RuleParamsRow[] {
  // raw SQL: the exporter's own read-only snapshot connection (better-sqlite3, no Kysely store on it).
  const stored = new Map((db.prepare('SELECT kind, params FROM rules').all() as { kind: string; params: string }[]).map((r) => [r.kind, r.params]))
  const rows: RuleParamsRow[] = FIGURE_RULES.map((kind) => {
    const value = RULE_PARAMS[kind].safeParse(parsed(stored.get(kind)) ?? {})
    return { rule: kind, params: JSON.stringify(value.success ? value.data : defaultParams(kind)) }
  })
  // raw SQL: the same snapshot connection; settings hold JSON values.
  const clock = db.prepare(`SELECT value FROM settings WHERE key = 'clock.minSegmentMinutes'`).get() as { value: string } | undefined
  const minutes = parsed(clock?.value)
  const minSegmentMinutes = Number.isInteger(minutes) ? (minutes as number) : DEFAULT_MIN_SEGMENT_MINUTES
  rows.push({ rule: CLOCK_MINIMUM, params: JSON.stringify({ minSegmentMinutes }) })
  return rows.sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0))
}
