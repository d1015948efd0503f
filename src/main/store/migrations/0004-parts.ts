import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: the parts counter (配件). Stock is a ledger: `stock_moves` is append-only and every row
// carries the part's balance after it, so "as of a date" is the last move before it; `part_stock`
// is the running balance kept in the same transaction as each move. RO part lines are referred to
// by (ro_id, part_id), not by line id, because saving an estimate replaces its lines.
const moveKinds = `('receipt','issue','return','adjustment','stocktake','transfer')`

export const m0004: Migration = {
  name: '0004-parts',
  up: (db) =>
    runSteps(db, [
      `CREATE INDEX parts_bin ON parts(bin)`,
      `CREATE TABLE suppliers (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        contact TEXT,
        phone TEXT,
        note TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT`,
      `CREATE TABLE part_suppliers (
        part_id INTEGER PRIMARY KEY REFERENCES parts(id),
        supplier_id INTEGER NOT NULL REFERENCES suppliers(id)
      ) STRICT`,
      `CREATE INDEX part_suppliers_supplier ON part_suppliers(supplier_id)`,
      `CREATE TABLE part_stock (
        part_id INTEGER PRIMARY KEY REFERENCES parts(id),
        on_hand_milli INTEGER NOT NULL DEFAULT 0,
        value_fen INTEGER NOT NULL DEFAULT 0,
        avg_cost_fen INTEGER NOT NULL DEFAULT 0 CHECK (avg_cost_fen >= 0),
        last_move_id INTEGER,
        last_move_at TEXT,
        last_receipt_at TEXT,
        last_issue_at TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        CHECK (on_hand_milli >= 0),
        CHECK (value_fen >= 0 AND (on_hand_milli > 0 OR value_fen = 0))
      ) STRICT`,
      `CREATE TABLE stock_moves (
        id INTEGER PRIMARY KEY,
        part_id INTEGER NOT NULL REFERENCES parts(id),
        at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ${moveKinds}),
        quantity_milli INTEGER NOT NULL CHECK (quantity_milli <> 0),
        unit_cost_fen INTEGER NOT NULL CHECK (unit_cost_fen >= 0),
        value_fen INTEGER NOT NULL,
        on_hand_milli_after INTEGER NOT NULL CHECK (on_hand_milli_after >= 0),
        value_fen_after INTEGER NOT NULL CHECK (value_fen_after >= 0),
        user_id INTEGER REFERENCES users(id),
        reason TEXT NOT NULL DEFAULT '',
        ref_type TEXT CHECK (ref_type IN ('ro','po','stocktake','external','manual')),
        ref_id INTEGER,
        bin TEXT
      ) STRICT`,
      `CREATE INDEX stock_moves_part ON stock_moves(part_id, at, id)`,
      `CREATE INDEX stock_moves_at ON stock_moves(at)`,
      `CREATE INDEX stock_moves_ref ON stock_moves(ref_type, ref_id)`,
      // Net quantity and value issued to an RO per part: returns reverse at the issued value.
      `CREATE TABLE ro_part_issues (
        ro_id INTEGER NOT NULL REFERENCES repair_orders(id),
        part_id INTEGER NOT NULL REFERENCES parts(id),
        issued_milli INTEGER NOT NULL CHECK (issued_milli >= 0),
        issued_value_fen INTEGER NOT NULL CHECK (issued_value_fen >= 0),
        first_issue_at TEXT NOT NULL,
        last_issue_at TEXT NOT NULL,
        PRIMARY KEY (ro_id, part_id)
      ) STRICT, WITHOUT ROWID`,
      `CREATE INDEX ro_part_issues_part ON ro_part_issues(part_id)`,
      // Fill rate (满足率): one row per RO and part at its first request at the counter.
      `CREATE TABLE part_requests (
        ro_id INTEGER NOT NULL REFERENCES repair_orders(id),
        part_id INTEGER NOT NULL REFERENCES parts(id),
        requested_milli INTEGER NOT NULL CHECK (requested_milli > 0),
        first_at TEXT NOT NULL,
        served_from_stock INTEGER NOT NULL CHECK (served_from_stock IN (0, 1)),
        outcome TEXT CHECK (outcome IN ('lost_sale','special_order','external_purchase')),
        outcome_at TEXT,
        note TEXT NOT NULL DEFAULT '',
        user_id INTEGER NOT NULL REFERENCES users(id),
        PRIMARY KEY (ro_id, part_id)
      ) STRICT, WITHOUT ROWID`,
      `CREATE INDEX part_requests_first ON part_requests(first_at)`,
      `CREATE TABLE purchase_orders (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        supplier_id INTEGER NOT NULL REFERENCES suppliers(id),
        state TEXT NOT NULL CHECK (state IN ('draft','sent','partly_received','closed','cancelled')),
        note TEXT NOT NULL DEFAULT '',
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        sent_at TEXT,
        closed_at TEXT,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT`,
      `CREATE INDEX purchase_orders_state ON purchase_orders(state, created_at)`,
      `CREATE TABLE po_lines (
        id INTEGER PRIMARY KEY,
        po_id INTEGER NOT NULL REFERENCES purchase_orders(id),
        part_id INTEGER NOT NULL REFERENCES parts(id),
        quantity_milli INTEGER NOT NULL CHECK (quantity_milli > 0),
        unit_cost_fen INTEGER NOT NULL CHECK (unit_cost_fen >= 0),
        received_milli INTEGER NOT NULL DEFAULT 0 CHECK (received_milli >= 0),
        ro_id INTEGER REFERENCES repair_orders(id),
        customer_id INTEGER REFERENCES customers(id),
        note TEXT NOT NULL DEFAULT ''
      ) STRICT`,
      `CREATE INDEX po_lines_po ON po_lines(po_id)`,
      `CREATE INDEX po_lines_ro ON po_lines(ro_id)`,
      `CREATE TABLE po_receipts (
        id INTEGER PRIMARY KEY,
        po_id INTEGER NOT NULL REFERENCES purchase_orders(id),
        at TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        note TEXT NOT NULL DEFAULT ''
      ) STRICT`,
      `CREATE TABLE po_receipt_lines (
        id INTEGER PRIMARY KEY,
        receipt_id INTEGER NOT NULL REFERENCES po_receipts(id),
        po_line_id INTEGER NOT NULL REFERENCES po_lines(id),
        expected_milli INTEGER NOT NULL,
        received_milli INTEGER NOT NULL CHECK (received_milli >= 0),
        unit_cost_fen INTEGER NOT NULL CHECK (unit_cost_fen >= 0),
        difference TEXT CHECK (difference IN ('short','over','damaged','wrong_part','price')),
        note TEXT NOT NULL DEFAULT '',
        move_id INTEGER REFERENCES stock_moves(id)
      ) STRICT`,
      `CREATE INDEX po_receipt_lines_receipt ON po_receipt_lines(receipt_id)`,
      `CREATE TABLE external_purchases (
        id INTEGER PRIMARY KEY,
        ro_id INTEGER REFERENCES repair_orders(id),
        part_id INTEGER NOT NULL REFERENCES parts(id),
        supplier_name TEXT NOT NULL,
        quantity_milli INTEGER NOT NULL CHECK (quantity_milli > 0),
        unit_cost_fen INTEGER NOT NULL CHECK (unit_cost_fen >= 0),
        invoice_ref TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        state TEXT NOT NULL CHECK (state IN ('pending_qc','accepted','rejected')),
        requested_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        decided_by INTEGER REFERENCES users(id),
        decided_at TEXT,
        qc_note TEXT NOT NULL DEFAULT '',
        move_id INTEGER REFERENCES stock_moves(id),
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT`,
      `CREATE INDEX external_purchases_state ON external_purchases(state, created_at)`,
      `CREATE TABLE old_parts (
        id INTEGER PRIMARY KEY,
        tag TEXT NOT NULL UNIQUE,
        ro_id INTEGER NOT NULL REFERENCES repair_orders(id),
        part_id INTEGER REFERENCES parts(id),
        description TEXT NOT NULL,
        quantity_milli INTEGER NOT NULL CHECK (quantity_milli > 0),
        warranty INTEGER NOT NULL CHECK (warranty IN (0, 1)),
        disposition TEXT NOT NULL DEFAULT 'pending' CHECK (disposition IN
          ('pending','returned_to_customer','scrapped','kept_for_warranty','shipped_to_maker')),
        note TEXT NOT NULL DEFAULT '',
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        disposed_by INTEGER REFERENCES users(id),
        disposed_at TEXT,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT`,
      `CREATE INDEX old_parts_ro ON old_parts(ro_id)`,
      `CREATE INDEX old_parts_disposition ON old_parts(disposition, created_at)`,
      `CREATE TABLE stocktakes (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        scope TEXT NOT NULL CHECK (scope IN ('all','bins')),
        bin_from TEXT,
        bin_to TEXT,
        state TEXT NOT NULL CHECK (state IN ('counting','approved','cancelled')),
        frozen_move_id INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        decided_by INTEGER REFERENCES users(id),
        decided_at TEXT,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT`,
      `CREATE TABLE stocktake_lines (
        stocktake_id INTEGER NOT NULL REFERENCES stocktakes(id),
        part_id INTEGER NOT NULL REFERENCES parts(id),
        bin TEXT,
        book_milli INTEGER NOT NULL CHECK (book_milli >= 0),
        book_value_fen INTEGER NOT NULL CHECK (book_value_fen >= 0),
        unit_cost_fen INTEGER NOT NULL CHECK (unit_cost_fen >= 0),
        counted_milli INTEGER CHECK (counted_milli >= 0),
        counted_by INTEGER REFERENCES users(id),
        counted_at TEXT,
        move_id INTEGER REFERENCES stock_moves(id),
        PRIMARY KEY (stocktake_id, part_id)
      ) STRICT, WITHOUT ROWID`,
      // Name search: grams (single characters and pairs) of the normalised name, written by the
      // app; triggers only queue changed parts, so any writer of the parts table keeps the index honest.
      `CREATE VIRTUAL TABLE part_search USING fts5(grams, name_key UNINDEXED, tokenize = 'unicode61 remove_diacritics 0', detail = none, columnsize = 0)`,
      `CREATE TABLE part_search_dirty (part_id INTEGER PRIMARY KEY) STRICT`,
      `CREATE TRIGGER parts_search_insert AFTER INSERT ON parts BEGIN
        INSERT OR IGNORE INTO part_search_dirty (part_id) VALUES (new.id);
      END`,
      `CREATE TRIGGER parts_search_update AFTER UPDATE OF name ON parts BEGIN
        INSERT OR IGNORE INTO part_search_dirty (part_id) VALUES (new.id);
      END`,
      `CREATE TRIGGER parts_search_delete AFTER DELETE ON parts BEGIN
        INSERT OR IGNORE INTO part_search_dirty (part_id) VALUES (old.id);
      END`,
      `INSERT INTO part_search_dirty (part_id) SELECT id FROM parts`,
    ]),
}
