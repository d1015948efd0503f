import { daysInMonth, lastDateOfMonth, localDate } from '../../../shared/domain/calendar'
import { first } from '../../store/query'
import { singleHit, type Evaluator } from './types'

// The manual's monthly training targets [manual section 6]: 前台每月培训不少于4次（有记录、有考核）,
// 车间技术培训每月不少于3次, 技术主管每月提交2个维修案例. Judged on the running month: once only
// `warnDays` are left and the count is short, a warning with the count, the target and the days
// left; recording the missing sessions (or a new month) clears it.
// Department rules: the count is read first, then the one-row set is singleHit's.

function monthOf(env: { now: Date; timeZone: string }) {
  const today = localDate(env.now, env.timeZone)
  const month = today.slice(0, 7)
  const [y, m] = month.split('-').map(Number) as [number, number]
  return { month, from: `${month}-01`, to: lastDateOfMonth(month), daysLeft: daysInMonth(y, m) - Number(today.slice(8, 10)) + 1 }
}

const sessionsOf = (department: 'front_desk' | 'workshop'): Evaluator<'training_front_desk' | 'training_workshop'>['hits'] =>
  function hits(env, p) {
    const m = monthOf(env)
    const n = first(
      env.store,
      env.store.db
        .selectFrom('training_sessions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('department', '=', department)
        .where('held_on', '>=', m.from)
        .where('held_on', '<=', m.to),
    ) ?? { n: 0 }
    const key = department === 'front_desk' ? 'alert.trainingFrontDesk' : 'alert.trainingWorkshop'
    return singleHit(n.n < p.min && m.daysLeft <= p.warnDays, 'warning', key, { month: m.month, count: n.n, target: p.min, daysLeft: m.daysLeft })
  }

export const trainingFrontDesk: Evaluator<'training_front_desk'> = { kind: 'training_front_desk', hits: sessionsOf('front_desk') }
export const trainingWorkshop: Evaluator<'training_workshop'> = { kind: 'training_workshop', hits: sessionsOf('workshop') }

export const repairCases: Evaluator<'repair_cases'> = {
  kind: 'repair_cases',
  hits(env, p) {
    const m = monthOf(env)
    const n = first(
      env.store,
      env.store.db.selectFrom('repair_cases').select((eb) => eb.fn.countAll<number>().as('n')).where('submitted_on', '>=', m.from).where('submitted_on', '<=', m.to),
    ) ?? { n: 0 }
    return singleHit(n.n < p.min && m.daysLeft <= p.warnDays, 'warning', 'alert.repairCases', { month: m.month, count: n.n, target: p.min, daysLeft: m.daysLeft })
  },
}

