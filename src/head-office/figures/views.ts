import { MAINTENANCE_SETTLEMENT_DAYS } from '../../shared/domain/settlement-deadline'
import {
  FILL_RATE_MIN_BP,
  SAFETY_STOCK_FACTOR_BP,
  SLOW_MOVING_MAX_SHARE_BP,
  SLOW_MOVING_MONTHS,
  STOCKTAKE_VARIANCE_MAX_BP,
  TURNOVER_MAX_CENTI,
  TURNOVER_MIN_CENTI,
} from '../../shared/domain/stock-rules'
import { DEFAULT_MIN_SEGMENT_MINUTES } from '../../shared/domain/workshop-clock'
import { FOLLOW_UP_IN_TIME_TARGET_BP } from '../../shared/domain/care'
import { FIRST_PASS_TARGET_BP } from '../../shared/domain/warranty-figures'

// The group's figures per dealership and month, as the dealership's own targets dashboard and
// workshop report compute them (src/main/rules/dashboard.ts, src/main/workshop/reports.ts), with
// each dealership's own rule parameters (figures.dealer_rules: the rule_params it sent, the
// manual's defaults where it sent none; migration 5 built it with the defaults for everyone). "Now" for a dealership is the cut-off of its last applied
// batch: settlement still within its deadline is left out until the deadline passes, the current
// month's stock ratio uses the last 30 days, exactly like its dashboard at that moment.
// Migration 3 built the first version (views-v1.ts); migrations 5 and 6 rebuilt figures.monthly from this.
// Every figure is a numerator, a denominator and a value rounded half up like mulDivRound.

/** Migration 3's figures, their unit and the manual's band (null: no bound on that side); frozen with it. */
export const FIGURES_V1 = [
  { key: 'maintenance_settlement', unit: 'bp', min: 10_000, max: null },
  { key: 'insurance_settlement', unit: 'bp', min: 10_000, max: null },
  { key: 'insurance_collection', unit: 'bp', min: 10_000, max: null },
  { key: 'stock_vs_outbound', unit: 'centi', min: null, max: SAFETY_STOCK_FACTOR_BP / 100 },
  { key: 'slow_moving', unit: 'bp', min: null, max: SLOW_MOVING_MAX_SHARE_BP },
  { key: 'turnover', unit: 'centi', min: TURNOVER_MIN_CENTI, max: TURNOVER_MAX_CENTI },
  { key: 'fill_rate', unit: 'bp', min: FILL_RATE_MIN_BP, max: null },
  { key: 'stocktake_variance', unit: 'bp', min: null, max: STOCKTAKE_VARIANCE_MAX_BP },
  { key: 'ros_opened', unit: 'count', min: null, max: null },
  { key: 'revenue_net_fen', unit: 'fen', min: null, max: null },
  { key: 'hours_sold_milli', unit: 'milli', min: null, max: null },
  { key: 'technician_efficiency', unit: 'bp', min: null, max: null },
] as const

/** Added by migration 11 (export schema versions 3 and 4): the warranty desk's and the care desk's. */
export const FIGURES_11 = [
  { key: 'claim_first_pass', unit: 'bp', min: FIRST_PASS_TARGET_BP, max: null },
  { key: 'followup_in_time', unit: 'bp', min: FOLLOW_UP_IN_TIME_TARGET_BP, max: null },
] as const

/** Every figure of figures.monthly, in the report's order. */
export const FIGURES = [...FIGURES_V1, ...FIGURES_11] as const
export type FigureKey = (typeof FIGURES)[number]['key']

const ts = (c: string) => `(${c})::timestamptz`

