import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: running the department (issue 14).
// - Targets: one row per year, quarter and measure (the department's figure for the quarter; the
//   year is the sum of its quarters), split to its three months and to people. A split is kept
//   only when it adds up to the target (the service checks it before saving).
// - Scorecards: the manager's comment on a person's month and the person's acknowledgement; the
//   figures themselves are always computed from the ledger, never stored.
// - Training sessions with attendees and their assessment (通关), and the technical supervisor's
//   repair cases.
export const m0013: Migration = {
  name: '0013-department',
  up: (db) =>
    runSteps(db, [
      `CREATE TABLE dept_targets (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        measure TEXT NOT NULL CHECK (measure IN ('ros','production','parts','gross_profit')),
        total INTEGER NOT NULL CHECK (total >= 0),
        note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL,
        updated_by INTEGER NOT NULL REFERENCES users(id),
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (year, quarter, measure)
      ) STRICT`,
      `CREATE TABLE dept_target_months (
        target_id INTEGER NOT NULL REFERENCES dept_targets(id) ON DELETE CASCADE,
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
        amount INTEGER NOT NULL CHECK (amount >= 0),
        PRIMARY KEY (target_id, month)
      ) STRICT`,
      `CREATE TABLE dept_target_people (
        target_id INTEGER NOT NULL REFERENCES dept_targets(id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users(id),
        amount INTEGER NOT NULL CHECK (amount >= 0),
        PRIMARY KEY (target_id, user_id)
      ) STRICT`,
      `CREATE TABLE scorecard_reviews (
        id INTEGER PRIMARY KEY,
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
        user_id INTEGER NOT NULL REFERENCES users(id),
        comment TEXT NOT NULL,
        commented_by INTEGER NOT NULL REFERENCES users(id),
        commented_at TEXT NOT NULL,
        acknowledged_at TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (month, user_id)
      ) STRICT`,
      `CREATE TABLE training_sessions (
        id INTEGER PRIMARY KEY,
        held_on TEXT NOT NULL CHECK (held_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        department TEXT NOT NULL CHECK (department IN ('front_desk','workshop','parts')),
        type TEXT NOT NULL CHECK (type IN ('internal','maker','technical','etiquette')),
        topic TEXT NOT NULL,
        trainer TEXT NOT NULL,
        duration_min INTEGER NOT NULL CHECK (duration_min > 0),
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL
      ) STRICT`,
      `CREATE INDEX training_sessions_held ON training_sessions(held_on, department)`,
      `CREATE TABLE training_attendees (
        session_id INTEGER NOT NULL REFERENCES training_sessions(id) ON DELETE CASCADE,
        user_id INTEGER NOT NULL REFERENCES users(id),
        passed INTEGER CHECK (passed IN (0, 1)),
        score INTEGER CHECK (score BETWEEN 0 AND 100),
        PRIMARY KEY (session_id, user_id)
      ) STRICT`,
      `CREATE TABLE repair_cases (
        id INTEGER PRIMARY KEY,
        submitted_on TEXT NOT NULL CHECK (submitted_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        author_id INTEGER NOT NULL REFERENCES users(id),
        vehicle TEXT NOT NULL,
        fault TEXT NOT NULL,
        diagnosis TEXT NOT NULL,
        fix TEXT NOT NULL,
        hotline INTEGER NOT NULL DEFAULT 0 CHECK (hotline IN (0, 1)),
        created_at TEXT NOT NULL
      ) STRICT`,
      `CREATE INDEX repair_cases_submitted ON repair_cases(submitted_on)`,
    ]),
}
