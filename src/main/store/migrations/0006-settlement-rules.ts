import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: settlement (结算) and the rules engine. A settlement issues one invoice per payer; a
// correction is a reversal (credit invoices and negative payments that point at the originals),
// never an edit. Receivables are invoice gross − payments, a view. Rules are data (parameters as
// a small JSON document validated per kind by the app); alerts are keyed by (rule, subject) so
// re-evaluation never duplicates them.
const payers = `('customer','warranty','insurance','internal','campaign')`
const methods = `('cash','bank_card','wechat_pay','alipay','transfer')`
const subjects = `('part','ro','invoice','stocktake','department')`

export const m0006: Migration = {
  name: '0006-settlement-rules',
  up: (db) =>
    runSteps(db, [
      // Settlement deadlines count from completion; the dashboard groups ROs by completion month.
      `CREATE INDEX repair_orders_completed ON repair_orders(completed_at)`,
      `CREATE TABLE settlements (
        id INTEGER PRIMARY KEY,
        ro_id INTEGER NOT NULL REFERENCES repair_orders(id),
        kind TEXT NOT NULL CHECK (kind IN ('settle','reversal')),
        reverses_id INTEGER UNIQUE REFERENCES settlements(id),
        gross_fen INTEGER NOT NULL,
        discount_fen INTEGER NOT NULL DEFAULT 0,
        reason TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        user_id INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL,
        CHECK ((kind = 'reversal') = (reverses_id IS NOT NULL)),
        CHECK (kind = 'settle' OR length(reason) >= 2)
      ) STRICT`,
      `CREATE INDEX settlements_ro ON settlements(ro_id, id)`,
      `CREATE TABLE invoices (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        settlement_id INTEGER NOT NULL REFERENCES settlements(id),
        ro_id INTEGER NOT NULL REFERENCES repair_orders(id),
        payer TEXT NOT NULL CHECK (payer IN ${payers}),
        customer_id INTEGER REFERENCES customers(id),
        kind TEXT NOT NULL CHECK (kind IN ('invoice','credit')),
        reversal_of INTEGER UNIQUE REFERENCES invoices(id),
        net_fen INTEGER NOT NULL,
        vat_fen INTEGER NOT NULL,
        gross_fen INTEGER NOT NULL,
        discount_fen INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL CHECK (state IN ('issued','reversed')),
        insurer TEXT,
        claim_no TEXT,
        issued_at TEXT NOT NULL,
        issued_by INTEGER NOT NULL REFERENCES users(id),
        reversed_at TEXT,
        CHECK (gross_fen = net_fen + vat_fen),
        CHECK ((kind = 'credit') = (reversal_of IS NOT NULL)),
        CHECK (kind = 'credit' OR (gross_fen >= 0 AND discount_fen >= 0)),
        CHECK ((state = 'reversed') = (reversed_at IS NOT NULL)),
        CHECK (payer <> 'insurance' OR (insurer IS NOT NULL AND claim_no IS NOT NULL))
      ) STRICT`,
      `CREATE INDEX invoices_ro ON invoices(ro_id)`,
      `CREATE INDEX invoices_settlement ON invoices(settlement_id)`,
      // Receivables and the insurance collection rule read only the invoices still standing.
      `CREATE INDEX invoices_open ON invoices(payer, issued_at) WHERE kind = 'invoice' AND state = 'issued'`,
      `CREATE TABLE payments (
        id INTEGER PRIMARY KEY,
        invoice_id INTEGER NOT NULL REFERENCES invoices(id),
        method TEXT NOT NULL CHECK (method IN ${methods}),
        amount_fen INTEGER NOT NULL CHECK (amount_fen <> 0),
        reference TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        reversal_of INTEGER UNIQUE REFERENCES payments(id),
        CHECK ((amount_fen < 0) = (reversal_of IS NOT NULL))
      ) STRICT`,
      `CREATE INDEX payments_invoice ON payments(invoice_id)`,
      `CREATE INDEX payments_at ON payments(at)`,
      `CREATE VIEW receivables AS
        SELECT i.id AS invoice_id, i.number, i.ro_id, i.payer, i.customer_id, i.insurer, i.claim_no, i.issued_at, i.gross_fen,
               COALESCE((SELECT SUM(p.amount_fen) FROM payments p WHERE p.invoice_id = i.id), 0) AS paid_fen,
               i.gross_fen - COALESCE((SELECT SUM(p.amount_fen) FROM payments p WHERE p.invoice_id = i.id), 0) AS balance_fen
          FROM invoices i WHERE i.kind = 'invoice' AND i.state = 'issued'`,
      `CREATE TABLE deliveries (
        ro_id INTEGER PRIMARY KEY REFERENCES repair_orders(id),
        gate_pass_no TEXT NOT NULL UNIQUE,
        delivered_at TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        on_credit INTEGER NOT NULL DEFAULT 0 CHECK (on_credit IN (0, 1)),
        outstanding_fen INTEGER NOT NULL DEFAULT 0 CHECK (outstanding_fen >= 0)
      ) STRICT`,
      `CREATE TABLE rules (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL UNIQUE,
        params TEXT NOT NULL CHECK (json_valid(params)),
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        severity TEXT NOT NULL CHECK (severity IN ('info','warning','critical')),
        inbox_role TEXT NOT NULL,
        evaluated_at TEXT,
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES users(id),
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT`,
      // dismissed: resolved by a person while the condition still held; it stays resolved until
      // the condition clears once, and is raised again only if it comes back after that.
      `CREATE TABLE alerts (
        id INTEGER PRIMARY KEY,
        rule_id INTEGER NOT NULL REFERENCES rules(id),
        subject_type TEXT NOT NULL CHECK (subject_type IN ${subjects}),
        subject_id INTEGER NOT NULL,
        stage TEXT NOT NULL CHECK (stage IN ('warning','breach')),
        state TEXT NOT NULL CHECK (state IN ('open','acknowledged','snoozed','resolved')),
        message_key TEXT NOT NULL,
        message_params TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(message_params)),
        first_raised_at TEXT NOT NULL,
        raised_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        snoozed_until TEXT,
        acknowledged_by INTEGER REFERENCES users(id),
        acknowledged_at TEXT,
        resolved_at TEXT,
        resolved_by INTEGER REFERENCES users(id),
        dismissed INTEGER NOT NULL DEFAULT 0 CHECK (dismissed IN (0, 1)),
        note TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (rule_id, subject_type, subject_id),
        CHECK ((state = 'snoozed') = (snoozed_until IS NOT NULL)),
        CHECK ((state = 'resolved') = (resolved_at IS NOT NULL))
      ) STRICT`,
      `CREATE INDEX alerts_state ON alerts(state, rule_id)`,
      `CREATE INDEX alerts_subject ON alerts(subject_type, subject_id)`,
      // Month figures the sweep records for the dashboard's trends (those the ledger cannot
      // cheaply recompute for a past month, such as the slow-moving share).
      `CREATE TABLE target_snapshots (
        month TEXT NOT NULL,
        target TEXT NOT NULL,
        value INTEGER,
        numerator INTEGER NOT NULL,
        denominator INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (month, target)
      ) STRICT, WITHOUT ROWID`,
    ]),
}
