import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: the department's actuals (one advisor's quarter on the scorecard, every advisor's on the
// list and the report) read from indexes alone:
// - standing settlements of a period with their RO (settlements_kind_at now covers ro_id);
// - the RO's advisor without reading the RO's row (a narrow index on id and advisor);
// - a settlement's invoice sums and an RO's part-line sums from the index (kind and amount).
// - the warranty desk's ROs without a claim: an RO's warranty lines from a partial index.
// Measured on the bench data set (100k ROs, 12k settlements in the quarter): one advisor's quarter
// 21 ms → 11 ms; the warranty desk's ROs without a claim (with the query walking completion time)
// 117 ms → 3 ms.
export const m0035: Migration = {
  name: '0035-actuals-covering-indexes',
  up: (db) =>
    runSteps(db, [
      `DROP INDEX settlements_kind_at`,
      `CREATE INDEX settlements_kind_at ON settlements(kind, at, ro_id)`,
      `DROP INDEX invoices_settlement`,
      `CREATE INDEX invoices_settlement ON invoices(settlement_id, kind, net_fen)`,
      `CREATE INDEX ro_lines_kind_amount ON ro_lines(ro_id, kind, amount_fen)`,
      `CREATE INDEX repair_orders_advisor_of ON repair_orders(id, advisor_id)`,
      `CREATE INDEX ro_lines_warranty ON ro_lines(ro_id, amount_fen) WHERE payer = 'warranty'`,
    ]),
}
