import type { Ctx } from '../api/context'
import { preparedQuery } from '../store/query'
import { zonedParts } from '../../shared/domain/time'

const bump = preparedQuery<{ name: string }>()((db, p) =>
  db
    .insertInto('sequences')
    .values({ name: p.name, value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('value', '+', 1) })))
    .returning('value'),
)

/** The next complaint number of the local year (`TS2026000012`, 投诉), bumped inside the write. */
export function nextComplaintNumber(ctx: Ctx): string {
  const year = zonedParts(ctx.clock.now(), ctx.timeZone).year
  const row = bump.first(ctx.store, { name: `ts:${year}` })!
  return `TS${year}${String(row.value).padStart(6, '0')}`
}
