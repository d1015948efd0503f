import Database from 'better-sqlite3'
const db = new Database('/tmp/bd.sqlite', { readonly: true })
const ST = `WITH st AS (SELECT s.id, s.ro_id, s.at FROM settlements s WHERE s.kind = 'settle' AND s.at >= '2026-10-01' AND s.at < '2027-01-01' AND NOT EXISTS (SELECT 1 FROM settlements x WHERE x.reverses_id = s.id))`
const body = (w) => `${ST}, ro AS (SELECT r.advisor_id, substr(st.at, 1, 7) AS m, COALESCE((SELECT SUM(i.net_fen) FROM invoices i WHERE i.settlement_id = st.id AND i.kind = 'invoice'), 0) AS production, COALESCE((SELECT SUM(l.amount_fen) FROM ro_lines l WHERE l.ro_id = r.id AND l.kind = 'part'), 0) AS parts, COALESCE((SELECT -SUM(m.value_fen) FROM stock_moves m WHERE m.ref_type = 'ro' AND m.ref_id = r.id AND m.kind IN ('issue', 'return')), 0) AS parts_cost FROM st JOIN repair_orders r ON r.id = st.ro_id ${w}) SELECT advisor_id, m, COUNT(*) AS ros, SUM(production) AS production, SUM(parts) AS parts, SUM(production) - SUM(parts_cost) AS gross_profit FROM ro GROUP BY advisor_id, m`
const variants = { all: body(''), adv: body('WHERE r.advisor_id = 3'), advPlus: body('WHERE +r.advisor_id = 3'), count: `${ST} SELECT r.advisor_id, COUNT(*) FROM st JOIN repair_orders r ON r.id = st.ro_id GROUP BY 1` }
for (const [k, q] of Object.entries(variants)) {
  const s = db.prepare(q); let best = 1e9
  for (let i = 0; i < 7; i++) { const t = performance.now(); s.all(); best = Math.min(best, performance.now() - t) }
  console.log(k, best.toFixed(1), 'ms')
}
