import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: one attachment store for every area. A row is a file on a document (owner kind + id);
// the content lives in the data folder under its SHA-256 (the same content twice is one file).
// Removing takes the row off its document (kept, stamped, for the audit trail and head office);
// the file goes once no live row refers to its hash.
export const m0021: Migration = {
  name: '0021-attachments',
  up: (db) =>
    runSteps(db, [
      `CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        owner_kind TEXT NOT NULL CHECK (owner_kind IN ('warranty_claim', 'fives_finding', 'training_session')),
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
      `CREATE INDEX attachments_owner ON attachments (owner_kind, owner_id) WHERE removed_at IS NULL`,
      `CREATE INDEX attachments_sha256 ON attachments (sha256) WHERE removed_at IS NULL`,
      `CREATE INDEX attachments_changed ON attachments (changed_at)`,
    ]),
}
