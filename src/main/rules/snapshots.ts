import { monthKey } from '../../shared/domain/settlement-deadline'
import { shareBp, SLOW_MOVING_MONTHS } from '../../shared/domain/stock-rules'
import type { RuleRow } from './catalog'
import type { EvalEnv } from './context'
import { slowMoving } from './measures'

// The slow-moving share of a past month cannot be rebuilt cheaply from the ledger (it needs every
// part's last issue as of then), so the sweep records this month's figure each run; the last run
// of a month leaves that month's value for the dashboard's trend.

export function writeSnapshots(env: EvalEnv, rules: readonly RuleRow[]): void {
  const rule = rules.find((r) => r.kind === 'slow_moving_share')
  const months = rule?.kind === 'slow_moving_share' ? (rule.params as { months: number }).months : SLOW_MOVING_MONTHS
  const s = slowMoving(env, months)
  env.store
    .prepare(
      `INSERT INTO target_snapshots (month, target, value, numerator, denominator, updated_at) VALUES (?, 'slow_moving', ?, ?, ?, ?)
       ON CONFLICT (month, target) DO UPDATE SET value = excluded.value, numerator = excluded.numerator,
         denominator = excluded.denominator, updated_at = excluded.updated_at`,
    )
    .run(monthKey(env.now, env.timeZone), shareBp(s.slowFen, s.totalFen), s.slowFen, s.totalFen, env.nowIso)
}
