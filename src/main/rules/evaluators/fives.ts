import { addDays, localDate } from '../../../shared/domain/calendar'
import { first } from '../../store/query'
import { singleHit, type Evaluator } from './types'

// 5S findings followed up and closed by their due date [manual section 4]: one department alert
// while any open finding is more than `graceDays` past its due date, with how many and the
// oldest due date; closing them (or a later due date) clears it.
export const fivesOverdue: Evaluator<'fives_finding_overdue'> = {
  kind: 'fives_finding_overdue',
  hits(env, p) {
    const cutoff = addDays(localDate(env.now, env.timeZone), -p.graceDays)
    const row = first(
      env.store,
      env.store.db
        .selectFrom('fives_findings')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min<string>('due_on').as('oldest')])
        .where('state', '=', 'open')
        .where('due_on', '<', cutoff),
    )
    const n = row?.n ?? 0
    return singleHit(n > 0, 'breach', 'alert.fivesOverdue', { count: n, oldest: row?.oldest ?? '' })
  },
}
