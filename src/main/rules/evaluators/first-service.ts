import { monthKey, monthStart } from '../../../shared/domain/calendar'
import { mulDivRound } from '../../../shared/domain/stock'
import { pct } from '../context'
import { refreshFirstServices, windowsClosedIn } from '../first-service'
import { singleHit, type Evaluator } from './types'

// 首保回厂率 [manual: ≥ 95 %]: the last complete month's first services done ÷ first-service windows
// closed in it (rules/first-service.ts). Below `targetBp` one department alert names the month, the
// counts, the rate and the target; the next month's rate at target (or a lower target) clears it.
// A month in which no window closed has no rate and raises nothing.

export const firstServiceRate: Evaluator<'first_service_rate'> = {
  kind: 'first_service_rate',
  hits(env, p) {
    refreshFirstServices(env)
    const month = monthKey(monthStart(env.now, env.timeZone, -1), env.timeZone)
    const closed = windowsClosedIn(env, month)
    const done = closed.filter((w) => w.doneRoId !== null).length
    const rateBp = closed.length > 0 ? mulDivRound(done, 10_000, closed.length) : null
    const below = rateBp !== null && rateBp < p.targetBp
    return singleHit(below, 'breach', 'alert.firstServiceRate', { month, done, closed: closed.length, missed: closed.length - done, rate: pct(rateBp ?? 0), target: pct(p.targetBp) })
  },
}
