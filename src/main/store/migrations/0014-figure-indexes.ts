import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: the dashboard's running-month figures read an index alone (same names, now covering):
// - the fill rate counts part requests by `first_at` and sums `served_from_stock`;
// - the settlement figures count ROs by `completed_at`, looking at their type, state and
//   `settled_at`.
// Measured on the bench data set (200k ROs, 2M moves): the maintenance figure's running month
// 10 ms → 2 ms, the fill rate's 20 ms → 8 ms.
export const m0014: Migration = {
  name: '0014-figure-indexes',
  up: (db) =>
    runSteps(db, [
      `DROP INDEX part_requests_first`,
      `CREATE INDEX part_requests_first ON part_requests(first_at, served_from_stock)`,
      `DROP INDEX repair_orders_completed`,
      `CREATE INDEX repair_orders_completed ON repair_orders(completed_at, type, state, settled_at)`,
    ]),
}
