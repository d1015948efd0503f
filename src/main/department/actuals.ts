import { sql } from 'kysely'
import type { Ctx } from '../api/context'
import type { TargetMeasure } from '../../shared/domain/department'
import { monthBounds } from '../../shared/domain/calendar'
import { sqlAll } from '../store/query'

// Actuals from the ledger, never typed in. An RO counts in the month of its standing settlement
// (a settlement later reversed does not count; the settlement after the reversal does):
// - ros: one per settled RO (台次);
// - production (产值): the net of VAT of the settlement's invoices, after its discounts;
// - parts: the RO's part lines, net of VAT;
// - gross_profit: production less the cost of the parts issued to the RO (the stock ledger's
//   value of its issues net of returns). Labour has no cost in the system, so it is all margin.
// The figures and their drill-down are read from the same rows (ACTUAL_ROWS), so they agree.

export interface ActualRowDb {
  ro_id: number
  number: string
  advisor_id: number
  advisor_name: string
  settled_at: string
  production: number
  parts: number
  parts_cost: number
}

// raw SQL: correlated sums over three ledgers (invoices, lines, stock moves) per standing
// settlement, like the dashboard's aggregate statements; the builder would only wrap this text.
const standing = (from: string, to: string) => sql`
  SELECT s.id, s.ro_id, s.at FROM settlements s
   WHERE s.kind = 'settle' AND s.at >= ${from} AND s.at < ${to}
     AND NOT EXISTS (SELECT 1 FROM settlements x WHERE x.reverses_id = s.id)`

const actualRows = (from: string, to: string, userId: number | null) => sql<ActualRowDb>`
  WITH st AS (${standing(from, to)})
  SELECT r.id AS ro_id, r.number, r.advisor_id, u.display_name AS advisor_name, st.at AS settled_at,
         COALESCE((SELECT SUM(i.net_fen) FROM invoices i WHERE i.settlement_id = st.id AND i.kind = 'invoice'), 0) AS production,
         COALESCE((SELECT SUM(l.amount_fen) FROM ro_lines l WHERE l.ro_id = r.id AND l.kind = 'part'), 0) AS parts,
         COALESCE((SELECT -SUM(m.value_fen) FROM stock_moves m WHERE m.ref_type = 'ro' AND m.ref_id = r.id AND m.kind IN ('issue', 'return')), 0) AS parts_cost
    FROM st JOIN repair_orders r ON r.id = st.ro_id JOIN users u ON u.id = r.advisor_id
   ${userId === null ? sql`` : sql`WHERE r.advisor_id = ${userId}`}
   ORDER BY st.at, r.id`

export function actualRowsOf(ctx: Pick<Ctx, 'store'>, from: string, to: string, userId: number | null = null, limit?: number): ActualRowDb[] {
  const q = actualRows(from, to, userId)
  return sqlAll(ctx.store, limit === undefined ? q : sql<ActualRowDb>`${q} LIMIT ${limit}`)
}

/** One row's contribution to a measure. */
export function measureOf(row: Pick<ActualRowDb, 'production' | 'parts' | 'parts_cost'>, measure: TargetMeasure): number {
  switch (measure) {
    case 'ros':
      return 1
    case 'production':
      return row.production
    case 'parts':
      return row.parts
    case 'gross_profit':
      return row.production - row.parts_cost
  }
}

export interface MonthSums {
  /** advisor id → month → measure sums */
  byAdvisorMonth: Map<number, Map<string, Record<TargetMeasure, number>>>
}

interface SumRow {
  advisor_id: number
  m: string
  ros: number
  production: number
  parts: number
  gross_profit: number
}

// raw SQL: the same rows summed per advisor and local month (the settlement's local ISO text
// carries its month in its first seven characters). One person's card asks for its advisor
// only, so the three correlated sums run for that advisor's ROs, not the whole department's.
// Gross profit is the difference of the sums, so production's sum is not asked twice per RO.
const monthSums = (from: string, to: string, advisorId: number | null) => sql<SumRow>`
  WITH st AS (${standing(from, to)}),
  ro AS (
    SELECT r.advisor_id, substr(st.at, 1, 7) AS m,
           COALESCE((SELECT SUM(i.net_fen) FROM invoices i WHERE i.settlement_id = st.id AND i.kind = 'invoice'), 0) AS production,
           COALESCE((SELECT SUM(l.amount_fen) FROM ro_lines l WHERE l.ro_id = r.id AND l.kind = 'part'), 0) AS parts,
           COALESCE((SELECT -SUM(m.value_fen) FROM stock_moves m WHERE m.ref_type = 'ro' AND m.ref_id = r.id AND m.kind IN ('issue', 'return')), 0) AS parts_cost
      FROM st JOIN repair_orders r ON r.id = st.ro_id
     ${advisorId === null ? sql`` : sql`WHERE r.advisor_id = ${advisorId}`})
  SELECT advisor_id, m, COUNT(*) AS ros, SUM(production) AS production, SUM(parts) AS parts, SUM(production) - SUM(parts_cost) AS gross_profit
    FROM ro GROUP BY advisor_id, m`

/** The measures per advisor (every one, or only `advisorId`) and month over the months `first`…`last` (`YYYY-MM`). */
export function sumsByAdvisorMonth(ctx: Pick<Ctx, 'store' | 'timeZone'>, first: string, last: string, advisorId: number | null = null): MonthSums {
  const from = monthBounds(first, ctx.timeZone).from
  const to = monthBounds(last, ctx.timeZone).to
  const out: MonthSums = { byAdvisorMonth: new Map() }
  for (const r of sqlAll(ctx.store, monthSums(from, to, advisorId))) {
    const byMonth = out.byAdvisorMonth.get(r.advisor_id) ?? new Map<string, Record<TargetMeasure, number>>()
    byMonth.set(r.m, { ros: r.ros, production: r.production, parts: r.parts, gross_profit: r.gross_profit })
    out.byAdvisorMonth.set(r.advisor_id, byMonth)
  }
  return out
}

/** A measure summed over advisors (all, or one) and months (all in range, or the ones named). */
export function total(sums: MonthSums, measure: TargetMeasure, filter: { userId?: number; months?: readonly string[] } = {}): number {
  let t = 0
  for (const [advisor, byMonth] of sums.byAdvisorMonth) {
    if (filter.userId !== undefined && advisor !== filter.userId) continue
    for (const [m, v] of byMonth) if (!filter.months || filter.months.includes(m)) t += v[measure]
  }
  return t
}
