import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: advisors find a customer by the last four digits of the mobile number (a customer
// reads them out; the desk types them). An index on the expression keeps that an index search.
export const m0009: Migration = {
  name: '0009-mobile-tail',
  up: (db) => runSteps(db, [`CREATE INDEX customers_mobile_tail ON customers(substr(mobile, -4), mobile)`]),
}
