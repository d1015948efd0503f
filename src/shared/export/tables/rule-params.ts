import { col, type ExportTableSpec } from '../spec'

// The dealership's own parameters of the rules its targets dashboard computes with (schema
// version 2), so head office computes each dealership's figures as its dashboard does. Built by
// the dealership in src/main/export/rule-params.ts, not read from one store table.

/** The rules whose parameters the dashboard's figures depend on, plus the clock minimum. */
export const FIGURE_RULES = [
  'maintenance_settlement_overdue',
  'insurance_settlement_month_end',
  'stock_value_vs_outbound',
  'stock_turnover',
  'slow_moving_share',
  'fill_rate',
  'stocktake_variance',
] as const
/** The row of `rule_params` carrying the clock minimum (setting clock.minSegmentMinutes). */
export const CLOCK_MINIMUM = 'clock_minimum'

export const ruleParams: ExportTableSpec = {
  name: 'rule_params',
  description:
    'The parameters of the rules the targets dashboard uses, one row per rule kind (params: its JSON object, defaults filled in), ' +
    'and `clock_minimum` ({"minSegmentMinutes": n}); the whole table, in batches where it changed.',
  naturalKey: ['rule'],
  updatedAt: null,
  tracking: { kind: 'snapshot' },
  since: 2,
  columns: [col.text('rule'), col.text('params')],
}
