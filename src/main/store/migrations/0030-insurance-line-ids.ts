import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: an insurance claim's assessed amounts (定损) and supplements (追加定损) belong to an RO line,
// not to a place in the list. 0022 keyed them by the line's position, so re-saving the estimate in
// another order (or without a line) moved an assessment onto another line. Both tables are rebuilt
// keyed by the RO line's id, backfilled from the position on the claim's RO; the position column
// goes (it would only go stale). A row whose position matches no line of its RO billed nothing
// before (the split reads the RO's lines) and has no line to belong to, so it is not carried over.
// The line id references ro_lines without cascade: a line with an assessment cannot vanish silently.
export const m0030: Migration = {
  name: '0030-insurance-line-ids',
  up: (db) =>
    runSteps(db, [
      `PRAGMA defer_foreign_keys = ON`,
      `CREATE TEMP TABLE ial_0030 AS SELECT * FROM insurance_assessment_lines`,
      `CREATE TEMP TABLE isup_0030 AS SELECT * FROM insurance_supplements`,
      `DROP TABLE insurance_assessment_lines`,
      `DROP TABLE insurance_supplements`,
      `CREATE TABLE insurance_assessment_lines (
        claim_id INTEGER NOT NULL REFERENCES insurance_claims(id) ON DELETE CASCADE,
        ro_line_id INTEGER NOT NULL REFERENCES ro_lines(id),
        assessed_fen INTEGER NOT NULL CHECK (assessed_fen >= 0),
        reason TEXT NOT NULL DEFAULT 'refused' CHECK (reason IN ('refused', 'betterment')),
        PRIMARY KEY (claim_id, ro_line_id)
      ) STRICT`,
      `CREATE INDEX insurance_assessment_lines_line ON insurance_assessment_lines(ro_line_id)`,
      `CREATE TABLE insurance_supplements (
        id INTEGER PRIMARY KEY,
        claim_id INTEGER NOT NULL REFERENCES insurance_claims(id) ON DELETE CASCADE,
        ro_line_id INTEGER NOT NULL REFERENCES ro_lines(id),
        assessed_on TEXT NOT NULL,
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        note TEXT NOT NULL DEFAULT '',
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL
      ) STRICT`,
      `CREATE INDEX insurance_supplements_claim ON insurance_supplements(claim_id)`,
      `CREATE INDEX insurance_supplements_line ON insurance_supplements(ro_line_id)`,
      `INSERT INTO insurance_assessment_lines (claim_id, ro_line_id, assessed_fen, reason)
         SELECT a.claim_id, l.id, a.assessed_fen, a.reason
         FROM temp.ial_0030 a
         JOIN insurance_claims c ON c.id = a.claim_id
         JOIN ro_lines l ON l.ro_id = c.ro_id AND l.position = a.position`,
      `INSERT INTO insurance_supplements (id, claim_id, ro_line_id, assessed_on, amount_fen, note, created_by, created_at)
         SELECT s.id, s.claim_id, l.id, s.assessed_on, s.amount_fen, s.note, s.created_by, s.created_at
         FROM temp.isup_0030 s
         JOIN insurance_claims c ON c.id = s.claim_id
         JOIN ro_lines l ON l.ro_id = c.ro_id AND l.position = s.position`,
      `DROP TABLE temp.ial_0030`,
      `DROP TABLE temp.isup_0030`,
    ]),
}
