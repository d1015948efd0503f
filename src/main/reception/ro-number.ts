import type { Ctx } from '../api/context'
import { formatRoNumber } from '../../shared/domain/ro-number'
import { zonedParts } from '../../shared/domain/time'
import { preparedQuery } from '../store/query'

/**
 * The next RO number of the current local year (`RO2026000123`). The counter lives in `sequences`
 * (name `ro:<year>`) and is bumped inside the caller's write transaction, so numbers are never
 * handed out twice and a rolled-back check-in does not use one up.
 */
const bumpSequence = preparedQuery<{ name: string }>()((db, p) =>
  db
    .insertInto('sequences')
    .values({ name: p.name, value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('value', '+', 1) })))
    .returning('value'),
)

export function nextRoNumber(ctx: Ctx): string {
  const year = zonedParts(ctx.clock.now(), ctx.timeZone).year
  const row = bumpSequence.first(ctx.store, { name: `ro:${year}` })!
  return formatRoNumber(year, row.value)
}
