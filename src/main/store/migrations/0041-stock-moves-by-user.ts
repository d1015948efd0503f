import type { Migration } from './steps'
import { runSteps } from './steps'

// Frozen: a person's stock moves in a period (the parts clerk's parts sales on the scorecard and
// its drill-down) read from an index on who posted the move and when. Without it the planner took
// the reference index for `ref_type = 'ro'` and read nearly every move of the ledger per card:
// on the bench data set (2M moves) the every-card pass of 24 people went 144 → 345 ms when the
// parts cards came in.
export const m0041: Migration = {
  name: '0041-stock-moves-by-user',
  up: (db) => runSteps(db, [`CREATE INDEX stock_moves_user ON stock_moves(user_id, at)`]),
}
