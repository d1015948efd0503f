import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: users, sessions, paired devices, settings and the audit trail.
export const m0001: Migration = {
  name: '0001-foundation',
  up: (db) =>
    runSteps(db, [
      `CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT`,
      `CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('service_manager','front_desk_supervisor','service_advisor',
          'workshop_supervisor','technician','technical_supervisor','parts_supervisor','parts_clerk',
          'warranty_clerk','cashier','administrator')),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        locale TEXT NOT NULL DEFAULT 'zh-CN',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT`,
      `CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID`,
      `CREATE INDEX sessions_user ON sessions(user_id)`,
      `CREATE TABLE devices (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        revoked_at TEXT
      ) STRICT`,
      `CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user_id INTEGER REFERENCES users(id),
        channel TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT,
        entity_id TEXT,
        detail TEXT
      ) STRICT`,
      `CREATE INDEX audit_log_entity ON audit_log(entity, entity_id)`,
      `CREATE INDEX audit_log_at ON audit_log(at)`,
    ]),
}
