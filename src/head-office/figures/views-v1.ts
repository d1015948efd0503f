import { MAINTENANCE_SETTLEMENT_DAYS } from '../../shared/domain/settlement-deadline'
import { FIGURES_V1 as FIGURES } from './views'

// Frozen: head-office migration 3's figures (export schema version 1 as first released), kept
// word for word so a new database is built exactly as the first ones were; migration 5 replaces
// figures.monthly with the rules of views.ts. Do not edit: change views.ts and add a migration.
//
// The group's figures per dealership and month, as the dealership's own targets dashboard and
// workshop report compute them (src/main/rules/dashboard.ts, src/main/workshop/reports.ts), with
// the manual's default parameters. "Now" for a dealership is the cut-off of its last applied
// batch: settlement still within its deadline is left out until the deadline passes, the current
// month's stock ratio uses the last 30 days, exactly like its dashboard at that moment.
// Every figure is a numerator, a denominator and a value rounded half up like mulDivRound.

const TURNOVER_MONTHS = 12
const OUTBOUND_DAYS = 30
const ts = (c: string) => `(${c})::timestamptz`

const SETTLEMENT = `
  SELECT r.dealer_code, left(r.completed_at, 7) AS month, 'maintenance_settlement' AS figure,
         sum(CASE WHEN r.settled_at IS NOT NULL AND extract(epoch FROM ${ts('r.settled_at')} - ${ts('r.completed_at')}) <= ${MAINTENANCE_SETTLEMENT_DAYS * 86400} THEN 1 ELSE 0 END) AS n,
         sum(CASE WHEN r.settled_at IS NULL AND extract(epoch FROM ${ts('d.last_cutoff')} - ${ts('r.completed_at')}) <= ${MAINTENANCE_SETTLEMENT_DAYS * 86400} THEN 0 ELSE 1 END) AS d
    FROM warehouse.repair_orders r JOIN loader.dealers d USING (dealer_code)
   WHERE r.completed_at IS NOT NULL AND r.state <> 'cancelled' AND r.type = 'maintenance' GROUP BY 1, 2
  UNION ALL
  SELECT r.dealer_code, left(r.completed_at, 7), 'insurance_settlement',
         sum(CASE WHEN r.settled_at IS NOT NULL AND left(r.settled_at, 7) = left(r.completed_at, 7) THEN 1 ELSE 0 END),
         sum(CASE WHEN r.settled_at IS NULL AND left(r.completed_at, 7) = left(d.last_cutoff, 7) THEN 0 ELSE 1 END)
    FROM warehouse.repair_orders r JOIN loader.dealers d USING (dealer_code)
   WHERE r.completed_at IS NOT NULL AND r.state <> 'cancelled' AND r.type = 'insurance' GROUP BY 1, 2
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
const LEDGER = `
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
     WHERE m.kind IN ('issue', 'return') AND ${ts('m.at')} >= ${ts('d.last_cutoff')} - interval '${OUTBOUND_DAYS} days' GROUP BY 1),
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
  windows AS (
    SELECT *, sum(outbound) OVER w12 AS issued, sum(end_value) OVER w13 AS ends
      FROM monthly WINDOW w12 AS (PARTITION BY dealer_code ORDER BY month ROWS ${TURNOVER_MONTHS - 1} PRECEDING),
                          w13 AS (PARTITION BY dealer_code ORDER BY month ROWS ${TURNOVER_MONTHS} PRECEDING))
  SELECT w.dealer_code, w.month, 'stock_vs_outbound' AS figure, w.end_value AS n,
         CASE WHEN w.month = w.cur THEN coalesce(r.outbound, 0) ELSE w.outbound END AS d
    FROM windows w LEFT JOIN recent r USING (dealer_code)
  UNION ALL
  -- Months before the first move held nothing, so the 13-point average counts them as zero.
  SELECT dealer_code, month, 'turnover', greatest(issued, 0), round(ends::numeric / ${TURNOVER_MONTHS + 1})::bigint FROM windows`

const PARTS = `
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
  SELECT dealer_code, month, 'slow_moving', slow_fen, total_fen FROM figures.slow_moving_by_month`

const ACTIVITY = `
  SELECT dealer_code, left(opened_at, 7) AS month, 'ros_opened' AS figure, count(*) AS n, NULL::bigint AS d
    FROM warehouse.repair_orders GROUP BY 1, 2
  UNION ALL
  SELECT dealer_code, left(settled_at, 7), 'revenue_net_fen', sum(net_fen), NULL FROM warehouse.repair_orders
   WHERE settled_at IS NOT NULL GROUP BY 1, 2
  UNION ALL
  SELECT j.dealer_code, left(j.finished_at, 7), 'hours_sold_milli', sum(j.sold_hours_milli), NULL
    FROM warehouse.ro_jobs j JOIN warehouse.users u ON u.dealer_code = j.dealer_code AND u.id = j.technician_id
   WHERE j.state = 'done' AND j.finished_at IS NOT NULL GROUP BY 1, 2
  UNION ALL
  -- Sold hours (thousandths) over clocked milliseconds: a thousandth of an hour is 3600 ms.
  SELECT j.dealer_code, left(j.finished_at, 7), 'technician_efficiency', sum(j.sold_hours_milli) * 3600,
         sum(coalesce(c.ms, 0))
    FROM warehouse.ro_jobs j JOIN warehouse.users u ON u.dealer_code = j.dealer_code AND u.id = j.technician_id
    JOIN loader.dealers d ON d.dealer_code = j.dealer_code
    LEFT JOIN LATERAL (SELECT sum(greatest(extract(epoch FROM ${ts('coalesce(s.ended_at, d.last_cutoff)')} - ${ts('s.started_at')}), 0) * 1000)::bigint AS ms
                         FROM warehouse.job_time_segments s WHERE s.dealer_code = j.dealer_code AND s.job_id = j.id) c ON true
   WHERE j.state = 'done' AND j.finished_at IS NOT NULL GROUP BY 1, 2`

export const FIGURES_SQL_V1 = `
  CREATE SCHEMA figures;
  CREATE INDEX stock_moves_part ON warehouse.stock_moves (dealer_code, part_id, id);
  -- The slow-moving share of a past month cannot be rebuilt from the ledger cheaply; like the
  -- dealership's own monthly snapshot, each applied batch records its month's figure.
  CREATE TABLE figures.slow_moving_by_month (
    dealer_code text NOT NULL, month text NOT NULL, slow_fen bigint NOT NULL, total_fen bigint NOT NULL,
    as_of text NOT NULL, PRIMARY KEY (dealer_code, month));
  CREATE TABLE figures.targets (figure text PRIMARY KEY, unit text NOT NULL, min bigint, max bigint);
  INSERT INTO figures.targets VALUES ${FIGURES.map((f) => `('${f.key}', '${f.unit}', ${f.min ?? 'NULL'}, ${f.max ?? 'NULL'})`).join(', ')};
  CREATE MATERIALIZED VIEW figures.monthly AS
  SELECT f.dealer_code, f.month, f.figure, f.n::bigint AS numerator, f.d::bigint AS denominator,
         CASE WHEN t.unit IN ('count', 'fen', 'milli') THEN f.n::bigint
              WHEN f.figure = 'turnover' THEN CASE WHEN f.d > 0 THEN round(f.n::numeric * 100 / f.d)::bigint END
              WHEN f.figure = 'technician_efficiency' THEN CASE WHEN f.d > 0 THEN round(f.n::numeric * 10000 / f.d)::bigint END
              WHEN t.unit = 'centi' THEN CASE WHEN f.d > 0 THEN round(f.n::numeric * 100 / f.d)::bigint END
              ELSE CASE WHEN f.d > 0 THEN round(f.n::numeric * 10000 / f.d)::bigint END END AS value
    FROM ((${SETTLEMENT}) UNION ALL (${LEDGER}) UNION ALL (${PARTS}) UNION ALL (${ACTIVITY})) f
    JOIN figures.targets t ON t.figure = f.figure
   WHERE f.month IS NOT NULL;
  CREATE UNIQUE INDEX monthly_key ON figures.monthly (month, figure, dealer_code);`