/** The rule parameters a figure is computed with, one row per dealer (alias `p` in the figures). */
export const DEALER_RULES_SQL = `
  CREATE VIEW figures.dealer_rules AS
  WITH sent AS (
    SELECT d.dealer_code, coalesce(jsonb_object_agg(r.rule, r.params::jsonb) FILTER (WHERE r.rule IS NOT NULL), '{}') AS j
      FROM loader.dealers d LEFT JOIN warehouse.rule_params r USING (dealer_code) GROUP BY 1)
  SELECT dealer_code,
         coalesce((j #>> '{maintenance_settlement_overdue,days}')::int, ${MAINTENANCE_SETTLEMENT_DAYS}) AS maintenance_days,
         coalesce((SELECT array_agg(t) FROM jsonb_array_elements_text(j #> '{maintenance_settlement_overdue,roTypes}') t), ARRAY['maintenance']) AS maintenance_types,
         coalesce((SELECT array_agg(t) FROM jsonb_array_elements_text(j #> '{insurance_settlement_month_end,roTypes}') t), ARRAY['insurance']) AS insurance_types,
         coalesce((j #>> '{stock_value_vs_outbound,days}')::int, 30) AS outbound_days,
         coalesce((j #>> '{stock_turnover,months}')::int, 12) AS turnover_months,
         coalesce((j #>> '{slow_moving_share,months}')::int, ${SLOW_MOVING_MONTHS}) AS slow_months,
         coalesce((j #>> '{clock_minimum,minSegmentMinutes}')::int, ${DEFAULT_MIN_SEGMENT_MINUTES}) AS min_segment_minutes,
         -- The dealership's own bands (the group report colours by the manual's: figures.targets).
         coalesce((j #>> '{stock_value_vs_outbound,factorBp}')::int, ${SAFETY_STOCK_FACTOR_BP}) AS stock_factor_bp,
         coalesce((j #>> '{slow_moving_share,maxShareBp}')::int, ${SLOW_MOVING_MAX_SHARE_BP}) AS slow_max_share_bp,
         coalesce((j #>> '{stock_turnover,minCenti}')::int, ${TURNOVER_MIN_CENTI}) AS turnover_min_centi,
         coalesce((j #>> '{stock_turnover,maxCenti}')::int, ${TURNOVER_MAX_CENTI}) AS turnover_max_centi,
         coalesce((j #>> '{fill_rate,minBp}')::int, ${FILL_RATE_MIN_BP}) AS fill_min_bp,
         coalesce((j #>> '{stocktake_variance,maxBp}')::int, ${STOCKTAKE_VARIANCE_MAX_BP}) AS stocktake_max_bp
    FROM sent`

/** Migration 5's figures: the manual's defaults for every dealer, in the shape of figures.dealer_rules. */
const DEFAULT_RULES = `SELECT dealer_code, ${MAINTENANCE_SETTLEMENT_DAYS} AS maintenance_days, ARRAY['maintenance'] AS maintenance_types,
    ARRAY['insurance'] AS insurance_types, 30 AS outbound_days, 12 AS turnover_months, ${SLOW_MOVING_MONTHS} AS slow_months,
    ${DEFAULT_MIN_SEGMENT_MINUTES} AS min_segment_minutes FROM loader.dealers`

const SETTLEMENT = (RULES: string) => `
  SELECT r.dealer_code, left(r.completed_at, 7) AS month, 'maintenance_settlement' AS figure,
         sum(CASE WHEN r.settled_at IS NOT NULL AND extract(epoch FROM ${ts('r.settled_at')} - ${ts('r.completed_at')}) <= p.maintenance_days * 86400 THEN 1 ELSE 0 END) AS n,
         sum(CASE WHEN r.settled_at IS NULL AND extract(epoch FROM ${ts('d.last_cutoff')} - ${ts('r.completed_at')}) <= p.maintenance_days * 86400 THEN 0 ELSE 1 END) AS d
    FROM warehouse.repair_orders r JOIN loader.dealers d USING (dealer_code) JOIN ${RULES} p USING (dealer_code)
   WHERE r.completed_at IS NOT NULL AND r.state <> 'cancelled' AND r.type = ANY(p.maintenance_types) GROUP BY 1, 2
  UNION ALL
  SELECT r.dealer_code, left(r.completed_at, 7), 'insurance_settlement',
         sum(CASE WHEN r.settled_at IS NOT NULL AND left(r.settled_at, 7) = left(r.completed_at, 7) THEN 1 ELSE 0 END),
         sum(CASE WHEN r.settled_at IS NULL AND left(r.completed_at, 7) = left(d.last_cutoff, 7) THEN 0 ELSE 1 END)
    FROM warehouse.repair_orders r JOIN loader.dealers d USING (dealer_code) JOIN ${RULES} p USING (dealer_code)
   WHERE r.completed_at IS NOT NULL AND r.state <> 'cancelled' AND r.type = ANY(p.insurance_types) GROUP BY 1, 2
  UNION ALL
  SELECT i.dealer_code, left(i.issued_at, 7), 'insurance_collection',
         sum(CASE WHEN coalesce(p.same_month, 0) >= i.gross_fen THEN 1 ELSE 0 END),
         sum(CASE WHEN left(i.issued_at, 7) = left(d.last_cutoff, 7) AND coalesce(p.total, 0) < i.gross_fen THEN 0 ELSE 1 END)
    FROM warehouse.invoices i JOIN loader.dealers d USING (dealer_code)
    LEFT JOIN LATERAL (SELECT sum(p.amount_fen) AS total,
                              sum(p.amount_fen) FILTER (WHERE left(p.at, 7) = left(i.issued_at, 7)) AS same_month
                         FROM warehouse.payments p WHERE p.dealer_code = i.dealer_code AND p.invoice_id = i.id) p ON true
   WHERE i.payer = 'insurance' AND i.kind = 'invoice' AND i.state = 'issued' GROUP BY 1, 2`

