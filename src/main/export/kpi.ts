import type Database from 'better-sqlite3'
import { RO_TYPES } from '../../shared/domain/ro-type'
import { dayBounds } from './calendar'
import { col, type ExportTableSpec } from './spec'

// The KPI snapshot: one row per business day, metric and dimension, computed from the life-cycle
// times on the records (so a missed day can be computed later, exactly as it was). Later areas
// add metrics here (parts outbound value, technician hours, settlement lateness …).

export interface KpiMetric {
  metric: string
  description: string
  /** Named parameters @from and @to (the local day, half-open); rows of (dimension, value). */
  sql: string
  /** Dimensions always reported, as 0 when nothing happened, so a re-sent day overwrites. */
  dimensions: readonly string[]
}

const TOTAL = ''
const byType = [TOTAL, ...RO_TYPES] as const
const typeBreakdown = (expr: string, where: string) =>
  `SELECT type AS dimension, ${expr} AS value FROM repair_orders WHERE ${where} GROUP BY type
   UNION ALL SELECT '' AS dimension, ${expr} AS value FROM repair_orders WHERE ${where}`
const inDay = (column: string) => `${column} >= @from AND ${column} < @to`

export const KPI_METRICS: readonly KpiMetric[] = [
  { metric: 'ros_opened', description: 'Repair orders opened', sql: typeBreakdown('count(*)', inDay('opened_at')), dimensions: byType },
  { metric: 'ros_settled', description: 'Repair orders settled', sql: typeBreakdown('count(*)', inDay('settled_at')), dimensions: byType },
  { metric: 'ros_delivered', description: 'Repair orders delivered', sql: typeBreakdown('count(*)', inDay('delivered_at')), dimensions: byType },
  { metric: 'ros_cancelled', description: 'Repair orders cancelled', sql: typeBreakdown('count(*)', inDay('cancelled_at')), dimensions: byType },
  {
    metric: 'gross_settled_fen',
    description: 'Gross (incl. VAT) of repair orders settled, in fen',
    sql: typeBreakdown('coalesce(sum(gross_fen), 0)', inDay('settled_at')),
    dimensions: byType,
  },
  {
    metric: 'net_settled_fen',
    description: 'Net (excl. VAT) of repair orders settled, in fen',
    sql: typeBreakdown('coalesce(sum(net_fen), 0)', inDay('settled_at')),
    dimensions: byType,
  },
  {
    metric: 'ros_in_shop_at_close',
    description: 'Repair orders open (neither delivered nor cancelled) at the end of the day',
    sql: typeBreakdown(
      'count(*)',
      `opened_at < @to AND (delivered_at IS NULL OR delivered_at >= @to) AND (cancelled_at IS NULL OR cancelled_at >= @to)`,
    ),
    dimensions: byType,
  },
  {
    metric: 'appointments',
    description: 'Appointments for the day, by how they ended',
    sql: `SELECT status AS dimension, count(*) AS value FROM appointments WHERE ${inDay('starts_at')} GROUP BY status`,
    dimensions: ['booked', 'arrived', 'no_show', 'cancelled'],
  },
]

export const kpiDaily: ExportTableSpec = {
  name: 'kpi_daily',
  description: 'KPI snapshot per business day, metric and dimension (an RO type, a status, or "" for the total).',
  naturalKey: ['business_date', 'metric', 'dimension'],
  updatedAt: 'computed_at',
  tracking: { kind: 'updated', column: 'computed_at' },
  columns: [col.date('business_date'), col.text('metric'), col.text('dimension'), col.int('value'), col.at('computed_at')],
}

export interface KpiRow {
  business_date: string
  metric: string
  dimension: string
  value: number
  computed_at: string
}

/** The KPI rows of the given days, read on the exporter's snapshot connection. */
export function computeKpis(
  db: Database.Database,
  dates: readonly string[],
  timeZone: string,
  computedAt: string,
  metrics: readonly KpiMetric[] = KPI_METRICS,
): KpiRow[] {
  const rows: KpiRow[] = []
  const statements = metrics.map((m) => ({ m, stmt: db.prepare(m.sql) }))
  for (const date of dates) {
    const bounds = dayBounds(date, timeZone)
    for (const { m, stmt } of statements) {
      const values = new Map<string, number>(m.dimensions.map((d) => [d, 0]))
      for (const r of stmt.all(bounds) as { dimension: string | null; value: number }[]) {
        values.set(r.dimension ?? '', Number(r.value))
      }
      for (const [dimension, value] of values) {
        rows.push({ business_date: date, metric: m.metric, dimension, value, computed_at: computedAt })
      }
    }
  }
  return rows
}
