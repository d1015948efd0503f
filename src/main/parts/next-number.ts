import { sql } from 'kysely'
import type { Ctx } from '../api/context'
import { first } from '../store/query'

/** The next number of a yearly series (`PO2026000012`), bumped in the caller's transaction. */
export function nextNumber(ctx: Ctx, prefix: 'PO' | 'ST' | 'OP', year: number): string {
  const row = first(
    ctx.store,
    ctx.store.db
      .insertInto('sequences')
      .values({ name: `${prefix.toLowerCase()}:${year}`, value: 1 })
      .onConflict((oc) => oc.column('name').doUpdateSet({ value: sql<number>`value + 1` }))
      .returning('value'),
  )!
  return `${prefix}${year}${String(row.value).padStart(6, '0')}`
}