// Stock value at the end of a month is today's value (each part's balance after its last move)
// less every move after that month; the spine of months runs from the first move to "now".
const LEDGER = (RULES: string) => `
  WITH moved AS (
    SELECT dealer_code, left(at, 7) AS month, sum(value_fen) AS moved,
           coalesce(-sum(value_fen) FILTER (WHERE kind IN ('issue', 'return')), 0) AS outbound
      FROM warehouse.stock_moves GROUP BY 1, 2),
  current AS (
    SELECT dealer_code, sum(value_fen_after) AS value FROM (
      SELECT DISTINCT ON (dealer_code, part_id) dealer_code, value_fen_after FROM warehouse.stock_moves
       ORDER BY dealer_code, part_id, id DESC) last GROUP BY 1),
  recent AS (
    SELECT m.dealer_code, coalesce(-sum(m.value_fen), 0) AS outbound FROM warehouse.stock_moves m JOIN loader.dealers d USING (dealer_code)
      JOIN ${RULES} p USING (dealer_code)
     WHERE m.kind IN ('issue', 'return') AND ${ts('m.at')} >= ${ts('d.last_cutoff')} - interval '1 day' * p.outbound_days GROUP BY 1),
  spine AS (
    SELECT d.dealer_code, to_char(g, 'YYYY-MM') AS month, left(d.last_cutoff, 7) AS cur
      FROM loader.dealers d
      JOIN LATERAL (SELECT min(month) AS first FROM moved WHERE moved.dealer_code = d.dealer_code) f ON f.first IS NOT NULL
      CROSS JOIN LATERAL generate_series(to_date(f.first, 'YYYY-MM'), to_date(left(d.last_cutoff, 7), 'YYYY-MM'), interval '1 month') g),
  monthly AS (
    SELECT s.dealer_code, s.month, s.cur, coalesce(m.outbound, 0) AS outbound,
           c.value - coalesce(sum(coalesce(m.moved, 0)) OVER (PARTITION BY s.dealer_code ORDER BY s.month DESC
             ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS end_value
      FROM spine s JOIN current c USING (dealer_code) LEFT JOIN moved m USING (dealer_code, month)),
  -- The turnover's window is the dealer's own number of months: running sums, less the sum
  -- that many months (plus one for the month-end values) before.
  numbered AS (
    SELECT *, row_number() OVER w AS k, sum(outbound) OVER w AS out_to, sum(end_value) OVER w AS ends_to
      FROM monthly WINDOW w AS (PARTITION BY dealer_code ORDER BY month ROWS UNBOUNDED PRECEDING)),
  windows AS (
    SELECT w.*, p.turnover_months, w.out_to - coalesce(a.out_to, 0) AS issued, w.ends_to - coalesce(b.ends_to, 0) AS ends
      FROM numbered w JOIN ${RULES} p USING (dealer_code)
      LEFT JOIN numbered a ON a.dealer_code = w.dealer_code AND a.k = w.k - p.turnover_months
      LEFT JOIN numbered b ON b.dealer_code = w.dealer_code AND b.k = w.k - p.turnover_months - 1)
  SELECT w.dealer_code, w.month, 'stock_vs_outbound' AS figure, w.end_value AS n,
         CASE WHEN w.month = w.cur THEN coalesce(r.outbound, 0) ELSE w.outbound END AS d
    FROM windows w LEFT JOIN recent r USING (dealer_code)
  UNION ALL
  -- Months before the first move held nothing, so the average of months + 1 ends counts them as zero.
  SELECT dealer_code, month, 'turnover', greatest(issued, 0), round(ends::numeric / (turnover_months + 1))::bigint FROM windows`

