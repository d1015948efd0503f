import type { Ctx } from '../../api/context'
import { ruleByKind } from '../../rules/catalog'
import { RULE_PARAMS, type RuleParams } from '../../../shared/domain/rules'

/** The coverage-expiry calls' parameters as the manager set them on the rule (offset days, warning days). */
export function coverageCallParams(ctx: Ctx): RuleParams<'warranty_coverage_calls'> {
  return RULE_PARAMS.warranty_coverage_calls.parse(ruleByKind(ctx.store, ctx.nowIso(), 'warranty_coverage_calls').params)
}
