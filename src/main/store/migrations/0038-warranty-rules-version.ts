import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: the pre-submission check rules and the per-make old-part rules become editable on the
// warranty desk, each row with a version so two people editing the same rule cannot overwrite one
// another silently.
export const m0038: Migration = {
  name: '0038-warranty-rules-version',
  up: (db) =>
    runSteps(db, [
      `ALTER TABLE warranty_check_rules ADD COLUMN version INTEGER NOT NULL DEFAULT 1`,
      `ALTER TABLE warranty_part_rules ADD COLUMN version INTEGER NOT NULL DEFAULT 1`,
    ]),
}
