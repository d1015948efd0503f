import type { Kysely } from 'kysely'
import type { DB } from './schema'

/**
 * A repair order with its vehicle (`v`), customer (`c`) and advisor (`u`): the join every RO
 * header, list row and bill starts from. Callers add the columns they show.
 */
export function roWithParties(db: Kysely<DB>) {
  return db
    .selectFrom('repair_orders as r')
    .innerJoin('vehicles as v', 'v.id', 'r.vehicle_id')
    .innerJoin('customers as c', 'c.id', 'r.customer_id')
    .innerJoin('users as u', 'u.id', 'r.advisor_id')
}
