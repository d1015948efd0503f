import type { LiveEvent } from '../../shared/contract/types'
import type { RuleKind, RuleParams } from '../../shared/domain/rules'
import { RULE_DEFINITIONS } from '../../shared/domain/rules'
import type { Store } from '../store/open'
import { loadRules, type RuleRow } from './catalog'
import { sql, type RawBuilder } from 'kysely'
import { run, sqlAll, sqlRun } from '../store/query'
import { envOf, type EvalEnv, type RulesCtx, type Scope } from './context'
import { EVALUATORS } from './evaluators'
import { idsIn, type Evaluator } from './evaluators/types'
import { expireSnoozes } from './alert-state'
import { writeSnapshots } from './snapshots'

// The rules engine. Each rule's violations are computed by one set-based statement into a temp
// table; one upsert raises or refreshes the alerts keyed by (rule, subject) — so running it twice
// changes nothing — and one update resolves the alerts in scope whose condition has cleared.
// Incremental runs (a stock move, an RO change) cover only their subjects, inside the caller's
// transaction; the scheduled sweep covers everything and catches time passing.

export interface RunResult {
  raised: number
  cleared: number
  /** Alerts raised, cleared or whose figures changed: the inbox needs a refresh when > 0. */
  changed: number
}

const tempReady = new WeakSet<Store>()

