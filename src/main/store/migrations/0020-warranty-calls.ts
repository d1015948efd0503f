import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: the warranty clerk's calls. `warranty_calls` is a call due for a vehicle: before a
// coverage ends at a milestone from its warranty start (coverage_expiry), or for its first service
// (first_service, window per make in `warranty_first_service_terms`, '' the default row). The calls
// themselves go into customer care's one call log: `care_calls` is rebuilt (SQLite cannot change a
// CHECK in place) so a call belongs to exactly one follow-up, service reminder or warranty call; the
// answers keep pointing at their calls, the deferred foreign-key check sees them whole at commit.
export const m0020: Migration = {
  name: '0020-warranty-calls',
  up: (db) =>
    runSteps(db, [
      `CREATE TABLE warranty_first_service_terms (
        make TEXT PRIMARY KEY,
        months INTEGER NOT NULL CHECK (months BETWEEN 1 AND 60),
        km INTEGER NOT NULL CHECK (km BETWEEN 500 AND 100000)
      ) STRICT`,
      `INSERT INTO warranty_first_service_terms (make, months, km) VALUES ('', 6, 5000)`,
      `CREATE TABLE warranty_calls (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('coverage_expiry', 'first_service')),
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        starts_on TEXT NOT NULL,
        months INTEGER NOT NULL CHECK (months > 0),
        ends_on TEXT NOT NULL,
        due_date TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'booked', 'declined', 'wrong_number')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_try_at TEXT,
        appointment_id INTEGER REFERENCES appointments(id),
        closed_at TEXT,
        closed_by INTEGER REFERENCES users(id),
        close_note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        CHECK (due_date <= ends_on),
        UNIQUE (vehicle_id, kind, months)
      ) STRICT`,
      `CREATE INDEX warranty_calls_due ON warranty_calls(kind, state, due_date)`,
      `CREATE TABLE warranty_call_runs (
        kind TEXT PRIMARY KEY CHECK (kind IN ('coverage_expiry', 'first_service')),
        day TEXT NOT NULL,
        variant TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT`,
      `PRAGMA defer_foreign_keys = ON`,
      `CREATE TEMP TABLE care_calls_0020 AS SELECT * FROM care_calls`,
      `DROP TABLE care_calls`,
      `CREATE TABLE care_calls (
        id INTEGER PRIMARY KEY,
        followup_id INTEGER REFERENCES care_followups(id),
        reminder_id INTEGER REFERENCES care_reminders(id),
        warranty_call_id INTEGER REFERENCES warranty_calls(id),
        user_id INTEGER NOT NULL REFERENCES users(id),
        started_at TEXT NOT NULL,
        ended_at TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('reached', 'no_answer', 'wrong_number', 'call_back')),
        callback_at TEXT,
        remark TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        CHECK (ended_at >= started_at),
        CHECK ((outcome = 'call_back') = (callback_at IS NOT NULL)),
        CHECK ((followup_id IS NOT NULL) + (reminder_id IS NOT NULL) + (warranty_call_id IS NOT NULL) = 1)
      ) STRICT`,
      `INSERT INTO care_calls (id, followup_id, reminder_id, warranty_call_id, user_id, started_at, ended_at, outcome, callback_at, remark, created_at)
         SELECT id, followup_id, reminder_id, NULL, user_id, started_at, ended_at, outcome, callback_at, remark, created_at FROM temp.care_calls_0020`,
      `DROP TABLE temp.care_calls_0020`,
      `CREATE INDEX care_calls_followup ON care_calls(followup_id, id)`,
      `CREATE INDEX care_calls_reminder ON care_calls(reminder_id, id)`,
      `CREATE INDEX care_calls_warranty ON care_calls(warranty_call_id, id)`,
      `CREATE INDEX care_calls_started ON care_calls(started_at)`,
    ]),
}
