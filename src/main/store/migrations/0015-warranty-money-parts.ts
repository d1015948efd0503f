import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: warranty money. A maker's payment list (保修付款清单) is kept as one import row; each claim
// it settles gets one payment link (the payment itself is a row of `payments` on the RO's warranty
// invoice, recorded by settlement's payment service) and, when the maker paid less than claimed, one
// write-off of the difference (written off, or re-charged to the customer or internally) with its
// reason. The `receivables` view now counts write-offs: a warranty invoice's balance is its gross
// less what the maker paid less what was written off.
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
    ]),
}
