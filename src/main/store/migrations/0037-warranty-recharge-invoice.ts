import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: a claim's difference re-charged (to the RO's customer, or to the dealership's internal
// account) raises an invoice of its own in the settlement ledger; the write-off points at it. One
// invoice per write-off at most, so applying the same payment list again cannot raise a second one.
// Write-offs re-charged before this migration keep no invoice (they were recorded only).
export const m0037: Migration = {
  name: '0037-warranty-recharge-invoice',
  up: (db) =>
    runSteps(db, [
      `ALTER TABLE warranty_write_offs ADD COLUMN recharge_invoice_id INTEGER REFERENCES invoices(id)`,
      `CREATE UNIQUE INDEX warranty_write_offs_recharge ON warranty_write_offs(recharge_invoice_id) WHERE recharge_invoice_id IS NOT NULL`,
    ]),
}
