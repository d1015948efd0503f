import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: the monthly department report handed in (报表按时上交): one row per month and role
// (the front-desk supervisor's and the service manager's), who handed it in and when, and the due
// date in force at that moment, so changing the "due by day N" setting later does not rewrite
// whether a past hand-in was on time.
export const m0032: Migration = {
  name: '0032-report-handins',
  up: (db) =>
    runSteps(db, [
      `CREATE TABLE dept_report_handins (
        id INTEGER PRIMARY KEY,
        month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
        role TEXT NOT NULL CHECK (role IN ('front_desk_supervisor', 'service_manager')),
        user_id INTEGER NOT NULL REFERENCES users(id),
        handed_in_at TEXT NOT NULL,
        due_on TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        UNIQUE (month, role)
      ) STRICT`,
    ]),
}
