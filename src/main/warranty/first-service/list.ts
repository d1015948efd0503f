import type { Kysely } from 'kysely'
import type { UserCtx } from '../../api/context'
import type { DB } from '../../store/schema'
import { all } from '../../store/query'
import { addDays, daysBetween } from '../../../shared/domain/calendar'
import { localDate } from '../../../shared/domain/time'
import { firstServiceStatus } from '../../../shared/domain/first-service'
import { envOf } from '../../rules/context'
import { deskPeriod, isFirstServiceDue, refreshFirstServices } from '../../rules/first-service'
import { toRow, type BaseRow, CALL_COLUMNS } from '../calls/view'
import type { In, Out } from './types'

// 首保提醒: the cars whose first-service window closes within the lead days or has closed unserved
// (kept FIRST_SERVICE_OVERDUE_DAYS), with "first service due" read from rules/first-service.ts — the
// same definition as a campaign's target group. Each row is the car's first-service call
// (warranty_calls, made by the refresh), so the desk logs and books it through warranty.calls.logCall.
// Every state is listed (a booked car stays until it comes in); `toCall` keeps the open calls due
// again today. The window closing soonest first.

export function listFirstServices(ctx: UserCtx, input: In<'warranty.firstService.list'>): Out<'warranty.firstService.list'> {
  const env = envOf(ctx)
  refreshFirstServices(env)
  const today = localDate(env.now, env.timeZone)
  const q = firstServiceListQuery(ctx.store.db, today, input)
  return all(ctx.store, q).flatMap((r) => {
    const call: BaseRow = r
    const status = firstServiceStatus({ dueOn: r.due_on, closesOn: r.closes_on }, today)
    if (status === null) return []
    return [{ ...toRow(ctx, call, []), status, closesBy: r.closes_by, km: r.km, odometerKm: r.odometer_km, daysLeft: daysBetween(today, r.closes_on) }]
  })
}

/** The list's rows (the query plan is tested in plan.test.ts). */
export function firstServiceListQuery(db: Kysely<DB>, today: string, input: In<'warranty.firstService.list'>) {
  const { from, to } = deskPeriod(today)
  // The windows in closing order, each joined to its call: as a CROSS JOIN SQLite keeps the windows
  // as the outer loop (walking warranty_first_services_closes in the list's order, so the LIMIT stops
  // the walk); as an inner join it read every first-service call and its window, tested each car's
  // ROs and sorted them all before the limit. The columns are those of the calls' list (calls/view.ts).
  return db
    .selectFrom('warranty_first_services as f')
    .crossJoin('warranty_calls as w')
    .innerJoin('vehicles as v', 'v.id', 'w.vehicle_id')
    .innerJoin('customers as c', 'c.id', 'v.owner_id')
    .select(CALL_COLUMNS)
    .select(['f.closes_on', 'f.closes_by', 'f.km', 'f.due_on'])
    .whereRef('w.vehicle_id', '=', 'f.vehicle_id')
    .whereRef('w.months', '=', 'f.months')
    .where('w.kind', '=', 'first_service')
    .where((eb) => isFirstServiceDue(eb, from, to))
    .$if(input.status === 'due', (q) => q.where('f.closes_on', '>=', today))
    .$if(input.status === 'overdue', (q) => q.where('f.closes_on', '<', today))
    .$if(input.toCall, (q) =>
      q
        .where('w.state', '=', 'open')
        // A local ISO instant before tomorrow's date text: due again today or earlier.
        .where((eb) => eb.or([eb('w.next_try_at', 'is', null), eb('w.next_try_at', '<', addDays(today, 1))])),
    )
    .orderBy('f.closes_on')
    .orderBy('w.id')
    .limit(input.limit)
}
