import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: the follow-up survey's questions as versioned templates. The front-desk supervisor adds,
// rewords, reorders or retires questions by saving a new version; a call keeps the version it was
// asked with, so past calls show their own questions. Version 1 is the default five, worded by the
// catalogs (text NULL); a reworded or added question carries the supervisor's text.
export const m0023: Migration = {
  name: '0023-survey-templates',
  up: (db) =>
    runSteps(db, [
      `CREATE TABLE care_survey_templates (
        version INTEGER PRIMARY KEY,
        created_by INTEGER REFERENCES users(id),
        created_at TEXT NOT NULL
      ) STRICT`,
      `CREATE TABLE care_survey_questions (
        template_version INTEGER NOT NULL REFERENCES care_survey_templates(version),
        position INTEGER NOT NULL,
        code TEXT NOT NULL,
        text TEXT,
        PRIMARY KEY (template_version, position),
        UNIQUE (template_version, code)
      ) STRICT`,
      `INSERT INTO care_survey_templates (version, created_by, created_at) VALUES (1, NULL, '2026-01-01T00:00:00.000+08:00')`,
      `INSERT INTO care_survey_questions (template_version, position, code, text) VALUES
        (1, 0, 'overall', NULL), (1, 1, 'advisor', NULL), (1, 2, 'quality', NULL), (1, 3, 'on_time', NULL), (1, 4, 'price_explained', NULL)`,
      // Every call logged before templates existed was asked the default five.
      `ALTER TABLE care_calls ADD COLUMN template_version INTEGER NOT NULL DEFAULT 1`,
    ]),
}
