import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: what issue 9's corrections need to keep. A settlement may waive unissued parts with a
// supervisor's reason (printed on the statement); a clock segment shorter than the minimum waits
// for the workshop supervisor's confirmation before it counts for efficiency; a cash payment keeps
// what was tendered and the change given (找零); an untouched checklist item is not checked.
export const m0007: Migration = {
  name: '0007-gates-clock-cash',
  up: (db) =>
    runSteps(db, [
      `ALTER TABLE settlements ADD COLUMN parts_override_reason TEXT NOT NULL DEFAULT ''`,
      `ALTER TABLE settlements ADD COLUMN parts_override_by INTEGER REFERENCES users(id)`,
      `ALTER TABLE job_time_segments ADD COLUMN short_confirmed_by INTEGER REFERENCES users(id)`,
      `ALTER TABLE job_time_segments ADD COLUMN short_confirmed_at TEXT`,
      `ALTER TABLE payments ADD COLUMN tendered_fen INTEGER CHECK (tendered_fen IS NULL OR tendered_fen > 0)`,
      // A checklist item the inspector did not touch is not checked (checked = 0), never a failure.
      `ALTER TABLE qc_inspection_items ADD COLUMN checked INTEGER NOT NULL DEFAULT 1 CHECK (checked IN (0, 1))`,
      `ALTER TABLE payments ADD COLUMN change_fen INTEGER NOT NULL DEFAULT 0 CHECK (change_fen >= 0)`,
    ]),
}
