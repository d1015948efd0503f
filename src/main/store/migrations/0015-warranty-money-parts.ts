import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: warranty money. A maker's payment list (保修付款清单) is kept as one import row; each claim
// it settles gets one payment link (the payment itself is a row of `payments` on the RO's warranty
// invoice, recorded by settlement's payment service) and, when the maker paid less than claimed, one
// write-off of the difference (written off, or re-charged to the customer or internally) with its
// reason. The `receivables` view now counts write-offs: a warranty invoice's balance is its gross
// less what the maker paid less what was written off.
// Warranty old parts (旧件): a kept part's claim, storage place and deadlines (return to the maker by
// a date, or keep until a date and then scrap with authorisation) per maker rule, and return
// shipments (回运单) that batch kept parts, with the maker's receipt.
export const m0015: Migration = {
  name: '0015-warranty-money-parts',
  up: (db) =>
    runSteps(db, [
      `CREATE TABLE warranty_payment_imports (
        id INTEGER PRIMARY KEY,
        file_name TEXT NOT NULL,
        claims INTEGER NOT NULL CHECK (claims >= 0),
        paid_fen INTEGER NOT NULL CHECK (paid_fen >= 0),
        written_off_fen INTEGER NOT NULL CHECK (written_off_fen >= 0),
        user_id INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL
      ) STRICT`,
      `CREATE TABLE warranty_claim_payments (
        claim_id INTEGER PRIMARY KEY REFERENCES warranty_claims(id),
        invoice_id INTEGER NOT NULL REFERENCES invoices(id),
        payment_id INTEGER REFERENCES payments(id),
        import_id INTEGER REFERENCES warranty_payment_imports(id),
        line INTEGER,
        claimed_fen INTEGER NOT NULL CHECK (claimed_fen >= 0),
        paid_fen INTEGER NOT NULL CHECK (paid_fen >= 0),
        reference TEXT NOT NULL DEFAULT '',
        user_id INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL
      ) STRICT`,
      `CREATE INDEX warranty_claim_payments_invoice ON warranty_claim_payments(invoice_id)`,
      `CREATE TABLE warranty_write_offs (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL UNIQUE REFERENCES warranty_claims(id),
        invoice_id INTEGER NOT NULL REFERENCES invoices(id),
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        disposition TEXT NOT NULL CHECK (disposition IN ('write_off', 'recharge_customer', 'recharge_internal')),
        reason TEXT NOT NULL,
        import_id INTEGER REFERENCES warranty_payment_imports(id),
        user_id INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL
      ) STRICT`,
      `CREATE INDEX warranty_write_offs_invoice ON warranty_write_offs(invoice_id)`,
      `DROP VIEW receivables`,
      `CREATE VIEW receivables AS
        SELECT i.id AS invoice_id, i.number, i.ro_id, i.payer, i.customer_id, i.insurer, i.claim_no, i.issued_at, i.gross_fen,
               COALESCE((SELECT SUM(p.amount_fen) FROM payments p WHERE p.invoice_id = i.id), 0) AS paid_fen,
               i.gross_fen - COALESCE((SELECT SUM(p.amount_fen) FROM payments p WHERE p.invoice_id = i.id), 0)
                 - COALESCE((SELECT SUM(w.amount_fen) FROM warranty_write_offs w WHERE w.invoice_id = i.id), 0) AS balance_fen
          FROM invoices i WHERE i.kind = 'invoice' AND i.state = 'issued'`,
      `CREATE TABLE warranty_part_rules (
        make TEXT PRIMARY KEY,
        return_days INTEGER NOT NULL CHECK (return_days > 0),
        retain_days INTEGER NOT NULL CHECK (retain_days > 0)
      ) STRICT`,
      `INSERT INTO warranty_part_rules (make, return_days, retain_days) VALUES ('', 30, 90)`,
      `CREATE TABLE warranty_shipments (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'shipped', 'received')),
        carrier TEXT NOT NULL DEFAULT '',
        waybill TEXT NOT NULL DEFAULT '',
        receipt_ref TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        shipped_by INTEGER REFERENCES users(id),
        shipped_at TEXT,
        received_by INTEGER REFERENCES users(id),
        received_at TEXT,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT`,
      `CREATE INDEX warranty_shipments_state ON warranty_shipments(state, created_at)`,
      `CREATE TABLE warranty_old_parts (
        old_part_id INTEGER PRIMARY KEY REFERENCES old_parts(id),
        claim_id INTEGER NOT NULL REFERENCES warranty_claims(id),
        place TEXT NOT NULL,
        handling TEXT NOT NULL CHECK (handling IN ('return', 'retain')),
        due_on TEXT NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        shipment_id INTEGER REFERENCES warranty_shipments(id),
        scrap_reason TEXT NOT NULL DEFAULT '',
        scrapped_by INTEGER REFERENCES users(id),
        scrapped_at TEXT,
        kept_by INTEGER NOT NULL REFERENCES users(id),
        kept_at TEXT NOT NULL
      ) STRICT`,
      `CREATE INDEX warranty_old_parts_claim ON warranty_old_parts(claim_id)`,
      `CREATE INDEX warranty_old_parts_shipment ON warranty_old_parts(shipment_id)`,
      `CREATE INDEX warranty_old_parts_due ON warranty_old_parts(handling, due_on)`,
    ]),
}
