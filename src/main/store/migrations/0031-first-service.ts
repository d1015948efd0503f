import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: each vehicle's first-service window (首保), worked out once a day by the warranty desk
// from its warranty start and its make's `warranty_first_service_terms`: it closes `months` after
// the start or on the day the odometer is projected to pass `km`, whichever is earlier; the call
// falls due `due_on`. A window that has closed keeps the dates it closed with (the monthly rate is
// counted from them), unless the warranty start itself is changed.
export const m0031: Migration = {
  name: '0031-first-service',
  up: (db) =>
    runSteps(db, [
      `CREATE TABLE warranty_first_services (
        vehicle_id INTEGER PRIMARY KEY REFERENCES vehicles(id),
        starts_on TEXT NOT NULL,
        months INTEGER NOT NULL CHECK (months > 0),
        km INTEGER NOT NULL CHECK (km > 0),
        closes_by_months TEXT NOT NULL,
        closes_by_km TEXT,
        closes_on TEXT NOT NULL,
        closes_by TEXT NOT NULL CHECK (closes_by IN ('months', 'km')),
        due_on TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (closes_on >= starts_on),
        CHECK (due_on <= closes_on)
      ) STRICT`,
      // The list and the rate read a range of closing days (the last 90 days and the months of the
      // rate); no index on due_on, whose "on or before today" is nearly every row.
      `CREATE INDEX warranty_first_services_closes ON warranty_first_services(closes_on)`,
    ]),
}
