import { monthKey } from '../../shared/domain/settlement-deadline'
import { shareBp, SLOW_MOVING_MONTHS } from '../../shared/domain/stock-rules'
import type { RuleRow } from './catalog'
import type { EvalEnv } from './context'
import { slowMoving } from './measures'
import { run } from '../store/query'

// A record of the slow-moving share as each sweep saw it (the last run of a month leaves that
// month's value). The dashboard no longer reads it: its figures and drill-downs are rebuilt from
// the ledger as of each month's end (stock-as-of.ts), so a figure always equals its rows.

export function writeSnapshots(env: EvalEnv, rules: readonly RuleRow[]): void {
  const rule = rules.find((r) => r.kind === 'slow_moving_share')
  const months = rule?.kind === 'slow_moving_share' ? (rule.params as { months: number }).months : SLOW_MOVING_MONTHS
  const s = slowMoving(env, months)
  run(
    env.store,
    env.store.db
      .insertInto('target_snapshots')
      .values({ month: monthKey(env.now, env.timeZone), target: 'slow_moving', value: shareBp(s.slowFen, s.totalFen), numerator: s.slowFen, denominator: s.totalFen, updated_at: env.nowIso })
      .onConflict((oc) =>
        oc.columns(['month', 'target']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          numerator: eb.ref('excluded.numerator'),
          denominator: eb.ref('excluded.denominator'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      ),
  )
}
