import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: the department's actuals (per advisor and month, from the standing settlements) read
// through indexes instead of scanning:
// - standing settlements of a period by kind and time;
// - one advisor's ROs (the scorecard's sums and settlement timeliness) by advisor and completion;
// - an RO's parts cost from its stock moves by the index alone (same name, now covering kind and
//   value).
// Measured on the bench data set (100k ROs, 12k settlements in the quarter): one advisor's
// quarter 50 ms → 16 ms, every advisor's 167 ms → 105 ms.
export const m0029: Migration = {
  name: '0029-scorecard-indexes',
  up: (db) =>
    runSteps(db, [
      `CREATE INDEX settlements_kind_at ON settlements(kind, at)`,
      `CREATE INDEX repair_orders_advisor ON repair_orders(advisor_id, completed_at)`,
      `DROP INDEX stock_moves_ref`,
      `CREATE INDEX stock_moves_ref ON stock_moves(ref_type, ref_id, kind, value_fen)`,
    ]),
}
