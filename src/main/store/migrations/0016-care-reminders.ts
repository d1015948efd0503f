import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: service reminders (保养提醒). One reminder per vehicle and the maintenance RO it counts
// from, with the next service's due date by months and by km (projected from the vehicle's own
// km per day), whichever comes first; recomputed once a day while open (`care_reminder_runs`
// notes the day and the interval it was computed for). A reminder call goes into the same call log
// as a follow-up call: `care_calls` is rebuilt so a call belongs to exactly one follow-up or one
// reminder (SQLite cannot drop a NOT NULL in place); the answers keep pointing at their calls,
// the deferred foreign-key check sees them whole again at commit.
export const m0016: Migration = {
  name: '0016-care-reminders',
  up: (db) =>
    runSteps(db, [
      `CREATE TABLE care_reminders (
        id INTEGER PRIMARY KEY,
        vehicle_id INTEGER NOT NULL REFERENCES vehicles(id),
        ro_id INTEGER NOT NULL REFERENCES repair_orders(id),
        service_at TEXT NOT NULL,
        service_km INTEGER NOT NULL CHECK (service_km >= 0),
        last_km INTEGER NOT NULL CHECK (last_km >= 0),
        last_read_at TEXT NOT NULL,
        km_per_day_centi INTEGER CHECK (km_per_day_centi >= 0),
        due_by_months TEXT NOT NULL,
        due_by_km TEXT,
        due_date TEXT NOT NULL,
        due_by TEXT NOT NULL CHECK (due_by IN ('months', 'km')),
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'booked', 'declined')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        callback_at TEXT,
        appointment_id INTEGER REFERENCES appointments(id),
        closed_at TEXT,
        closed_by INTEGER REFERENCES users(id),
        close_note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        UNIQUE (vehicle_id, ro_id)
      ) STRICT`,
      `CREATE INDEX care_reminders_due ON care_reminders(state, due_date)`,
      `CREATE TABLE care_reminder_runs (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        day TEXT NOT NULL,
        variant TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT`,
      `PRAGMA defer_foreign_keys = ON`,
      `CREATE TEMP TABLE care_calls_0016 AS SELECT * FROM care_calls`,
      `DROP TABLE care_calls`,
      `CREATE TABLE care_calls (
        id INTEGER PRIMARY KEY,
        followup_id INTEGER REFERENCES care_followups(id),
        reminder_id INTEGER REFERENCES care_reminders(id),
        user_id INTEGER NOT NULL REFERENCES users(id),
        started_at TEXT NOT NULL,
        ended_at TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('reached', 'no_answer', 'wrong_number', 'call_back')),
        callback_at TEXT,
        remark TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        CHECK (ended_at >= started_at),
        CHECK ((outcome = 'call_back') = (callback_at IS NOT NULL)),
        CHECK ((followup_id IS NULL) <> (reminder_id IS NULL))
      ) STRICT`,
      `INSERT INTO care_calls (id, followup_id, reminder_id, user_id, started_at, ended_at, outcome, callback_at, remark, created_at)
         SELECT id, followup_id, NULL, user_id, started_at, ended_at, outcome, callback_at, remark, created_at FROM temp.care_calls_0016`,
      `DROP TABLE temp.care_calls_0016`,
      `CREATE INDEX care_calls_followup ON care_calls(followup_id, id)`,
      `CREATE INDEX care_calls_reminder ON care_calls(reminder_id, id)`,
      // The satisfaction figure reads a month's calls by when they were made.
      `CREATE INDEX care_calls_started ON care_calls(started_at)`,
    ]),
}
