import type Database from 'better-sqlite3'
import { RO_TYPES } from '../../shared/domain/ro-type'
import { dayBounds } from './calendar'
export { kpiDaily } from '../../shared/export/tables/kpi-daily'

// The KPI snapshot: one row per business day, metric and dimension, computed from the life-cycle
// times on the records (so a missed day can be computed later, exactly as it was). Later areas
// add metrics here (parts outbound value, technician hours, settlement lateness …).

export interface KpiMetric {
  metric: string
  description: string
  /**
   * Rows of (day, dimension, value) for the covered days, named parameters @from and @to (local
   * ISO, half-open). Stored times are local text, so `substr(t, 1, 10)` is their business date:
   * one grouped query covers any number of caught-up days.
   */
  sql: string
  /** Dimensions always reported, as 0 when nothing happened, so a re-sent day overwrites. */
  dimensions: readonly string[]
  /** Add a '' dimension holding the sum of the others. */
  total: boolean
  /** A level, not a count: rows of (dimension, value) before @from, to which each day's values add. */
  baseSql?: string
}

const RO_DIMENSIONS = RO_TYPES
const dayOf = (column: string) => `substr(${column}, 1, 10)`
const inRange = (column: string) => `${column} >= @from AND ${column} < @to`
const roByDay = (value: string, column: string) =>
  `SELECT ${dayOf(column)} AS day, type AS dimension, ${value} AS value FROM repair_orders
   WHERE ${inRange(column)} GROUP BY day, type`
const CLOSED = 'coalesce(delivered_at, cancelled_at)'

export const KPI_METRICS: readonly KpiMetric[] = [
  { metric: 'ros_opened', description: 'Repair orders opened', sql: roByDay('count(*)', 'opened_at'), dimensions: RO_DIMENSIONS, total: true },
  { metric: 'ros_settled', description: 'Repair orders settled', sql: roByDay('count(*)', 'settled_at'), dimensions: RO_DIMENSIONS, total: true },
  { metric: 'ros_delivered', description: 'Repair orders delivered', sql: roByDay('count(*)', 'delivered_at'), dimensions: RO_DIMENSIONS, total: true },
  { metric: 'ros_cancelled', description: 'Repair orders cancelled', sql: roByDay('count(*)', 'cancelled_at'), dimensions: RO_DIMENSIONS, total: true },
  {
    metric: 'gross_settled_fen',
    description: 'Gross (incl. VAT) of repair orders settled, in fen',
    sql: roByDay('sum(gross_fen)', 'settled_at'),
    dimensions: RO_DIMENSIONS,
    total: true,
  },
  {
    metric: 'net_settled_fen',
    description: 'Net (excl. VAT) of repair orders settled, in fen',
    sql: roByDay('sum(net_fen)', 'settled_at'),
    dimensions: RO_DIMENSIONS,
    total: true,
  },
  {
    metric: 'ros_in_shop_at_close',
    description: 'Repair orders open (neither delivered nor cancelled) at the end of the day',
    sql: `SELECT day, dimension, sum(delta) AS value FROM (
            SELECT ${dayOf('opened_at')} AS day, type AS dimension, 1 AS delta FROM repair_orders WHERE ${inRange('opened_at')}
            UNION ALL
            SELECT ${dayOf(CLOSED)}, type, -1 FROM repair_orders WHERE ${inRange(CLOSED)})
          GROUP BY day, dimension`,
    baseSql: `SELECT type AS dimension, count(*) AS value FROM repair_orders
              WHERE opened_at < @from AND (${CLOSED} IS NULL OR ${CLOSED} >= @from) GROUP BY type`,
    dimensions: RO_DIMENSIONS,
    total: true,
  },
  {
    metric: 'appointments',
    description: 'Appointments for the day, by how they ended',
    sql: `SELECT ${dayOf('starts_at')} AS day, status AS dimension, count(*) AS value FROM appointments
          WHERE ${inRange('starts_at')} GROUP BY day, status`,
    dimensions: ['booked', 'arrived', 'no_show', 'cancelled'],
    total: false,
  },
]

export interface KpiRow {
  business_date: string
  metric: string
  dimension: string
  value: number
  computed_at: string
}

/** The KPI rows of the given days (consecutive), read on the exporter's snapshot connection. */
export function computeKpis(
  db: Database.Database,
  dates: readonly string[],
  timeZone: string,
  computedAt: string,
  metrics: readonly KpiMetric[] = KPI_METRICS,
): KpiRow[] {
  const first = dates[0]
  const last = dates.at(-1)
  if (!first || !last) return []
  const range = { from: dayBounds(first, timeZone).from, to: dayBounds(last, timeZone).to }
  const rows: KpiRow[] = []
  for (const m of metrics) {
    const byDay = new Map<string, Map<string, number>>()
    // raw SQL: the exporter's read-only snapshot connection; each metric is one grouped query of its own.
    for (const r of db.prepare(m.sql).all(range) as { day: string; dimension: string | null; value: number | null }[]) {
      let day = byDay.get(r.day)
      if (!day) byDay.set(r.day, (day = new Map()))
      const dim = r.dimension ?? ''
      day.set(dim, (day.get(dim) ?? 0) + Number(r.value ?? 0))
    }
    const level = new Map<string, number>(m.dimensions.map((d) => [d, 0]))
    if (m.baseSql) {
      // raw SQL: as above, the level a metric starts the covered days from.
      for (const r of db.prepare(m.baseSql).all(range) as { dimension: string; value: number }[]) level.set(r.dimension, Number(r.value))
    }
    for (const date of dates) {
      const values = new Map<string, number>(m.dimensions.map((d) => [d, 0]))
      for (const [dim, value] of byDay.get(date) ?? []) {
        if (m.baseSql) level.set(dim, (level.get(dim) ?? 0) + value)
        else values.set(dim, value)
      }
      if (m.baseSql) for (const [dim, value] of level) values.set(dim, value)
      if (m.total) values.set('', [...values.values()].reduce((a, b) => a + b, 0))
      for (const [dimension, value] of values) {
        rows.push({ business_date: date, metric: m.metric, dimension, value, computed_at: computedAt })
      }
    }
  }
  return rows
}
