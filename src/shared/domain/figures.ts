import { efficiencyBp } from './workshop-clock'

// The figures on a scorecard that open their rows (every KPI beside the ROs and revenue, which
// drill through the targets' own RO drill-down), and how their rows add up. Each row carries a
// numerator and a denominator; the figure is the rows' aggregate by its rule, so the drill-down
// shows exactly what the card counted.

/** Whose month a scorecard reads: an RO owner's, a technician's or the parts counter's. */
export const SCORECARD_KINDS = ['advisor', 'technician', 'parts'] as const
export type ScorecardKind = (typeof SCORECARD_KINDS)[number]

export const FIGURES = [
  'csi',
  'settlement_timeliness',
  'sold_hours',
  'efficiency',
  'reworks',
  'fill_rate',
  'stocktake_variance',
  'parts_sales',
  'etiquette',
] as const
export type Figure = (typeof FIGURES)[number]

/**
 * - `sum`: the numerators added up (hours sold, reworks, parts sales);
 * - `ratio_bp`: Σ numerator ÷ Σ denominator in basis points (fill rate, timeliness, variance);
 * - `average`: the plain average of the numerators (CSI results, etiquette checks);
 * - `efficiency`: Σ sold milli-hours ÷ Σ clocked milliseconds, in basis points.
 */
export type FigureRule = 'sum' | 'ratio_bp' | 'average' | 'efficiency'
export const FIGURE_RULE: Record<Figure, FigureRule> = {
  csi: 'average',
  settlement_timeliness: 'ratio_bp',
  sold_hours: 'sum',
  efficiency: 'efficiency',
  reworks: 'sum',
  fill_rate: 'ratio_bp',
  stocktake_variance: 'ratio_bp',
  parts_sales: 'sum',
  etiquette: 'average',
}

/** How a row's numerator and denominator are written. */
export type FigureUnit = 'count' | 'fen' | 'bp' | 'milli_hours' | 'tenths' | 'ms' | 'flag'
export const FIGURE_UNITS: Record<Figure, { num: FigureUnit; den: FigureUnit | null }> = {
  csi: { num: 'tenths', den: null },
  settlement_timeliness: { num: 'flag', den: 'flag' },
  sold_hours: { num: 'milli_hours', den: null },
  efficiency: { num: 'milli_hours', den: 'ms' },
  reworks: { num: 'count', den: null },
  fill_rate: { num: 'flag', den: null },
  stocktake_variance: { num: 'fen', den: 'fen' },
  parts_sales: { num: 'fen', den: null },
  etiquette: { num: 'bp', den: null },
}

/** The figure its rows add up to (null where a rate has nothing to divide by). */
export function figureOf(figure: Figure, rows: readonly { num: number; den: number }[]): number | null {
  const num = rows.reduce((s, r) => s + r.num, 0)
  const den = rows.reduce((s, r) => s + r.den, 0)
  switch (FIGURE_RULE[figure]) {
    case 'sum':
      return num
    case 'average':
      return rows.length ? Math.round(num / rows.length) : null
    case 'ratio_bp':
      return den > 0 ? Math.round((num * 10_000) / den) : null
    case 'efficiency':
      return efficiencyBp(num, den)
  }
}
