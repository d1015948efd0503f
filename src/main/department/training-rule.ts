import type { UserCtx } from '../api/context'
import { envOf } from '../rules/context'
import { paramsOf } from '../rules/dashboard'
import { evaluateRule } from '../rules/engine'
import { ruleByKind } from '../rules/catalog'

// The monthly training targets are the rules' parameters (a manager edits them with the other
// rules), so the training screen counts against the same numbers the alerts use.

export function trainingTargets(ctx: Pick<UserCtx, 'store' | 'clock' | 'timeZone' | 'nowIso' | 'events'>) {
  const env = envOf(ctx)
  return {
    frontDesk: paramsOf(env, 'training_front_desk').min,
    workshop: paramsOf(env, 'training_workshop').min,
    repairCases: paramsOf(env, 'repair_cases').min,
  }
}

/** After a session or a case is recorded: the training rules judged again at once, not at the next sweep. */
export function reviewTrainingRules(ctx: Pick<UserCtx, 'store' | 'clock' | 'timeZone' | 'nowIso' | 'events'>): void {
  const env = envOf(ctx)
  let changed = 0
  for (const kind of ['training_front_desk', 'training_workshop', 'repair_cases'] as const) {
    changed += evaluateRule(env, ruleByKind(ctx.store, env.nowIso, kind), 'all').changed
  }
  if (changed > 0) ctx.events.emit({ type: 'alerts.changed' })
}
