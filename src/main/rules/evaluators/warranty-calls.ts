import { addDays, localDate } from '../../../shared/domain/calendar'
import { first } from '../../store/query'
import { singleHit, type Evaluator } from './types'

// Coverage-expiry calls (保修到期提醒) the warranty clerk has not closed (booked, declined, wrong
// number) with `warnDays` or fewer left before the coverage ends: one department alert with how
// many and the one ending soonest. Closing the calls (or the coverage ending) clears it. The calls
// themselves are made each day by the call list's refresh (their offset is this rule's `days`).

export const warrantyCoverageCalls: Evaluator<'warranty_coverage_calls'> = {
  kind: 'warranty_coverage_calls',
  hits(env, p) {
    const today = localDate(env.now, env.timeZone)
    const open = env.store.db
      .selectFrom('warranty_calls as w')
      .innerJoin('vehicles as v', 'v.id', 'w.vehicle_id')
      .where('w.kind', '=', 'coverage_expiry')
      .where('w.state', '=', 'open')
      .where('w.ends_on', '>=', today)
      .where('w.ends_on', '<=', addDays(today, p.warnDays))
    const count = first(env.store, open.select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0
    const soonest = first(env.store, open.select(['v.plate', 'v.vin', 'w.ends_on']).orderBy('w.ends_on').orderBy('w.id').limit(1))
    return singleHit(count > 0, 'warning', 'alert.warrantyCoverageCalls', { count, plate: soonest?.plate ?? soonest?.vin ?? '', endsOn: soonest?.ends_on ?? '' })
  },
}
