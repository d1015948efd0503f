import { z } from 'zod'
import type { Ctx } from '../api/context'
import type { Store } from '../store/open'
import { preparedQuery } from '../store/query'
import { readSetting } from '../settings/settings'
import { zonedParts } from '../../shared/domain/time'
import { DEFAULT_DISCOUNT_CAP_BP } from '../../shared/domain/settlement'

const bumpSequence = preparedQuery<{ name: string }>()((db, p) =>
  db
    .insertInto('sequences')
    .values({ name: p.name, value: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ value: eb('value', '+', 1) })))
    .returning('value'),
)

/**
 * The next document number of the current local year (`INV2026000123`, `GP2026000007`). The
 * counter lives in `sequences` (name `<prefix>:<year>`) and is bumped inside the caller's write
 * transaction, so a rolled-back settlement does not use a number up.
 */
export function nextNumber(ctx: Ctx, prefix: 'INV' | 'GP'): string {
  const year = zonedParts(ctx.clock.now(), ctx.timeZone).year
  const row = bumpSequence.first(ctx.store, { name: `${prefix.toLowerCase()}:${year}` })!
  return `${prefix}${year}${String(row.value).padStart(6, '0')}`
}

const CapSchema = z.number().int().min(0).max(10_000)

/** The discount share a cashier may give without `settlement.discount.large` (setting `settlement.discountCapBp`). */
export function discountCapBp(store: Store): number {
  return readSetting(store, 'settlement.discountCapBp', CapSchema, DEFAULT_DISCOUNT_CAP_BP)
}

