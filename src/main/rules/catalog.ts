import type { Store } from '../store/open'
import { defaultParams, RULE_DEFINITIONS, RULE_KINDS, RULE_PARAMS, type RuleKind, type RuleParams, type Severity } from '../../shared/domain/rules'
import { ROLES, type Role } from '../../shared/domain/roles'
import { preparedQuery } from '../store/query'

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

/** A rules row as read: its kind narrowed to one this version knows. */
type RawRule = ReturnType<typeof selectRules.all>[number]

const parsedCache = new WeakMap<Store, Map<string, RuleParams>>()

export function ensureRules(store: Store, nowIso: string): void {
  for (const kind of RULE_KINDS) {
    const def = RULE_DEFINITIONS[kind]
    insertRule.run(store, { kind, params: JSON.stringify(defaultParams(kind)), severity: def.severity, inboxRole: def.inboxRole, at: nowIso })
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

// Read on every write (the engine evaluates what it changed): compiled once.
const selectRules = preparedQuery<Record<string, never>>()((db) =>
  db.selectFrom('rules').select(['id', 'kind', 'params', 'enabled', 'severity', 'inbox_role', 'evaluated_at', 'updated_at', 'version']).orderBy('id'),
)
const insertRule = preparedQuery<{ kind: string; params: string; severity: Severity; inboxRole: string; at: string }>()((db, p) =>
  db
    .insertInto('rules')
    .values({ kind: p.kind, params: p.params, enabled: 1, severity: p.severity, inbox_role: p.inboxRole, updated_at: p.at })
    .onConflict((oc) => oc.column('kind').doNothing()),
)
const isRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role)

// Every write evaluates the rules its events touch, so the parsed rules are kept per store and
// read again only when the rules table's revision token (drawn anew by its triggers on every
// change, migration 0033) is another.
const revisionOf = preparedQuery<Record<string, never>>()((db) => db.selectFrom('rules_revision').select('revision').where('id', '=', 1))
const keptRules = new WeakMap<Store, { revision: number; rules: readonly RuleRow[] }>()

export function loadRules(store: Store, nowIso: string): readonly RuleRow[] {
  const revision = revisionOf.first(store, {})?.revision
  const kept = keptRules.get(store)
  if (kept && revision !== undefined && kept.revision === revision) return kept.rules
  const rules = readRules(store, nowIso)
  // Creating missing kinds moved the revision: keep the rules under the one they were read at.
  const after = revisionOf.first(store, {})?.revision
  if (after !== undefined) keptRules.set(store, { revision: after, rules })
  return rules
}

function readRules(store: Store, nowIso: string): readonly RuleRow[] {
  let rows = selectRules.all(store, {})
  // The first run on a store (or after a restore of an older one): create the missing kinds.
  if (RULE_KINDS.some((kind) => !rows.some((r) => r.kind === kind))) {
    ensureRules(store, nowIso)
    rows = selectRules.all(store, {})
  }
  return Object.freeze(
    rows.flatMap((r) => {
      if (!isKind(r.kind)) return []
      const row = { ...r, kind: r.kind }
      return [
        Object.freeze({
          id: r.id,
          kind: row.kind,
          params: parseParams(store, row),
          enabled: r.enabled === 1,
          severity: r.severity,
          // A role this version no longer knows falls back to the kind's default inbox.
          inboxRole: isRole(r.inbox_role) ? r.inbox_role : RULE_DEFINITIONS[row.kind].inboxRole,
          evaluatedAt: r.evaluated_at,
          updatedAt: r.updated_at,
          version: r.version,
        }),
      ]
    }),
  )
}

export function ruleByKind(store: Store, nowIso: string, kind: RuleKind): RuleRow {
  const rule = loadRules(store, nowIso).find((r) => r.kind === kind)
  if (!rule) throw new Error(`Rule ${kind} missing after ensureRules`)
  return rule
}
