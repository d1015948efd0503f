import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: a revision token of the rules table, drawn anew (random()) by triggers on every insert,
// update and delete of a rule. The engine keeps the parsed rules per store and re-reads them only when the
// revision moved — every write ran the rules table's full read and parameter parsing before (a
// quarter of the engine's time in ro.checkIn + ro.saveLines on the bench). The token is written
// in the same transaction as the change, so a rolled-back change brings the old token back; a
// random token rather than a count, so two different changes after a rollback never share one.
export const m0033: Migration = {
  name: '0033-rules-revision',
  up: (db) =>
    runSteps(db, [
      `CREATE TABLE rules_revision (id INTEGER PRIMARY KEY CHECK (id = 1), revision INTEGER NOT NULL) STRICT`,
      `INSERT INTO rules_revision (id, revision) VALUES (1, 0)`,
      `CREATE TRIGGER rules_revision_insert AFTER INSERT ON rules BEGIN UPDATE rules_revision SET revision = random() WHERE id = 1; END`,
      `CREATE TRIGGER rules_revision_update AFTER UPDATE ON rules BEGIN UPDATE rules_revision SET revision = random() WHERE id = 1; END`,
      `CREATE TRIGGER rules_revision_delete AFTER DELETE ON rules BEGIN UPDATE rules_revision SET revision = random() WHERE id = 1; END`,
    ]),
}
