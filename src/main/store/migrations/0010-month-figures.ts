import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: the dashboard's figures for months that have ended, kept once computed, and dropped by
// triggers when a row they were computed from changes (the next read computes them again):
// - stock figures are read from the ledger as it stood at the month's end, so a stock move
//   recorded (or altered) before that end drops every kept month ending after it;
// - settlement figures count the ROs completed in the month, so a change to an RO's completion,
//   settlement, state or type drops its completion month's;
// - the fill rate counts the part requests first made in the month, so a request added, removed
//   or changed in its date or its service from stock drops that month's;
// - the insurance collection figure counts the invoices issued in the month, so a change to an
//   invoice or to a payment on it drops its issue month's.
// `numerator` / `denominator` hold the figure's two sums (what each figure keeps is written
// beside its reader in rules/month-figures.ts).
export const m0010: Migration = {
  name: '0010-month-figures',
  up: (db) =>
    runSteps(db, [
      `CREATE TABLE month_figures (
        figure TEXT NOT NULL,
        variant TEXT NOT NULL,
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
        month_end TEXT NOT NULL,
        numerator INTEGER NOT NULL,
        denominator INTEGER NOT NULL,
        computed_at TEXT NOT NULL,
        PRIMARY KEY (figure, variant, month)
      ) STRICT`,
      `CREATE INDEX month_figures_end ON month_figures(month_end)`,
      // The running month's sums over the ledger (value moved, cost issued) read the index alone:
      // same name, now covering what those sums need.
      `DROP INDEX stock_moves_at`,
      `CREATE INDEX stock_moves_at ON stock_moves(at, kind, value_fen)`,
      `CREATE TRIGGER month_figures_move_insert AFTER INSERT ON stock_moves
         WHEN NEW.at < (SELECT MAX(month_end) FROM month_figures)
       BEGIN DELETE FROM month_figures WHERE month_end > NEW.at; END`,
      `CREATE TRIGGER month_figures_move_update AFTER UPDATE ON stock_moves
       BEGIN DELETE FROM month_figures WHERE month_end > MIN(OLD.at, NEW.at); END`,
      `CREATE TRIGGER month_figures_move_delete AFTER DELETE ON stock_moves
       BEGIN DELETE FROM month_figures WHERE month_end > OLD.at; END`,
      `CREATE TRIGGER month_figures_request_insert AFTER INSERT ON part_requests
       BEGIN DELETE FROM month_figures WHERE figure = 'fill_rate' AND month = substr(NEW.first_at, 1, 7); END`,
      `CREATE TRIGGER month_figures_request_update AFTER UPDATE OF first_at, served_from_stock ON part_requests
       BEGIN DELETE FROM month_figures WHERE figure = 'fill_rate' AND month IN (substr(OLD.first_at, 1, 7), substr(NEW.first_at, 1, 7)); END`,
      `CREATE TRIGGER month_figures_request_delete AFTER DELETE ON part_requests
       BEGIN DELETE FROM month_figures WHERE figure = 'fill_rate' AND month = substr(OLD.first_at, 1, 7); END`,
      `CREATE TRIGGER month_figures_ro_insert AFTER INSERT ON repair_orders WHEN NEW.completed_at IS NOT NULL
       BEGIN DELETE FROM month_figures WHERE figure IN ('maintenance_settlement', 'insurance_settlement') AND month = substr(NEW.completed_at, 1, 7); END`,
      `CREATE TRIGGER month_figures_ro_update AFTER UPDATE OF completed_at, settled_at, state, type ON repair_orders
         WHEN OLD.completed_at IS NOT NULL OR NEW.completed_at IS NOT NULL
       BEGIN DELETE FROM month_figures WHERE figure IN ('maintenance_settlement', 'insurance_settlement')
               AND month IN (substr(OLD.completed_at, 1, 7), substr(NEW.completed_at, 1, 7)); END`,
      `CREATE TRIGGER month_figures_ro_delete AFTER DELETE ON repair_orders WHEN OLD.completed_at IS NOT NULL
       BEGIN DELETE FROM month_figures WHERE figure IN ('maintenance_settlement', 'insurance_settlement') AND month = substr(OLD.completed_at, 1, 7); END`,
      `CREATE TRIGGER month_figures_invoice_insert AFTER INSERT ON invoices
       BEGIN DELETE FROM month_figures WHERE figure = 'insurance_collection' AND month = substr(NEW.issued_at, 1, 7); END`,
      `CREATE TRIGGER month_figures_invoice_update AFTER UPDATE ON invoices
       BEGIN DELETE FROM month_figures WHERE figure = 'insurance_collection' AND month IN (substr(OLD.issued_at, 1, 7), substr(NEW.issued_at, 1, 7)); END`,
      `CREATE TRIGGER month_figures_invoice_delete AFTER DELETE ON invoices
       BEGIN DELETE FROM month_figures WHERE figure = 'insurance_collection' AND month = substr(OLD.issued_at, 1, 7); END`,
      `CREATE TRIGGER month_figures_payment_insert AFTER INSERT ON payments
       BEGIN DELETE FROM month_figures WHERE figure = 'insurance_collection'
               AND month = (SELECT substr(issued_at, 1, 7) FROM invoices WHERE id = NEW.invoice_id); END`,
      `CREATE TRIGGER month_figures_payment_update AFTER UPDATE ON payments
       BEGIN DELETE FROM month_figures WHERE figure = 'insurance_collection'
               AND month IN (SELECT substr(issued_at, 1, 7) FROM invoices WHERE id IN (OLD.invoice_id, NEW.invoice_id)); END`,
      `CREATE TRIGGER month_figures_payment_delete AFTER DELETE ON payments
       BEGIN DELETE FROM month_figures WHERE figure = 'insurance_collection'
               AND month = (SELECT substr(issued_at, 1, 7) FROM invoices WHERE id = OLD.invoice_id); END`,
    ]),
}