// Slow-moving share as of each month's end, rebuilt from the ledger as the dealership's dashboard
// does (src/main/rules/stock-as-of.ts): a part's balance then is today's (after its last move)
// less every move of the later months; its last activity is its last issue before the end, else
// its last receipt, else its last move. Slow when that is before the cut-off: the end less the
// rule's months, or, for the running month, "now" less them (same wall-clock time, day clamped).
// Everything per part comes from one pass over its months with moves (window functions over
// (dealer, part) ordered by month); each such month stands for itself and the months without
// moves up to the next one, and adds its value to those months' sums as a change at its start
// and its end, summed up over the dealer's months. Migration 6's version built the grid of every
// part × month and joined it back to the months and to today's balances: the CTEs' row estimates
// are guesses, so the joins were planned on the dealer alone and compared 54M pairs.
const SLOW_MOVING = (RULES: string) => `
  WITH part_months AS (
    SELECT dealer_code, part_id, left(at, 7) AS month, sum(quantity_milli) AS q, sum(value_fen) AS v,
           max(${ts('at')}) FILTER (WHERE kind = 'issue') AS issued, max(${ts('at')}) FILTER (WHERE kind = 'receipt') AS received,
           max(${ts('at')}) AS moved, max(id) AS last_id,
           (array_agg(on_hand_milli_after ORDER BY id DESC))[1] AS on_hand_after, (array_agg(value_fen_after ORDER BY id DESC))[1] AS value_after
      FROM warehouse.stock_moves GROUP BY 1, 2, 3),
  running AS (
    SELECT dealer_code, part_id, month, lead(month) OVER w AS next_month,
           sum(q) OVER w AS q_to, sum(v) OVER w AS v_to, sum(q) OVER part AS all_q, sum(v) OVER part AS all_v,
           max(issued) OVER w AS issued, max(received) OVER w AS received, max(moved) OVER w AS moved,
           -- Today's balance: after the part's last move (the greatest id), whichever month it is in.
           first_value(on_hand_after) OVER latest AS on_hand, first_value(value_after) OVER latest AS value
      FROM part_months
    WINDOW w AS (PARTITION BY dealer_code, part_id ORDER BY month ROWS UNBOUNDED PRECEDING),
           part AS (PARTITION BY dealer_code, part_id),
           latest AS (PARTITION BY dealer_code, part_id ORDER BY last_id DESC ROWS UNBOUNDED PRECEDING)),
  -- Each part-month with moves stands for itself and the months without moves before the next
  -- one (up to "now"), with the balance and last activity it ends with. Only a positive balance
  -- counts, in the stock value of each of those months, and as slow in those where the activity
  -- is before the cut-off: for a closed month m that is the start of month m + 1 − months (local
  -- time), i.e. from month(activity) + months on; the running month compares with "now" − months.
  spans AS (
    SELECT r.dealer_code, m.first, m.until, m.cur, r.value - (r.all_v - r.v_to) AS value,
           date_trunc('month', coalesce(r.issued, r.received, r.moved) AT TIME ZONE d.time_zone) + interval '1 month' * p.slow_months AS slow_from,
           coalesce(r.issued, r.received, r.moved) < ((${ts('d.last_cutoff')} AT TIME ZONE d.time_zone) - interval '1 month' * p.slow_months) AT TIME ZONE d.time_zone AS slow_now
      FROM running r JOIN loader.dealers d USING (dealer_code) JOIN ${RULES} p USING (dealer_code)
      CROSS JOIN LATERAL (SELECT to_date(r.month, 'YYYY-MM')::timestamp AS first, to_date(left(d.last_cutoff, 7), 'YYYY-MM')::timestamp AS cur) f
      CROSS JOIN LATERAL (SELECT f.first, f.cur, least(coalesce(to_date(r.next_month, 'YYYY-MM')::timestamp - interval '1 month', 'infinity'), f.cur) AS until) m
     WHERE m.first <= m.until AND r.on_hand - (r.all_q - r.q_to) > 0),
  -- What each span adds to (and, after it, takes from) the month-end sums: a running sum over the
  -- dealer's months then gives every month's stock value and slow value without a part × month grid.
  changes AS (
    SELECT dealer_code, at, sum(total) AS total, sum(slow) AS slow FROM (
      SELECT dealer_code, first AS at, value AS total, 0 AS slow FROM spans
      UNION ALL SELECT dealer_code, until + interval '1 month', -value, 0 FROM spans WHERE until < cur
      UNION ALL SELECT dealer_code, greatest(first, slow_from), 0, value FROM spans WHERE greatest(first, slow_from) <= least(until, cur - interval '1 month')
      UNION ALL SELECT dealer_code, least(until, cur - interval '1 month') + interval '1 month', 0, -value FROM spans
       WHERE greatest(first, slow_from) <= least(until, cur - interval '1 month')
      UNION ALL SELECT dealer_code, cur, 0, value FROM spans WHERE until = cur AND slow_now) c GROUP BY 1, 2),
  -- The months from the dealer's first move to "now", as the grid of parts × months had them.
  spine AS (
    SELECT d.dealer_code, g AS at FROM loader.dealers d
      JOIN LATERAL (SELECT min(month) AS first FROM running WHERE running.dealer_code = d.dealer_code) f ON f.first IS NOT NULL
      CROSS JOIN LATERAL generate_series(to_date(f.first, 'YYYY-MM')::timestamp, to_date(left(d.last_cutoff, 7), 'YYYY-MM')::timestamp, interval '1 month') g)
  SELECT s.dealer_code, to_char(s.at, 'YYYY-MM') AS month, 'slow_moving',
         coalesce(sum(c.slow) OVER w, 0), coalesce(sum(c.total) OVER w, 0)
    FROM spine s LEFT JOIN changes c USING (dealer_code, at)
  WINDOW w AS (PARTITION BY s.dealer_code ORDER BY s.at ROWS UNBOUNDED PRECEDING)`

