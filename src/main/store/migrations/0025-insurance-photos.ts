import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: an insurance claim (保险定损) keeps its photos in the one attachment store, so the
// attachments' owner kinds take `insurance_claim`. SQLite cannot change a CHECK in place: the
// table is rebuilt with its rows and indexes as they were.
export const m0025: Migration = {
  name: '0025-insurance-photos',
  up: (db) =>
    runSteps(db, [
      `PRAGMA defer_foreign_keys = ON`,
      `CREATE TEMP TABLE attachments_0025 AS SELECT * FROM attachments`,
      `DROP TABLE attachments`,
      `CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        owner_kind TEXT NOT NULL CHECK (owner_kind IN ('warranty_claim', 'fives_finding', 'training_session', 'insurance_claim')),
        owner_id INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        mime_type TEXT NOT NULL CHECK (mime_type IN ('image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf')),
        size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        created_by INTEGER NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        removed_by INTEGER REFERENCES users(id),
        removed_at TEXT,
        changed_at TEXT NOT NULL
      ) STRICT`,
      `INSERT INTO attachments (id, owner_kind, owner_id, file_name, mime_type, size_bytes, sha256, created_by, created_at, removed_by, removed_at, changed_at)
         SELECT id, owner_kind, owner_id, file_name, mime_type, size_bytes, sha256, created_by, created_at, removed_by, removed_at, changed_at FROM temp.attachments_0025`,
      `DROP TABLE temp.attachments_0025`,
      `CREATE INDEX attachments_owner ON attachments (owner_kind, owner_id) WHERE removed_at IS NULL`,
      `CREATE INDEX attachments_sha256 ON attachments (sha256) WHERE removed_at IS NULL`,
      `CREATE INDEX attachments_changed ON attachments (changed_at)`,
    ]),
}
