import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: insurance ROs (保险/事故). One claim per RO with the insurer, policy, report number (报案号),
// the insured, the deductible (免赔) and the loss assessment (定损): assessor, dates (reported, car
// arrived, assessed as local dates), the assessed amount per line (by line position) and the
// supplements (追加定损) with their own dates and amounts. Versioned; every change audited.
export const m0022: Migration = {
  name: '0022-insurance',
  up: (db) =>
    runSteps(db, [
      `CREATE TABLE insurance_claims (
        id INTEGER PRIMARY KEY,
        ro_id INTEGER NOT NULL UNIQUE REFERENCES repair_orders(id),
        insurer TEXT NOT NULL,
        policy_no TEXT NOT NULL,
        report_no TEXT NOT NULL,
        insured_name TEXT NOT NULL,
        deductible_fen INTEGER NOT NULL DEFAULT 0 CHECK (deductible_fen >= 0),
        assessor TEXT NOT NULL DEFAULT '',
        reported_on TEXT NOT NULL,
        arrived_on TEXT NOT NULL,
        assessed_on TEXT,
        note TEXT NOT NULL DEFAULT '',
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT`,
      `CREATE INDEX insurance_claims_arrived ON insurance_claims(arrived_on)`,
      `CREATE TABLE insurance_assessment_lines (
        claim_id INTEGER NOT NULL REFERENCES insurance_claims(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        assessed_fen INTEGER NOT NULL CHECK (assessed_fen >= 0),
        reason TEXT NOT NULL DEFAULT 'refused' CHECK (reason IN ('refused', 'betterment')),
        PRIMARY KEY (claim_id, position)
      ) STRICT`,
      `CREATE TABLE insurance_supplements (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES insurance_claims(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        assessed_on TEXT NOT NULL,
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        note TEXT NOT NULL DEFAULT '',
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL
      ) STRICT`,
      `CREATE INDEX insurance_supplements_claim ON insurance_supplements(claim_id)`,
    ]),
}
