import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: the warranty desk (三包索赔). Coverage terms per make/model (make '' = the default for
// every make, model '' = every model of the make), each vehicle's warranty start when it is known
// (else its first registration counts), recorded overrides of out-of-coverage warranty lines, and
// claims (索赔单) with their labour, parts, other expenses, status log, pre-check overrides and the
// pre-check's rule set.
const COVERAGE = `'basic', 'powertrain', 'nev_battery', 'nev_motor', 'wear'`
const RULES = `'coverage', 'mileage_backwards', 'causal_part_on_ro', 'duplicate_operation', 'late_submission', 'old_part_tagged', 'narrative', 'labour_hours'`
const STATES = `'draft', 'checked', 'submitted', 'approved', 'returned', 'rejected', 'resubmitted', 'paid', 'written_off'`

export const m0011: Migration = {
  name: '0011-warranty',
  up: (db) =>
    runSteps(db, [
      `CREATE TABLE warranty_terms (
        make TEXT NOT NULL,
        model TEXT NOT NULL,
        coverage TEXT NOT NULL CHECK (coverage IN (${COVERAGE})),
        months INTEGER NOT NULL CHECK (months > 0),
        km INTEGER NOT NULL CHECK (km > 0),
        PRIMARY KEY (make, model, coverage)
      ) STRICT`,
      `INSERT INTO warranty_terms (make, model, coverage, months, km) VALUES
        ('', '', 'basic', 36, 100000), ('', '', 'powertrain', 60, 150000), ('', '', 'nev_battery', 96, 150000),
        ('', '', 'nev_motor', 96, 150000), ('', '', 'wear', 6, 5000)`,
      `CREATE TABLE warranty_starts (
        vehicle_id INTEGER PRIMARY KEY REFERENCES vehicles(id),
        starts_on TEXT NOT NULL CHECK (starts_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        recorded_by INTEGER REFERENCES users(id),
        recorded_at TEXT NOT NULL
      ) STRICT`,
      `CREATE TABLE warranty_line_overrides (
        id INTEGER PRIMARY KEY,
        ro_id INTEGER NOT NULL REFERENCES repair_orders(id),
        coverage TEXT NOT NULL CHECK (coverage IN (${COVERAGE})),
        reason TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL
      ) STRICT`,
      `CREATE INDEX warranty_line_overrides_ro ON warranty_line_overrides(ro_id)`,
      `CREATE TABLE warranty_claims (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        ro_id INTEGER NOT NULL REFERENCES repair_orders(id),
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        claim_type TEXT NOT NULL CHECK (claim_type IN ('general', 'campaign', 'first_service', 'pre_authorised', 'goodwill', 'controlled_part')),
        state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN (${STATES})),
        causal_part_id INTEGER REFERENCES parts(id),
        failure_code TEXT NOT NULL DEFAULT '',
        mileage_km INTEGER NOT NULL CHECK (mileage_km >= 0),
        concern TEXT NOT NULL DEFAULT '',
        cause TEXT NOT NULL DEFAULT '',
        correction TEXT NOT NULL DEFAULT '',
        labour_fen INTEGER NOT NULL DEFAULT 0,
        parts_fen INTEGER NOT NULL DEFAULT 0,
        other_fen INTEGER NOT NULL DEFAULT 0,
        total_fen INTEGER NOT NULL DEFAULT 0,
        approved_fen INTEGER,
        paid_fen INTEGER,
        maker_ref TEXT NOT NULL DEFAULT '',
        submissions INTEGER NOT NULL DEFAULT 0,
        first_submitted_at TEXT,
        submitted_at TEXT,
        decided_at TEXT,
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT`,
      `CREATE INDEX warranty_claims_state ON warranty_claims(state, updated_at)`,
      `CREATE INDEX warranty_claims_ro ON warranty_claims(ro_id)`,
      `CREATE INDEX warranty_claims_vehicle ON warranty_claims(vehicle_id)`,
      `CREATE TABLE warranty_claim_labour (
        claim_id INTEGER NOT NULL REFERENCES warranty_claims(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        op_code TEXT,
        description TEXT NOT NULL,
        hours_milli INTEGER NOT NULL CHECK (hours_milli > 0),
        rate_fen INTEGER NOT NULL CHECK (rate_fen >= 0),
        amount_fen INTEGER NOT NULL,
        PRIMARY KEY (claim_id, position)
      ) STRICT`,
      `CREATE TABLE warranty_claim_parts (
        claim_id INTEGER NOT NULL REFERENCES warranty_claims(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        part_id INTEGER REFERENCES parts(id),
        description TEXT NOT NULL,
        quantity_milli INTEGER NOT NULL CHECK (quantity_milli > 0),
        unit_price_fen INTEGER NOT NULL CHECK (unit_price_fen >= 0),
        amount_fen INTEGER NOT NULL,
        PRIMARY KEY (claim_id, position)
      ) STRICT`,
      `CREATE TABLE warranty_claim_expenses (
        claim_id INTEGER NOT NULL REFERENCES warranty_claims(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('sublet', 'towing', 'other')),
        description TEXT NOT NULL,
        amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
        PRIMARY KEY (claim_id, position)
      ) STRICT`,
      `CREATE TABLE warranty_claim_log (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES warranty_claims(id) ON DELETE CASCADE,
        from_state TEXT CHECK (from_state IN (${STATES})),
        to_state TEXT NOT NULL CHECK (to_state IN (${STATES})),
        at TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        reason TEXT NOT NULL DEFAULT ''
      ) STRICT`,
      `CREATE INDEX warranty_claim_log_claim ON warranty_claim_log(claim_id, id)`,
      `CREATE TABLE warranty_claim_overrides (
        claim_id INTEGER NOT NULL REFERENCES warranty_claims(id) ON DELETE CASCADE,
        rule TEXT NOT NULL CHECK (rule IN (${RULES})),
        reason TEXT NOT NULL,
        user_id INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL,
        PRIMARY KEY (claim_id, rule)
      ) STRICT`,
      `CREATE TABLE warranty_check_rules (
        rule TEXT PRIMARY KEY CHECK (rule IN (${RULES})),
        enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        severity TEXT NOT NULL CHECK (severity IN ('block', 'warn')),
        param INTEGER
      ) STRICT`,
      `INSERT INTO warranty_check_rules (rule, enabled, severity, param) VALUES
        ('coverage', 1, 'warn', NULL), ('mileage_backwards', 1, 'block', NULL), ('causal_part_on_ro', 1, 'block', NULL),
        ('duplicate_operation', 1, 'warn', 30), ('late_submission', 1, 'block', 30), ('old_part_tagged', 1, 'block', NULL),
        ('narrative', 1, 'block', 10), ('labour_hours', 1, 'warn', NULL)`,
    ]),
}
