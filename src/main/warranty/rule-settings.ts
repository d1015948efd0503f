import type { Ctx, UserCtx } from '../api/context'
import { AppError } from '../api/app-error'
import { CHECK_RULE_DEFAULTS, CHECK_RULE_PARAMS, CHECK_RULES, checkSettingProblem } from '../../shared/domain/warranty-check'
import { PART_RULE_DEFAULT } from '../../shared/domain/warranty-parts'
import { translate } from '../../shared/i18n'
import { yuan } from '../../shared/format/numbers'
import { all, run } from '../store/query'
import type { In, Out } from './rule-settings-types'

// The warranty desk's settings tab: the pre-submission check rules and the makers' old-part rules.
// Each row carries a version; a save names the version it read, and a row changed meanwhile is a
// CONFLICT rather than a silent overwrite. A rule without a row (version 0) is at its default.

export function checkRuleList(ctx: Ctx): Out<'warranty.checkRules.save'> {
  const rows = all(ctx.store, ctx.store.db.selectFrom('warranty_check_rules').select(['rule', 'enabled', 'severity', 'param', 'version']))
  return CHECK_RULES.map((rule) => {
    const row = rows.find((r) => r.rule === rule)
    const defaults = CHECK_RULE_DEFAULTS[rule]
    const setting = row ? { enabled: row.enabled === 1, severity: row.severity, param: row.param } : defaults
    return { rule, ...setting, version: row?.version ?? 0, defaults, paramSpec: CHECK_RULE_PARAMS[rule] }
  })
}

const conflictOf = (what: string, expected: number, actual: number) =>
  new AppError('CONFLICT', 'warranty.rules.changedMeanwhile', { what }, { entity: what, expectedVersion: expected, actualVersion: actual })

export function saveCheckRules(ctx: UserCtx, input: In<'warranty.checkRules.save'>): Out<'warranty.checkRules.save'> {
  const current = new Map(checkRuleList(ctx).map((r) => [r.rule, r]))
  input.rules.forEach((r, i) => {
    const problem = checkSettingProblem(r.rule, r.param)
    if (problem) {
      const money = CHECK_RULE_PARAMS[r.rule]?.unit === 'fen'
      const range = Object.fromEntries(Object.entries(problem.params).map(([k, v]) => [k, money ? yuan(v) : v]))
      const params = { rule: translate(ctx.locale, `warranty.rule.${r.rule}`), ...range }
      throw new AppError('VALIDATION', problem.key, params, { fields: [{ field: `rules.${i}.param`, message: problem.key }] })
    }
  })
  for (const r of input.rules) {
    const before = current.get(r.rule)!
    if (before.version !== r.version) throw conflictOf(translate(ctx.locale, `warranty.rule.${r.rule}`), r.version, before.version)
    const same = before.enabled === r.enabled && before.severity === r.severity && before.param === r.param
    if (same) continue
    const values = { enabled: r.enabled ? 1 : 0, severity: r.severity, param: r.param }
    run(
      ctx.store,
      ctx.store.db
        .insertInto('warranty_check_rules')
        .values({ rule: r.rule, ...values, version: 1 })
        .onConflict((oc) => oc.column('rule').doUpdateSet((eb) => ({ ...values, version: eb('warranty_check_rules.version', '+', 1) }))),
    )
    ctx.audit({
      action: 'warranty.checkRules.save',
      entity: 'warranty_check_rule',
      entityId: r.rule,
      detail: {
        rule: `warranty.rule.${r.rule}`,
        before: { enabled: before.enabled, severity: `warranty.severity.${before.severity}`, param: before.param },
        after: { enabled: r.enabled, severity: `warranty.severity.${r.severity}`, param: r.param },
      },
    })
  }
  ctx.events.emit({ type: 'warranty.changed' })
  return checkRuleList(ctx)
}

export function partRuleList(ctx: Ctx): Out<'warranty.partRules'> {
  const rows = all(ctx.store, ctx.store.db.selectFrom('warranty_part_rules').select(['make', 'return_days', 'retain_days', 'version']).orderBy('make'))
  const rules = rows.map((r) => ({ make: r.make, returnDays: r.return_days, retainDays: r.retain_days, version: r.version }))
  // The default row always shows, even on a store where it was never seeded.
  if (!rules.some((r) => r.make === '')) rules.unshift({ make: '', ...PART_RULE_DEFAULT, version: 0 })
  return { rules, defaults: PART_RULE_DEFAULT }
}

const makeLabel = (ctx: Ctx, make: string) => (make === '' ? translate(ctx.locale, 'wty.rules.defaultMake') : make)

export function savePartRule(ctx: UserCtx, input: In<'warranty.partRules.save'>): Out<'warranty.partRules.save'> {
  const before = partRuleList(ctx).rules.find((r) => r.make === input.make)
  const actual = before?.version ?? 0
  if (actual !== input.version) {
    // A make added by someone else meanwhile, or a rule changed since it was read.
    throw conflictOf(makeLabel(ctx, input.make), input.version, actual)
  }
  if (before && before.returnDays === input.returnDays && before.retainDays === input.retainDays) return partRuleList(ctx)
  const values = { return_days: input.returnDays, retain_days: input.retainDays }
  run(
    ctx.store,
    ctx.store.db
      .insertInto('warranty_part_rules')
      .values({ make: input.make, ...values, version: 1 })
      .onConflict((oc) => oc.column('make').doUpdateSet((eb) => ({ ...values, version: eb('warranty_part_rules.version', '+', 1) }))),
  )
  ctx.audit({
    action: 'warranty.partRules.save',
    entity: 'warranty_part_rule',
    entityId: input.make,
    detail: {
      make: makeLabel(ctx, input.make),
      ...(before ? { before: { returnDays: before.returnDays, retainDays: before.retainDays } } : {}),
      after: { returnDays: input.returnDays, retainDays: input.retainDays },
    },
  })
  ctx.events.emit({ type: 'warranty.changed' })
  return partRuleList(ctx)
}

export function deletePartRule(ctx: UserCtx, input: In<'warranty.partRules.delete'>): Out<'warranty.partRules.delete'> {
  const before = partRuleList(ctx).rules.find((r) => r.make === input.make)
  if (!before) throw new AppError('NOT_FOUND', 'warranty.rules.noMakeRule', { make: input.make }, { fields: [{ field: 'make', message: 'warranty.rules.noMakeRule' }] })
  if (before.version !== input.version) throw conflictOf(input.make, input.version, before.version)
  run(ctx.store, ctx.store.db.deleteFrom('warranty_part_rules').where('make', '=', input.make))
  ctx.audit({
    action: 'warranty.partRules.delete',
    entity: 'warranty_part_rule',
    entityId: input.make,
    detail: { make: input.make, before: { returnDays: before.returnDays, retainDays: before.retainDays } },
  })
  ctx.events.emit({ type: 'warranty.changed' })
  return partRuleList(ctx)
}
