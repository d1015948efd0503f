import { localDate } from '../../../shared/domain/calendar'
import { first } from '../../store/query'
import { singleHit, type Evaluator } from './types'

// One marketing service campaign a month [manual section 6]: from day `byDay` of the month on, a
// warning while no campaign starting in this month is planned (a campaign's month is its start
// date's, so one planned in December for January counts for January). Planning one clears it.
export const campaignPlanned: Evaluator<'campaign_planned'> = {
  kind: 'campaign_planned',
  hits(env, p) {
    const today = localDate(env.now, env.timeZone)
    const month = today.slice(0, 7)
    const day = Number(today.slice(8, 10))
    const row = first(
      env.store,
      env.store.db.selectFrom('campaigns').select((eb) => eb.fn.countAll<number>().as('n')).where('month', '=', month).where('state', '=', 'planned'),
    )
    const n = row?.n ?? 0
    return singleHit(n === 0 && day >= p.byDay, 'warning', 'alert.campaignPlanned', { month, day, byDay: p.byDay })
  },
}
