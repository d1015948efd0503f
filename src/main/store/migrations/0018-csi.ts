import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: the maker's satisfaction scores (CSI) per month — the mystery-shopper visit and the
// phone survey, each on 1,000 points kept in tenths, with the maker's item breakdown. One result
// per month and survey; entered by hand or from the maker's sheet, every change audited.
export const m0018: Migration = {
  name: '0018-csi',
  up: (db) =>
    runSteps(db, [
      `CREATE TABLE csi_results (
        id INTEGER PRIMARY KEY,
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
        survey TEXT NOT NULL CHECK (survey IN ('mystery_shopper', 'phone_survey')),
        score_tenths INTEGER NOT NULL CHECK (score_tenths BETWEEN 0 AND 10000),
        note TEXT NOT NULL DEFAULT '',
        entered_by INTEGER NOT NULL REFERENCES users(id),
        entered_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (month, survey)
      ) STRICT`,
      `CREATE TABLE csi_items (
        result_id INTEGER NOT NULL REFERENCES csi_results(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        code TEXT NOT NULL,
        label TEXT NOT NULL,
        score_tenths INTEGER NOT NULL CHECK (score_tenths >= 0),
        max_tenths INTEGER NOT NULL CHECK (max_tenths > 0 AND score_tenths <= max_tenths),
        PRIMARY KEY (result_id, position),
        UNIQUE (result_id, code)
      ) STRICT`,
    ]),
}
