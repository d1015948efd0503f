import type { Store } from '../store/open'
import { defaultParams, RULE_DEFINITIONS, RULE_KINDS, RULE_PARAMS, type RuleKind, type RuleParams, type Severity } from '../../shared/domain/rules'
import type { Role } from '../../shared/domain/roles'

// The rules table holds one row per kind. Rows are created with the manual's defaults when the
// engine finds a kind missing (a new store, a kind added by a later version), so the frozen
// migration needs no copy of today's defaults.

export interface RuleRow {
  id: number
  kind: RuleKind
  params: RuleParams
  enabled: boolean
  severity: Severity
  inboxRole: Role
  evaluatedAt: string | null
  updatedAt: string
  version: number
}

interface RawRule {
  id: number
  kind: string
  params: string
  enabled: number
  severity: Severity
  inbox_role: Role
  evaluated_at: string | null
  updated_at: string
  version: number
}

const parsedCache = new WeakMap<Store, Map<string, RuleParams>>()

export function ensureRules(store: Store, nowIso: string): void {
  const insert = store.prepare(
    `INSERT INTO rules (kind, params, enabled, severity, inbox_role, updated_at) VALUES (?, ?, 1, ?, ?, ?) ON CONFLICT (kind) DO NOTHING`,
  )
  for (const kind of RULE_KINDS) {
    const def = RULE_DEFINITIONS[kind]
    insert.run(kind, JSON.stringify(defaultParams(kind)), def.severity, def.inboxRole, nowIso)
  }
}

/**
 * A stored parameter document, parsed for its kind. One that no longer parses (edited by hand,
 * or from an older version) falls back to the defaults rather than stopping the engine.
 */
function parseParams(store: Store, row: RawRule & { kind: RuleKind }): RuleParams {
  let cache = parsedCache.get(store)
  if (!cache) parsedCache.set(store, (cache = new Map()))
  const key = `${row.id}:${row.version}:${row.params}`
  const hit = cache.get(key)
  if (hit) return hit
  let value: unknown = {}
  try {
    value = JSON.parse(row.params)
  } catch {
    value = {}
  }
  const parsed = RULE_PARAMS[row.kind].safeParse(value)
  const params = parsed.success ? (parsed.data as RuleParams) : defaultParams(row.kind)
  cache.set(key, params)
  return params
}

const isKind = (kind: string): kind is RuleKind => (RULE_KINDS as readonly string[]).includes(kind)

const SELECT_RULES = 'SELECT id, kind, params, enabled, severity, inbox_role, evaluated_at, updated_at, version FROM rules ORDER BY id'

export function loadRules(store: Store, nowIso: string): RuleRow[] {
  let rows = store.prepare(SELECT_RULES).all() as RawRule[]
  // The first run on a store (or after a restore of an older one): create the missing kinds.
  if (RULE_KINDS.some((kind) => !rows.some((r) => r.kind === kind))) {
    ensureRules(store, nowIso)
    rows = store.prepare(SELECT_RULES).all() as RawRule[]
  }
  return rows.flatMap((r) => {
    if (!isKind(r.kind)) return []
    const row = r as RawRule & { kind: RuleKind }
    return [
      {
        id: r.id,
        kind: row.kind,
        params: parseParams(store, row),
        enabled: r.enabled === 1,
        severity: r.severity,
        inboxRole: r.inbox_role,
        evaluatedAt: r.evaluated_at,
        updatedAt: r.updated_at,
        version: r.version,
      },
    ]
  })
}

export function ruleByKind(store: Store, nowIso: string, kind: RuleKind): RuleRow {
  const rule = loadRules(store, nowIso).find((r) => r.kind === kind)
  if (!rule) throw new Error(`Rule ${kind} missing after ensureRules`)
  return rule
}
