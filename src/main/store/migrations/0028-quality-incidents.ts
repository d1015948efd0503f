import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: the technical supervisor's register of repair-quality incidents (维修质量事故): the
// vehicle, the RO, what went wrong, the analysis, the handling opinion, the cost in fen and the
// state. An incident registered from a comeback the system proposed (a QC rework or a repeat visit
// for the same fault) keeps the proposal's key, so a comeback is registered once; a proposal
// dismissed with a reason is a row of its own and is not proposed again.
export const m0028: Migration = {
  name: '0028-quality-incidents',
  up: (db) =>
    runSteps(db, [
      `CREATE TABLE quality_incidents (
        id INTEGER PRIMARY KEY,
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        ro_id INTEGER REFERENCES repair_orders(id),
        occurred_on TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('manual', 'qc_rework', 'repeat_visit')),
        source_key TEXT UNIQUE,
        what TEXT NOT NULL,
        analysis TEXT NOT NULL DEFAULT '',
        handling TEXT NOT NULL DEFAULT '',
        cost_fen INTEGER NOT NULL DEFAULT 0 CHECK (cost_fen >= 0),
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')),
        recorded_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        closed_at TEXT,
        version INTEGER NOT NULL DEFAULT 1
      ) STRICT`,
      `CREATE INDEX quality_incidents_occurred ON quality_incidents(occurred_on)`,
      `CREATE TABLE comeback_dismissals (
        source_key TEXT PRIMARY KEY,
        reason TEXT NOT NULL,
        dismissed_by INTEGER NOT NULL REFERENCES users(id),
        at TEXT NOT NULL
      ) STRICT`,
    ]),
}
