import { monthKey } from '../../shared/domain/settlement-deadline'
import { shareBp, SLOW_MOVING_MONTHS } from '../../shared/domain/stock-rules'
import type { RuleRow } from './catalog'
import type { EvalEnv } from './context'
import { slowMoving } from './measures'

// A record of the slow-moving share as each sweep saw it (the last run of a month leaves that
// month's value). The dashboard no longer reads it: its figures and drill-downs are rebuilt from
// the ledger as of each month's end (stock-as-of.ts), so a figure always equals its rows.

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
