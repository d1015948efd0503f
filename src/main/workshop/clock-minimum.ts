import { sql } from 'kysely'
import type { Ctx } from '../api/context'
import { getSetting } from '../settings/settings'
import { MS_PER_MINUTE } from '../../shared/domain/workshop-clock'

// The clock minimum (setting `clock.minSegmentMinutes`) and what counts as the supervisor having
// confirmed a short segment: an explicit confirmation, or a correction (the supervisor stated the time).

export function minSegmentMs(ctx: Ctx): number {
  return getSetting(ctx.store, 'clock.minSegmentMinutes') * MS_PER_MINUTE
}

/** SQL (segments aliased `s`): this segment's time has been confirmed or corrected by the supervisor. */
export const CONFIRMED_SQL = `(s.short_confirmed_at IS NOT NULL OR s.corrected_by IS NOT NULL)`

/** CONFIRMED_SQL as a Kysely expression: 1 when confirmed or corrected, else 0. */
export const CONFIRMED = sql<number>`${sql.raw(CONFIRMED_SQL)}`

/** A closed segment's length in ms (segments aliased `s`), from the instants the ISO texts name. */
export const SEGMENT_MS = sql<number>`(unixepoch(s.ended_at, 'subsec') - unixepoch(s.started_at, 'subsec')) * 1000`
