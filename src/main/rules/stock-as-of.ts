import { sql, type RawBuilder } from 'kysely'
import { sqlFirst } from '../store/query'
import type { EvalEnv } from './context'

// raw SQL (sql tag): CTEs, correlated LIMIT 1 walks and per-month CASE columns that the builder
// cannot say well, shared as fragments by the dashboard's figures and their drill-downs.
// Each part's stock as it stood at a past instant, rebuilt from the ledger: today's balance less
// every move since (the same subtraction the dashboard's month-end totals make), and the last
// issue / receipt / move before that instant. Parts that have not moved since keep their
// part_stock columns, so only the parts moved since need an index seek on stock_moves_part.
// Both the dashboard's figures and their drill-downs read these rows, so a figure is always the
// sum of the rows it lists.

// Newest first with LIMIT 1 walks the part's index entries back only to the first match; MAX(at)
// with the kind filter would read every move of the part (kind is not in the index). COALESCE
// stops at the first non-null, so a part issued recently costs one short walk.
const lastBefore = (asOf: string, kind: RawBuilder<unknown>) =>
  sql`(SELECT m.at FROM stock_moves m WHERE m.part_id = s.part_id AND m.at < ${asOf} ${kind} ORDER BY m.at DESC LIMIT 1)`
const ISSUE = sql`AND m.kind = 'issue'`
const RECEIPT = sql`AND m.kind = 'receipt'`
const ANY = sql``

/**
 * The CTEs `later` and `as_of` for `WITH …`: moves at or after `asOf` are undone (a running month
 * is read at its end, so a move posted this very second still counts). Columns of as_of: part_id,
 * on_hand, value, last_issue_at, last_activity_at (the last issue, else receipt, else any move).
 */
export function stockAsOfCte(asOf: string): RawBuilder<unknown> {
  return sql`
  later AS (
    SELECT part_id, SUM(quantity_milli) AS q, SUM(value_fen) AS v FROM stock_moves WHERE at >= ${asOf} GROUP BY part_id),
  as_of AS (
    SELECT s.part_id, s.on_hand_milli - COALESCE(l.q, 0) AS on_hand, s.value_fen - COALESCE(l.v, 0) AS value,
           CASE WHEN l.part_id IS NULL THEN s.last_issue_at ELSE ${lastBefore(asOf, ISSUE)} END AS last_issue_at,
           CASE WHEN l.part_id IS NULL THEN COALESCE(s.last_issue_at, s.last_receipt_at, s.last_move_at)
                ELSE COALESCE(${lastBefore(asOf, ISSUE)}, ${lastBefore(asOf, RECEIPT)}, ${lastBefore(asOf, ANY)}) END AS last_activity_at
      FROM part_stock s LEFT JOIN later l ON l.part_id = s.part_id)`
}

/**
 * Slow-moving (滞销件) as of an instant: in stock then, and its last issue — or, never issued,
 * its last receipt — before `cutoff`. The same rule as measures.ts's slowPart on today's part_stock.
 */
export const slowAsOf = (cutoff: string) => sql<number>`as_of.last_activity_at < ${cutoff}`

export interface SlowTotals {
  slowFen: number
  totalFen: number
}

/**
 * The slow-moving share as of several month ends in one pass over the moves since the first of
 * them (a statement per month would read the ledger a dozen times). Per part and end j: the
 * balance is today's less the moves since end j; the last issue before end j is the newest in
 * [first end, end j), else the last before the first end (one short index walk per part moved
 * since, from part_stock for the rest). `ends` ascending; `cutoffs[j]` belongs to `ends[j]`.
 */
export function slowMovingSeries(env: EvalEnv, ends: readonly string[], cutoffs: readonly string[]): SlowTotals[] {
  if (ends.length === 0) return []
  const first = ends[0]!
  const col = (name: string, j: number) => sql.ref(`${name}${j}`)
  const pcol = (name: string, j: number) => sql.ref(`p.${name}${j}`)
  const aggs = ends.map(
    (end, j) =>
      sql`SUM(CASE WHEN at >= ${end} THEN quantity_milli END) AS ${col('q', j)}, SUM(CASE WHEN at >= ${end} THEN value_fen END) AS ${col('v', j)},
       MAX(CASE WHEN at < ${end} AND kind = 'issue' THEN at END) AS ${col('i', j)}, MAX(CASE WHEN at < ${end} AND kind = 'receipt' THEN at END) AS ${col('r', j)},
       MAX(CASE WHEN at < ${end} THEN at END) AS ${col('m', j)}`,
  )
  const sums = ends.map((_, j) => {
    const onHand = sql`(p.on_hand_milli - COALESCE(${pcol('q', j)}, 0))`
    const value = sql`(p.value_fen - COALESCE(${pcol('v', j)}, 0))`
    const activity = sql`COALESCE(${pcol('i', j)}, p.ib, ${pcol('r', j)}, p.rb, ${pcol('m', j)}, p.mb)`
    return sql`COALESCE(SUM(CASE WHEN ${onHand} > 0 AND ${activity} < ${cutoffs[j]} THEN ${value} END), 0) AS ${col('slow', j)},
       COALESCE(SUM(CASE WHEN ${onHand} > 0 THEN ${value} END), 0) AS ${col('total', j)}`
  })
  const row = sqlFirst<Record<string, number>>(
    env.store,
    sql`WITH agg AS MATERIALIZED (SELECT part_id, ${sql.join(aggs)} FROM stock_moves WHERE at >= ${first} GROUP BY part_id),
            p AS MATERIALIZED (
              SELECT s.on_hand_milli, s.value_fen, agg.*,
                     CASE WHEN agg.part_id IS NULL THEN s.last_issue_at ELSE ${lastBefore(first, ISSUE)} END AS ib,
                     CASE WHEN agg.part_id IS NULL THEN s.last_receipt_at ELSE ${lastBefore(first, RECEIPT)} END AS rb,
                     CASE WHEN agg.part_id IS NULL THEN s.last_move_at ELSE ${lastBefore(first, ANY)} END AS mb
                FROM part_stock s LEFT JOIN agg ON agg.part_id = s.part_id)
       SELECT ${sql.join(sums)} FROM p`,
  )!
  return ends.map((_, j) => ({ slowFen: row[`slow${j}`] ?? 0, totalFen: row[`total${j}`] ?? 0 }))
}
