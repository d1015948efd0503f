import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: the service reminder list leaves out cars with a booking ahead, asked once per listed
// reminder; by vehicle and start it is one index lookup instead of a walk through every future
// appointment (EXPLAIN QUERY PLAN before: SEARCH a USING INDEX appointments_day (starts_at>?)).
export const m0027: Migration = {
  name: '0027-care-list-indexes',
  up: (db) => runSteps(db, [`CREATE INDEX appointments_vehicle ON appointments(vehicle_id, starts_at)`]),
}
