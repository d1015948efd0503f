import type { z } from 'zod'
import type { Ctx, UserCtx } from '../api/context'
import { conflict } from '../api/app-error'
import type { Rule, rulesContract } from '../../shared/contract/rules'
import { defaultParams, RULE_DEFINITIONS, RULE_PARAMS, type RuleKind, type RuleParams } from '../../shared/domain/rules'
import { loadRules, ruleByKind, type RuleRow } from './catalog'
import { sql } from 'kysely'
import { all, first, run, sqlFirst } from '../store/query'
import { envOf } from './context'
import { evaluateRule, sweep, withHits } from './engine'
import { EVALUATORS } from './evaluators'
import type { Evaluator } from './evaluators/types'

// Managers change a rule's parameters in the app. Before saving they see what the change would
// do to the inbox: the candidate parameters are evaluated into the temp table and compared with
// the alerts as they stand — exactly what saving (which re-evaluates the rule) will then do.

type Section = typeof rulesContract
type In<K extends keyof Section> = z.output<Section[K]['input']>
type Out<K extends keyof Section> = z.output<Section[K]['output']>
type RuleOut = z.output<typeof Rule>

function activeCounts(ctx: Ctx): Map<number, number> {
  const rows = all(
    ctx.store,
    ctx.store.db
      .selectFrom('alerts')
      .select((eb) => ['rule_id', eb.fn.countAll<number>().as('n')])
      .where('state', '<>', 'resolved')
      .groupBy('rule_id'),
  )
  return new Map(rows.map((r) => [r.rule_id, r.n]))
}

function toRuleOut(rule: RuleRow, active: number): RuleOut {
  return {
    id: rule.id,
    kind: rule.kind,
    subjectType: RULE_DEFINITIONS[rule.kind].subjectType,
    params: rule.params as RuleOut['params'],
    defaults: defaultParams(rule.kind) as RuleOut['params'],
    enabled: rule.enabled,
    severity: rule.severity,
    inboxRole: rule.inboxRole,
    evaluatedAt: rule.evaluatedAt,
    activeAlerts: active,
    updatedAt: rule.updatedAt,
    version: rule.version,
  }
}

export function listRules(ctx: Ctx): Out<'rules.list'> {
  const counts = activeCounts(ctx)
  return loadRules(ctx.store, ctx.nowIso()).map((r) => toRuleOut(r, counts.get(r.id) ?? 0))
}

const parseParams = (kind: RuleKind, params: unknown): RuleParams => RULE_PARAMS[kind].parse(params) as RuleParams

export function previewRule(ctx: Ctx, input: In<'rules.preview'>): Out<'rules.preview'> {
  const rule = ruleByKind(ctx.store, ctx.nowIso(), input.kind)
  const subjectType = RULE_DEFINITIONS[rule.kind].subjectType
  const activeNow =
    first(
      ctx.store,
      ctx.store.db
        .selectFrom('alerts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('rule_id', '=', rule.id)
        .where('state', '<>', 'resolved'),
    )?.n ?? 0
  if (!input.enabled) return { raise: 0, clear: activeNow, keep: 0, activeNow }
  const env = envOf(ctx)
  // raw SQL: compares the engine's temp table of hits (not part of DB) with the alerts.
  const row = withHits(env, EVALUATORS[rule.kind] as Evaluator, parseParams(rule.kind, input.params), null, () =>
    sqlFirst<{ raise: number; clear: number }>(
      ctx.store,
      sql`SELECT
         (SELECT COUNT(*) FROM temp.rule_hits h LEFT JOIN alerts a ON a.rule_id = ${rule.id} AND a.subject_type = ${subjectType} AND a.subject_id = h.subject_id
           WHERE a.id IS NULL OR (a.state = 'resolved' AND a.dismissed = 0)) AS raise,
         (SELECT COUNT(*) FROM alerts a WHERE a.rule_id = ${rule.id} AND a.state <> 'resolved'
           AND a.subject_id NOT IN (SELECT subject_id FROM temp.rule_hits)) AS clear`,
    ),
  ) ?? { raise: 0, clear: 0 }
  return { raise: row.raise, clear: row.clear, keep: activeNow - row.clear, activeNow }
}

export function updateRule(ctx: UserCtx, input: In<'rules.update'>): Out<'rules.update'> {
  const before = ruleByKind(ctx.store, ctx.nowIso(), input.kind)
  if (before.version !== input.version) throw conflict('entity.rule', before.id, input.version, before.version)
  const params = parseParams(input.kind, input.params)
  run(
    ctx.store,
    ctx.store.db
      .updateTable('rules')
      .set((eb) => ({
        params: JSON.stringify(params),
        enabled: input.enabled ? 1 : 0,
        severity: input.severity,
        inbox_role: input.inboxRole,
        updated_at: ctx.nowIso(),
        updated_by: ctx.user.id,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', before.id)
      .where('version', '=', before.version),
  )
  const after = ruleByKind(ctx.store, ctx.nowIso(), input.kind)
  const result = evaluateRule(envOf(ctx), after, 'all')
  ctx.audit({
    action: 'rule.update',
    entity: 'rule',
    entityId: before.id,
    detail: {
      kind: before.kind,
      before: { params: before.params, enabled: before.enabled, severity: before.severity, inboxRole: before.inboxRole },
      after: { params, enabled: input.enabled, severity: input.severity, inboxRole: input.inboxRole },
      raised: result.raised,
      cleared: result.cleared,
    },
  })
  ctx.events.emit({ type: 'rules.changed', id: before.id })
  ctx.events.emit({ type: 'alerts.changed' })
  const fresh = ruleByKind(ctx.store, ctx.nowIso(), input.kind)
  return { rule: toRuleOut(fresh, activeCounts(ctx).get(fresh.id) ?? 0), raised: result.raised, cleared: result.cleared }
}

export function runSweep(ctx: UserCtx): Out<'rules.sweep'> {
  const started = performance.now()
  const result = sweep(ctx)
  return { ...result, ms: Math.round(performance.now() - started) }
}
