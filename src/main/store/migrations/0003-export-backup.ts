import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: the head-office export's batch history and delivery queue, and the job run log.
// Watermarks live on the batch that reached them, so recording a batch and advancing the
// watermarks is one row in one transaction.
export const m0003: Migration = {
  name: '0003-export-backup',
  up: (db) =>
    runSteps(db, [
      `CREATE TABLE export_batches (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE CHECK (seq > 0),
        first_business_date TEXT NOT NULL,
        business_date TEXT NOT NULL,
        previous_id TEXT,
        cutoff TEXT NOT NULL,
        created_at TEXT NOT NULL,
        dir TEXT NOT NULL,
        manifest_sha256 TEXT NOT NULL,
        rows INTEGER NOT NULL CHECK (rows >= 0),
        bytes INTEGER NOT NULL CHECK (bytes >= 0),
        watermarks TEXT NOT NULL,
        adopted INTEGER NOT NULL DEFAULT 0 CHECK (adopted IN (0, 1))
      ) STRICT`,
      `CREATE TABLE export_deliveries (
        batch_id TEXT NOT NULL REFERENCES export_batches(id),
        target_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending','delivered')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_attempt_at TEXT,
        last_error TEXT,
        delivered_at TEXT,
        PRIMARY KEY (batch_id, target_id)
      ) STRICT, WITHOUT ROWID`,
      `CREATE INDEX export_deliveries_queue ON export_deliveries(target_id, status)`,
      `CREATE TABLE job_runs (
        id INTEGER PRIMARY KEY,
        job TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
        message TEXT NOT NULL DEFAULT ''
      ) STRICT`,
      `CREATE INDEX job_runs_job ON job_runs(job, id)`,
      // The export reads changed rows by (updated_at, id); these tables had no such index yet.
      `CREATE INDEX export_parts_updated ON parts(updated_at)`,
      `CREATE INDEX export_appointments_updated ON appointments(updated_at)`,
      `CREATE INDEX export_users_updated ON users(updated_at)`,
    ]),
}
