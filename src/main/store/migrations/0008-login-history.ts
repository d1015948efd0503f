import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: the login history, and the audit trail's reading indexes. Every login outcome (success, failure), each lockout as it starts and
// each unlock by an administrator, with where it came from (an address, and the paired PC's name).
// The throttle reads its counts from here, so a restart does not forgive a password-guessing run.
// `scope` says what a lockout or unlock is about: the user name tried, or the client address.
export const m0008: Migration = {
  name: '0008-login-history',
  up: (db) =>
    runSteps(db, [
      `CREATE TABLE login_events (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        username TEXT NOT NULL,
        user_id INTEGER REFERENCES users(id),
        outcome TEXT NOT NULL CHECK (outcome IN ('success','failure','lockout','unlock')),
        scope TEXT NOT NULL DEFAULT 'user' CHECK (scope IN ('user','address')),
        address TEXT NOT NULL,
        device TEXT,
        locked_until TEXT,
        by_user_id INTEGER REFERENCES users(id),
        CHECK ((outcome = 'lockout') = (locked_until IS NOT NULL))
      ) STRICT`,
      `CREATE INDEX login_events_username ON login_events(username, id)`,
      `CREATE INDEX login_events_address ON login_events(address, id)`,
      `CREATE INDEX login_events_at ON login_events(at)`,
      // A repair order's feed gathers its jobs, additional work, inspections and payments, whose
      // audit rows name the order in their detail.
      `CREATE INDEX audit_log_ro ON audit_log(json_extract(detail, '$.roId')) WHERE json_extract(detail, '$.roId') IS NOT NULL`,
      `CREATE INDEX audit_log_user ON audit_log(user_id, id)`,
    ]),
}
