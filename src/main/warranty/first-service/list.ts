import type { UserCtx } from '../../api/context'
import { all } from '../../store/query'
import { addDays, daysBetween } from '../../../shared/domain/calendar'
import { localDate } from '../../../shared/domain/time'
import { firstServiceStatus } from '../../../shared/domain/first-service'
import { envOf } from '../../rules/context'
import { deskPeriod, firstServiceDue, refreshFirstServices } from '../../rules/first-service'
import { base, toRow } from '../calls/view'
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
  const { from, to } = deskPeriod(today)
  const db = ctx.store.db
  const q = base(db)
    .innerJoin('warranty_first_services as f', (j) => j.onRef('f.vehicle_id', '=', 'w.vehicle_id').onRef('f.months', '=', 'w.months'))
    .select(['f.closes_on', 'f.closes_by', 'f.km', 'f.due_on'])
    .where('w.kind', '=', 'first_service')
    .where('f.vehicle_id', 'in', firstServiceDue(db, from, to).select('f.vehicle_id'))
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
  return all(ctx.store, q).flatMap((r) => {
    const status = firstServiceStatus({ dueOn: r.due_on, closesOn: r.closes_on }, today)
    if (status === null) return []
    return [{ ...toRow(ctx, r, []), status, closesBy: r.closes_by, km: r.km, odometerKm: r.odometer_km, daysLeft: daysBetween(today, r.closes_on) }]
  })
}
