import type { UserCtx } from '../api/context'
import { envOf } from '../rules/context'
import { evaluateRule } from '../rules/engine'
import { ruleByKind } from '../rules/catalog'

/** After a campaign is planned or changed: the one-a-month rule judged again at once, not at the next sweep. */
export function reviewCampaignRule(ctx: Pick<UserCtx, 'store' | 'clock' | 'timeZone' | 'nowIso' | 'events'>): void {
  const env = envOf(ctx)
  if (evaluateRule(env, ruleByKind(ctx.store, env.nowIso, 'campaign_planned'), 'all').changed > 0) ctx.events.emit({ type: 'alerts.changed' })
}
