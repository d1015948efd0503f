import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: what a warranty claim says for 三包 beyond its failure code and causal part — whether the
// repair was of a serious safety fault (严重安全性能故障) and which assembly, if any, was replaced
// (engine, transmission, new-energy battery or drive motor). One row per claim the clerk marked.
export const m0019: Migration = {
  name: '0019-sanbao',
  up: (db) =>
    runSteps(db, [
      `CREATE TABLE warranty_claim_sanbao (
        claim_id INTEGER PRIMARY KEY REFERENCES warranty_claims(id) ON DELETE CASCADE,
        safety_fault INTEGER NOT NULL DEFAULT 0 CHECK (safety_fault IN (0, 1)),
        replaced TEXT CHECK (replaced IS NULL OR replaced IN ('engine', 'transmission', 'nev_battery', 'nev_motor')),
        user_id INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL
      ) STRICT`,
    ]),
}
