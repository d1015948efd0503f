// The dashboard's figures as people read them: rates in percent, turnover in times a year, stock
// against outbound as a multiple; the target band in the same words; and whether a month is in it.
import type { DashboardTarget } from '../../../../shared/domain/rules'
import { decimalFromCenti, percentFromBp } from '../../../../shared/format/numbers'

export type TargetUnit = 'bp' | 'centi'
export interface Band {
  min: number | null
  max: number | null
}
export type PointStatus = 'ok' | 'low' | 'high' | 'none'

/** Figures whose numerator and denominator are money (the rest count ROs, invoices or requests). */
export const MONEY_TARGETS: ReadonlySet<DashboardTarget> = new Set(['stock_vs_outbound', 'turnover', 'slow_moving', 'stocktake_variance'])

/** Levels read as a line; monthly rates as bars. */
export const LINE_TARGETS: ReadonlySet<DashboardTarget> = new Set(['stock_vs_outbound', 'turnover', 'slow_moving'])

/** 9850 bp → "98.5%"; 450 centi → "4.5". */
export function formatValue(value: number | null, unit: TargetUnit): string {
  if (value === null) return '—'
  return unit === 'bp' ? percentFromBp(value) : decimalFromCenti(value)
}

/** "≥ 98%", "≤ 6%", "4–6". */
export function bandText(band: Band, unit: TargetUnit): string {
  const f = (v: number) => formatValue(v, unit)
  if (band.min !== null && band.max !== null) return `${f(band.min)}–${f(band.max)}`
  if (band.min !== null) return `≥ ${f(band.min)}`
  if (band.max !== null) return `≤ ${f(band.max)}`
  return '—'
}

export function pointStatus(value: number | null, band: Band): PointStatus {
  if (value === null) return 'none'
  if (band.min !== null && value < band.min) return 'low'
  if (band.max !== null && value > band.max) return 'high'
  return 'ok'
}

export interface ChartPoint {
  month: string
  value: number | null
  x: number
  y: number | null
  status: PointStatus
}

export interface ChartGeometry {
  points: ChartPoint[]
  /** The value axis, bottom and top, with the ticks drawn. */
  lo: number
  hi: number
  ticks: number[]
  /** Where the target band lies (y from the top); null when it is off the chart. */
  bandTop: number
  bandBottom: number
  slot: number
  yOf(value: number): number
}

/** A round step for about four ticks over `span`. */
function niceStep(span: number): number {
  const raw = span / 4
  const power = 10 ** Math.floor(Math.log10(raw))
  const m = raw / power
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power
}

/**
 * Places a monthly series in a `width` × `height` plot: the axis covers the values and the band
 * (rates in basis points start at zero; a 100 % target keeps the top at 100 %).
 */
export function chartGeometry(series: readonly { month: string; value: number | null }[], band: Band, unit: TargetUnit, width: number, height: number): ChartGeometry {
  const values = series.map((p) => p.value).filter((v): v is number => v !== null)
  const marks = [...values, ...(band.min !== null ? [band.min] : []), ...(band.max !== null ? [band.max] : [])]
  let lo = Math.min(0, ...marks)
  let hi = Math.max(...marks, unit === 'bp' ? 100 : 1)
  const step = niceStep(Math.max(hi - lo, 1))
  lo = Math.floor(lo / step) * step
  hi = Math.ceil(hi / step) * step
  if (hi === lo) hi = lo + step
  const ticks: number[] = []
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(v)
  const yOf = (v: number) => height - ((v - lo) / (hi - lo)) * height
  const slot = series.length > 0 ? width / series.length : width
  const points = series.map((p, i) => ({
    month: p.month,
    value: p.value,
    x: slot * i + slot / 2,
    y: p.value === null ? null : yOf(p.value),
    status: pointStatus(p.value, band),
  }))
  return {
    points,
    lo,
    hi,
    ticks,
    bandTop: yOf(Math.min(band.max ?? hi, hi)),
    bandBottom: yOf(Math.max(band.min ?? lo, lo)),
    slot,
    yOf,
  }
}
