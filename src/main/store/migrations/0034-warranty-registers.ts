import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: over-authority requests (超权限申报) and quality feedback reports (质量信息反馈) in one
// register with its status log, and the pre-check rule `authority` (a claim above the dealer's
// authority needs an approved over-authority request): SQLite changes a CHECK only by copying the
// table, so warranty_check_rules and warranty_claim_overrides are rebuilt with every row kept.
const OLD_RULES = `'coverage', 'mileage_backwards', 'causal_part_on_ro', 'duplicate_operation', 'late_submission', 'old_part_tagged', 'narrative', 'labour_hours'`
const RULES = `${OLD_RULES}, 'authority'`
const STATES = `'draft', 'submitted', 'approved', 'returned', 'rejected', 'resubmitted', 'closed'`

export const m0034: Migration = {
  name: '0034-warranty-registers',
  up: (db) =>
    runSteps(db, [
      `CREATE TABLE warranty_registers (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('over_authority', 'quality_feedback')),
        number TEXT NOT NULL UNIQUE,
        state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN (${STATES})),
        ro_id INTEGER REFERENCES repair_orders(id),
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        claim_id INTEGER REFERENCES warranty_claims(id),
        requested_fen INTEGER CHECK (requested_fen >= 0),
        approved_fen INTEGER CHECK (approved_fen >= 0),
        maker_ref TEXT NOT NULL DEFAULT '',
        part_id INTEGER REFERENCES parts(id),
        part_text TEXT NOT NULL DEFAULT '',
        failure TEXT NOT NULL DEFAULT '',
        occurrences INTEGER CHECK (occurrences >= 1),
        severity TEXT CHECK (severity IN ('safety', 'function', 'comfort', 'appearance')),
        note TEXT NOT NULL DEFAULT '',
        submissions INTEGER NOT NULL DEFAULT 0,
        submitted_at TEXT,
        decided_at TEXT,
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        CHECK (kind != 'over_authority' OR (requested_fen IS NOT NULL AND occurrences IS NULL AND severity IS NULL)),
        CHECK (kind != 'quality_feedback' OR (occurrences IS NOT NULL AND severity IS NOT NULL AND claim_id IS NULL AND requested_fen IS NULL AND approved_fen IS NULL))
      ) STRICT`,
      `CREATE INDEX warranty_registers_kind_state ON warranty_registers(kind, state, updated_at)`,
      `CREATE INDEX warranty_registers_ro ON warranty_registers(ro_id)`,
      `CREATE INDEX warranty_registers_claim ON warranty_registers(claim_id)`,
      `CREATE TABLE warranty_register_log (
        id INTEGER PRIMARY KEY,
        register_id INTEGER NOT NULL REFERENCES warranty_registers(id) ON DELETE CASCADE,
        from_state TEXT CHECK (from_state IN (${STATES})),
        to_state TEXT NOT NULL CHECK (to_state IN (${STATES})),
        at TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        reason TEXT NOT NULL DEFAULT ''
      ) STRICT`,
      `CREATE INDEX warranty_register_log_register ON warranty_register_log(register_id, id)`,
      `CREATE TABLE warranty_check_rules_new (
        rule TEXT PRIMARY KEY CHECK (rule IN (${RULES})),
        enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        severity TEXT NOT NULL CHECK (severity IN ('block', 'warn')),
        param INTEGER
      ) STRICT`,
      `INSERT INTO warranty_check_rules_new (rule, enabled, severity, param) SELECT rule, enabled, severity, param FROM warranty_check_rules`,
      `DROP TABLE warranty_check_rules`,
      `ALTER TABLE warranty_check_rules_new RENAME TO warranty_check_rules`,
      // The dealer's authority: ¥5,000 (500000 fen), the common makers' line for a pre-authorisation.
      `INSERT INTO warranty_check_rules (rule, enabled, severity, param) VALUES ('authority', 1, 'block', 500000)`,
      `CREATE TABLE warranty_claim_overrides_new (
        claim_id INTEGER NOT NULL REFERENCES warranty_claims(id) ON DELETE CASCADE,
        rule TEXT NOT NULL CHECK (rule IN (${RULES})),
        reason TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL,
        PRIMARY KEY (claim_id, rule)
      ) STRICT`,
      `INSERT INTO warranty_claim_overrides_new (claim_id, rule, reason, user_id, at) SELECT claim_id, rule, reason, user_id, at FROM warranty_claim_overrides`,
      `DROP TABLE warranty_claim_overrides`,
      `ALTER TABLE warranty_claim_overrides_new RENAME TO warranty_claim_overrides`,
    ]),
}
