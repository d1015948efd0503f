import { KPI_UNIT, type Kpi, type KpiUnit } from '../../../../shared/domain/etiquette'
import { decimalFromMilli, percentFromBp } from '../../../../shared/format/numbers'
import type { Locale } from '../../../../shared/i18n'
import { money } from '../../format'

// A KPI's value as people read and type it: money in yuan, rates in percent, hours, CSI points;
// stored as fen, basis points, milli-hours and tenths.

const SCALE: Record<KpiUnit, number> = { count: 0, fen: 2, bp: 2, milli_hours: 3, tenths: 1 }

export function kpiText(kpi: Kpi, value: number | null, locale: Locale): string {
  if (value === null) return '—'
  switch (KPI_UNIT[kpi]) {
    case 'fen':
      return money(value, locale)
    case 'bp':
      return percentFromBp(value)
    case 'milli_hours':
      return decimalFromMilli(value)
    case 'tenths':
      return (value / 10).toFixed(1)
    default:
      return String(value)
  }
}

/** The typed text as a stored integer, or null when it is not a number of the unit's precision. */
export function parseKpi(kpi: Kpi, text: string): number | null {
  const digits = SCALE[KPI_UNIT[kpi]]
  const m = /^\s*(\d{1,9})(?:\.(\d+))?\s*$/.exec(text.replace(/[¥%,]/g, ''))
  if (!m || (m[2] && m[2].length > digits)) return null
  const frac = (m[2] ?? '').padEnd(digits, '0')
  return Number(m[1]) * 10 ** digits + (digits ? Number(frac) : 0)
}

/** The stored value as the text an input starts with. */
export function kpiInputText(kpi: Kpi, value: number | null): string {
  if (value === null) return ''
  const digits = SCALE[KPI_UNIT[kpi]]
  if (digits === 0) return String(value)
  const s = (value / 10 ** digits).toFixed(digits)
  return s.replace(/\.?0+$/, '')
}