const PARTS = (RULES: string) => `
  SELECT dealer_code, left(first_at, 7) AS month, 'fill_rate' AS figure,
         count(*) FILTER (WHERE served_from_stock) AS n, count(*) AS d
    FROM warehouse.part_requests GROUP BY 1, 2
  UNION ALL
  SELECT st.dealer_code, left(st.decided_at, 7), 'stocktake_variance',
         sum(CASE WHEN l.book_milli > 0 THEN (l.book_value_fen * abs(coalesce(l.counted_milli, l.book_milli) - l.book_milli) * 2 + l.book_milli) / (2 * l.book_milli)
                  ELSE (abs(coalesce(l.counted_milli, l.book_milli) - l.book_milli) * l.unit_cost_fen * 2 + 1000) / 2000 END),
         sum(l.book_value_fen)
    FROM warehouse.stocktakes st JOIN warehouse.stocktake_lines l ON l.dealer_code = st.dealer_code AND l.stocktake_id = st.id
   WHERE st.state = 'approved' AND st.decided_at IS NOT NULL GROUP BY 1, 2
  UNION ALL
  (${SLOW_MOVING(RULES)})`

// A job with a closed clock segment shorter than the minimum that the supervisor has neither
// confirmed nor corrected is held out of sold hours and efficiency alike (efficiencyOf).
const COUNTED_JOB = `NOT EXISTS (SELECT 1 FROM warehouse.job_time_segments h WHERE h.dealer_code = j.dealer_code AND h.job_id = j.id
    AND h.ended_at IS NOT NULL AND h.short_confirmed_at IS NULL AND h.corrected_by IS NULL
    AND ${ts('h.ended_at')} - ${ts('h.started_at')} < interval '1 minute' * p.min_segment_minutes)`

const ACTIVITY = (RULES: string) => `
  SELECT dealer_code, left(opened_at, 7) AS month, 'ros_opened' AS figure, count(*) AS n, NULL::bigint AS d
    FROM warehouse.repair_orders GROUP BY 1, 2
  UNION ALL
  SELECT dealer_code, left(settled_at, 7), 'revenue_net_fen', sum(net_fen), NULL FROM warehouse.repair_orders
   WHERE settled_at IS NOT NULL GROUP BY 1, 2
  UNION ALL
  SELECT j.dealer_code, left(j.finished_at, 7), 'hours_sold_milli', sum(j.sold_hours_milli), NULL
    FROM warehouse.ro_jobs j JOIN warehouse.users u ON u.dealer_code = j.dealer_code AND u.id = j.technician_id
    JOIN ${RULES} p ON p.dealer_code = j.dealer_code
   WHERE j.state = 'done' AND j.finished_at IS NOT NULL AND ${COUNTED_JOB} GROUP BY 1, 2
  UNION ALL
  -- Sold hours (thousandths) over clocked milliseconds: a thousandth of an hour is 3600 ms.
  SELECT j.dealer_code, left(j.finished_at, 7), 'technician_efficiency', sum(j.sold_hours_milli) * 3600,
         sum(coalesce(c.ms, 0))
    FROM warehouse.ro_jobs j JOIN warehouse.users u ON u.dealer_code = j.dealer_code AND u.id = j.technician_id
    JOIN loader.dealers d ON d.dealer_code = j.dealer_code JOIN ${RULES} p ON p.dealer_code = j.dealer_code
    LEFT JOIN LATERAL (SELECT sum(greatest(extract(epoch FROM ${ts('coalesce(s.ended_at, d.last_cutoff)')} - ${ts('s.started_at')}), 0) * 1000)::bigint AS ms
                         FROM warehouse.job_time_segments s WHERE s.dealer_code = j.dealer_code AND s.job_id = j.id) c ON true
   WHERE j.state = 'done' AND j.finished_at IS NOT NULL AND ${COUNTED_JOB} GROUP BY 1, 2`