function ensureTemp(store: Store): void {
  if (tempReady.has(store)) return
  store.sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS rule_hits (
    subject_id INTEGER PRIMARY KEY, stage TEXT NOT NULL, message_key TEXT NOT NULL, params TEXT NOT NULL)`)
  tempReady.add(store)
}

/**
 * Fills temp.rule_hits with the rule's current violations (within `ids` when given), hands their
 * count to `use`, and empties the table again. The table is empty between runs — at every
 * transaction and savepoint boundary, so a rolled-back write cannot leave hits behind — and a run
 * that finds nothing costs one statement.
 */
export function withHits<K extends RuleKind, T>(
  env: EvalEnv,
  evaluator: Evaluator<K>,
  params: RuleParams<K>,
  ids: string | null,
  use: (count: number) => T,
): T {
  ensureTemp(env.store)
  const q = evaluator.hits(env, params, ids)
  // raw SQL: the per-run temp table is not part of DB, and the rules' statements are set-based.
  const count = sqlRun(env.store, sql`INSERT INTO temp.rule_hits (subject_id, stage, message_key, params) ${q}`).changes
  try {
    return use(count)
  } finally {
    if (count > 0) sqlRun(env.store, sql`DELETE FROM temp.rule_hits`)
  }
}

// Re-open: a cleared alert whose condition is back (unless a person resolved it while it still
// held), or a warning that has become a breach while someone had acknowledged or snoozed it.
const REOPEN = sql.raw(`((alerts.state = 'resolved' AND alerts.dismissed = 0)
  OR (alerts.stage = 'warning' AND excluded.stage = 'breach' AND alerts.state <> 'open'))`)

// raw SQL: an upsert from the temp table with RETURNING of a computed flag.
const upsert = (ruleId: number, subjectType: string, at: string) => sql<{ raised: number }>`INSERT INTO alerts (rule_id, subject_type, subject_id, stage, state, message_key, message_params, first_raised_at, raised_at, updated_at)
  SELECT ${ruleId}, ${subjectType}, h.subject_id, h.stage, 'open', h.message_key, h.params, ${at}, ${at}, ${at} FROM temp.rule_hits h WHERE true
  ON CONFLICT (rule_id, subject_type, subject_id) DO UPDATE SET
    state = CASE WHEN ${REOPEN} THEN 'open' ELSE alerts.state END,
    raised_at = CASE WHEN ${REOPEN} THEN excluded.raised_at ELSE alerts.raised_at END,
    resolved_at = CASE WHEN ${REOPEN} THEN NULL ELSE alerts.resolved_at END,
    resolved_by = CASE WHEN ${REOPEN} THEN NULL ELSE alerts.resolved_by END,
    snoozed_until = CASE WHEN ${REOPEN} THEN NULL ELSE alerts.snoozed_until END,
    dismissed = CASE WHEN ${REOPEN} THEN 0 ELSE alerts.dismissed END,
    version = alerts.version + CASE WHEN ${REOPEN} THEN 1 ELSE 0 END,
    stage = excluded.stage, message_key = excluded.message_key, message_params = excluded.message_params,
    updated_at = excluded.updated_at
  WHERE ${REOPEN} OR alerts.stage <> excluded.stage OR alerts.message_key <> excluded.message_key
     OR alerts.message_params <> excluded.message_params
  RETURNING raised_at = ${at} AS raised`

/**
 * The rule's alerts within the scope: by (rule, subject type, subject) — the alerts' unique key —
 * so the scoped statements below seek the few subjects, never the rule's every alert. The sweep
 * (no ids) covers all of the rule's alerts.
 */
function scopeFilter(rule: RuleRow, evaluator: Evaluator, ids: string | null): RawBuilder<unknown> {
  if (ids === null) return sql``
  const subjectType = RULE_DEFINITIONS[rule.kind].subjectType
  return sql`AND subject_type = ${subjectType} AND subject_id IN ${(evaluator.subjectsInScope ?? idsIn)(ids)}`
}

/**
 * Whether the rule has an alert in the scope that a run without hits would change (one still
 * active, or a person's resolution waiting for the condition to clear): most writes touch
 * subjects that have none, and then the two updates below are skipped.
 */
function hasAlertsToClear(env: EvalEnv, rule: RuleRow, evaluator: Evaluator, ids: string): boolean {
  // Every RO or part write asks this once per rule in scope, and building and compiling the
  // statement costs twice what running it does: it is compiled once per rule with a marker where
  // the ids go, and only bound afterwards (the rule's id and subject type are its other values).
  const key = `${rule.id}:${rule.kind}`
  let compiled = clearStatements.get(key)
  if (!compiled) {
    const c = alertsToClear(rule, evaluator, IDS_MARKER).compile(env.store.db)
    compiled = { sql: c.sql, parameters: c.parameters }
    clearStatements.set(key, compiled)
  }
  const bound = compiled.parameters.map((p) => (p === IDS_MARKER ? ids : p))
  return env.store.prepare(compiled.sql).get(...bound) !== undefined
}
const IDS_MARKER = '\u0000ids\u0000'
const clearStatements = new Map<string, { sql: string; parameters: readonly unknown[] }>()

/** The statement behind hasAlertsToClear (its query plan is tested). */
export function alertsToClear(rule: RuleRow, evaluator: Evaluator, ids: string): RawBuilder<{ one: number }> {
  // raw SQL: the scope is the evaluator's own subquery over the ids (scopeFilter).
  return sql<{ one: number }>`SELECT 1 AS one FROM alerts WHERE rule_id = ${rule.id} AND (state <> 'resolved' OR dismissed = 1) ${scopeFilter(rule, evaluator, ids)} LIMIT 1`
}

/** Applies temp.rule_hits (`hits` rows) to the rule's alerts within the scope. */
function applyHits(env: EvalEnv, rule: RuleRow, evaluator: Evaluator, ids: string | null, hits: number): RunResult {
  if (hits === 0 && ids !== null && !hasAlertsToClear(env, rule, evaluator, ids)) return { raised: 0, cleared: 0, changed: 0 }
  const subjectType = RULE_DEFINITIONS[rule.kind].subjectType
  const upserted = hits === 0 ? [] : sqlAll(env.store, upsert(rule.id, subjectType, env.nowIso))
  const raised = upserted.filter((r) => r.raised === 1).length
  const scope = scopeFilter(rule, evaluator, ids)
  // raw SQL: both updates are against the temp table of hits, which is not part of DB.
  const cleared = sqlRun(
    env.store,
    sql`UPDATE alerts SET state = 'resolved', resolved_at = ${env.nowIso}, updated_at = ${env.nowIso}, snoozed_until = NULL, version = version + 1
        WHERE rule_id = ${rule.id} AND state <> 'resolved' ${scope} AND subject_id NOT IN (SELECT subject_id FROM temp.rule_hits)`,
  ).changes
  // A person's "resolved" holds only while the condition does: once it clears, it may be raised again.
  sqlRun(
    env.store,
    sql`UPDATE alerts SET dismissed = 0 WHERE rule_id = ${rule.id} AND dismissed = 1 ${scope} AND subject_id NOT IN (SELECT subject_id FROM temp.rule_hits)`,
  )
  return { raised, cleared, changed: upserted.length + cleared }
}

/** Resolves every active alert of a disabled rule. */
function clearRule(env: EvalEnv, rule: RuleRow): RunResult {
  const cleared = run(
    env.store,
    env.store.db
      .updateTable('alerts')
      .set((eb) => ({ state: 'resolved', resolved_at: env.nowIso, updated_at: env.nowIso, snoozed_until: null, version: eb('version', '+', 1) }))
      .where('rule_id', '=', rule.id)
      .where('state', '<>', 'resolved'),
  ).changes
  return { raised: 0, cleared, changed: cleared }
}

export function evaluateRule(env: EvalEnv, rule: RuleRow, scope: Scope): RunResult {
  const evaluator = EVALUATORS[rule.kind] as Evaluator
  if (scope === 'all') {
    if (!rule.enabled) return clearRule(env, rule)
    const result = withHits(env, evaluator, rule.params, null, (hits) => applyHits(env, rule, evaluator, null, hits))
    run(env.store, env.store.db.updateTable('rules').set({ evaluated_at: env.nowIso }).where('id', '=', rule.id))
    return result
  }
  const key = evaluator.scopeKey
  const list = key ? scope[key] : undefined
  if (!rule.enabled || !list || list.length === 0) return { raised: 0, cleared: 0, changed: 0 }
  const ids = JSON.stringify([...new Set(list)])
  return withHits(env, evaluator, rule.params, ids, (hits) => applyHits(env, rule, evaluator, ids, hits))
}

function add(a: RunResult, b: RunResult): RunResult {
  return { raised: a.raised + b.raised, cleared: a.cleared + b.cleared, changed: a.changed + b.changed }
}

/** Evaluates every rule the scope can affect; announces a change to open inboxes. */
export function evaluate(ctx: RulesCtx, scope: Scope): RunResult {
  const env = envOf(ctx)
  let total: RunResult = { raised: 0, cleared: 0, changed: 0 }
  for (const rule of loadRules(ctx.store, env.nowIso)) total = add(total, evaluateRule(env, rule, scope))
  if (total.changed > 0) ctx.events.emit({ type: 'alerts.changed' })
  return total
}

/** The full sweep: every rule, expired snoozes back in the inbox, this month's figures recorded. */
export function sweep(ctx: RulesCtx): RunResult & { rules: number } {
  const env = envOf(ctx)
  const rules = loadRules(ctx.store, env.nowIso)
  let total: RunResult = { raised: 0, cleared: 0, changed: 0 }
  for (const rule of rules) total = add(total, evaluateRule(env, rule, 'all'))
  const woke = expireSnoozes(env)
  total = add(total, { raised: 0, cleared: 0, changed: woke })
  writeSnapshots(env, rules)
  if (total.changed > 0) ctx.events.emit({ type: 'alerts.changed' })
  return { ...total, rules: rules.length }
}

/** After a stock move of one part (call inside the move's transaction). */
export function evaluateForPart(ctx: RulesCtx, partId: number): RunResult {
  return evaluate(ctx, { partIds: [partId] })
}

/** After an RO changed state, promise or money (call inside the change's transaction). */
export function evaluateForRo(ctx: RulesCtx, roId: number): RunResult {
  return evaluate(ctx, { roIds: [roId] })
}

const PART_EVENTS = new Set(['stock.changed'])
const RO_EVENTS = new Set(['ro.changed', 'workshop.changed', 'settlement.changed'])
const STOCKTAKE_EVENTS = new Set(['stocktake.changed'])

/**
 * Evaluates what a write's events can have changed — the one hook a dispatcher needs: call it
 * with the write's pending events before its transaction commits.
 */
export function evaluateForEvents(ctx: RulesCtx, events: readonly Omit<LiveEvent, 'at'>[]): RunResult {
  const partIds: number[] = []
  const roIds: number[] = []
  const stocktakeIds: number[] = []
  for (const e of [...events]) {
    if (typeof e.id !== 'number' || typeof e.type !== 'string') continue
    if (PART_EVENTS.has(e.type)) partIds.push(e.id)
    else if (RO_EVENTS.has(e.type)) roIds.push(e.id)
    else if (STOCKTAKE_EVENTS.has(e.type)) stocktakeIds.push(e.id)
  }
  if (partIds.length + roIds.length + stocktakeIds.length === 0) return { raised: 0, cleared: 0, changed: 0 }
  return evaluate(ctx, { partIds, roIds, stocktakeIds })
}
