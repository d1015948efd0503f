import type { Ctx } from '../api/context'
import { formatRoNumber } from '../../shared/domain/ro-number'
import { zonedParts } from '../../shared/domain/time'

/**
 * The next RO number of the current local year (`RO2026000123`). The counter lives in `sequences`
 * (name `ro:<year>`) and is bumped inside the caller's write transaction, so numbers are never
 * handed out twice and a rolled-back check-in does not use one up.
 */
export function nextRoNumber(ctx: Ctx): string {
  const year = zonedParts(ctx.clock.now(), ctx.timeZone).year
  const row = ctx.store
    .prepare(
      `INSERT INTO sequences (name, value) VALUES (?, 1)
       ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value`,
    )
    .get(`ro:${year}`) as { value: number }
  return formatRoNumber(year, row.value)
}
