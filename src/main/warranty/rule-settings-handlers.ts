import type { HandlersFor } from '../api/dispatch'
import type { warrantyRulesContract } from '../../shared/contract/warranty-rules'
import { deletePartRule, partRuleList, saveCheckRules, savePartRule } from './rule-settings'

export const warrantyRulesHandlers: HandlersFor<typeof warrantyRulesContract> = {
  'warranty.checkRules.save': saveCheckRules,
  'warranty.partRules': (ctx) => partRuleList(ctx),
  'warranty.partRules.save': savePartRule,
  'warranty.partRules.delete': deletePartRule,
}