// The warranty desk's first-submission pass rate (一次赔付率, src/main/rules/warranty-figures.ts)
// per month of the maker's first decision: the status log's one move out of `submitted` (a
// resubmission leaves `resubmitted`), approved ÷ decided. The care desk's follow-ups done in time
// (回访及时率, src/main/rules/care-figures.ts) per month of delivery: done before due ÷ decided
// (done, unreachable, or open past their due time at the dealer's "now"). The dealership compares
// these local ISO texts as strings (SQLite's binary order): COLLATE "C" is the same order here.
const DESKS = `
  SELECT w.dealer_code, left(l.at, 7) AS month, 'claim_first_pass' AS figure,
         count(*) FILTER (WHERE l.to_state = 'approved') AS n, count(*) AS d
    FROM warehouse.warranty_claim_log l
    JOIN warehouse.warranty_claims w ON w.dealer_code = l.dealer_code AND w.id = l.claim_id
    JOIN warehouse.repair_orders r ON r.dealer_code = w.dealer_code AND r.id = w.ro_id
   WHERE l.from_state = 'submitted' AND l.to_state IN ('approved', 'returned', 'rejected') GROUP BY 1, 2
  UNION ALL
  SELECT f.dealer_code, left(f.delivered_at, 7), 'followup_in_time',
         sum(CASE WHEN f.state = 'done' AND f.closed_at COLLATE "C" < f.due_at THEN 1 ELSE 0 END),
         sum(CASE WHEN f.state = 'open' AND d.last_cutoff COLLATE "C" < f.due_at THEN 0 ELSE 1 END)
    FROM warehouse.care_followups f JOIN loader.dealers d USING (dealer_code) GROUP BY 1, 2`

/**
 * figures.monthly over the warehouse: migration 5 dropped migration 3's and built it with the
 * manual's defaults (`perDealer` false); migration 6 rebuilt it with each dealer's own parameters;
 * migration 11 added the warranty and care desks' figures (`desks`).
 */
export const monthlySql = (perDealer: boolean, desks = false) => {
  // One row per dealer, computed once for the whole refresh (a view joined into every figure
  // would be recomputed on each probe of a nested loop).
  const RULES = 'rules'
  return `
  CREATE MATERIALIZED VIEW figures.monthly AS
  WITH rules AS MATERIALIZED (${perDealer ? 'SELECT * FROM figures.dealer_rules' : DEFAULT_RULES})
  SELECT f.dealer_code, f.month, f.figure, f.n::bigint AS numerator, f.d::bigint AS denominator,
         CASE WHEN t.unit IN ('count', 'fen', 'milli') THEN f.n::bigint
              -- Issued over the dealer's months, annualised (× 12 ÷ months, rounded) as its dashboard does.
              WHEN f.figure = 'turnover' THEN CASE WHEN f.d > 0 THEN round(round(f.n::numeric * 12 / p.turnover_months) * 100 / f.d)::bigint END
              WHEN f.figure = 'technician_efficiency' THEN CASE WHEN f.d > 0 THEN round(f.n::numeric * 10000 / f.d)::bigint END
              WHEN t.unit = 'centi' THEN CASE WHEN f.d > 0 THEN round(f.n::numeric * 100 / f.d)::bigint END
              ELSE CASE WHEN f.d > 0 THEN round(f.n::numeric * 10000 / f.d)::bigint END END AS value
    FROM ((${SETTLEMENT(RULES)}) UNION ALL (${LEDGER(RULES)}) UNION ALL (${PARTS(RULES)}) UNION ALL (${ACTIVITY(RULES)})${desks ? ` UNION ALL (${DESKS})` : ''}) f
    JOIN figures.targets t ON t.figure = f.figure JOIN ${RULES} p ON p.dealer_code = f.dealer_code
   WHERE f.month IS NOT NULL;
  CREATE UNIQUE INDEX monthly_key ON figures.monthly (month, figure, dealer_code);`
}
