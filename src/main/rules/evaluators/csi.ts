import { weakestItems, type CsiSurvey } from '../../../shared/domain/csi'
import { decimalFromTenths } from '../../../shared/format/numbers'
import { all, first } from '../../store/query'
import { singleHit, type Evaluator } from './types'
import type { EvalEnv, HitsQuery } from '../context'

// The maker's satisfaction scores [manual: 神秘客户 ≥ 950, 电话回访 ≥ 950]: one department alert
// per survey while its latest month on record is below the target, naming the month, the score
// and the item furthest below its maximum; the next month's result at or above target clears it.

function latestBelow(env: EvalEnv, survey: CsiSurvey, targetTenths: number, key: string): HitsQuery {
  const db = env.store.db
  const latest = first(
    env.store,
    db.selectFrom('csi_results').select(['id', 'month', 'score_tenths']).where('survey', '=', survey).orderBy('month', 'desc').limit(1),
  )
  if (!latest || latest.score_tenths >= targetTenths) return singleHit(false, 'breach', key, {})
  const items = all(
    env.store,
    db.selectFrom('csi_items').select(['code', 'label', 'score_tenths as scoreTenths', 'max_tenths as maxTenths']).where('result_id', '=', latest.id),
  )
  const [worst] = weakestItems(items, 1)
  return singleHit(true, 'breach', key, {
    month: latest.month,
    score: decimalFromTenths(latest.score_tenths),
    target: decimalFromTenths(targetTenths),
    item: worst ? `${worst.label} ${decimalFromTenths(worst.scoreTenths)}/${decimalFromTenths(worst.maxTenths)}` : '—',
  })
}

export const csiMysteryShopper: Evaluator<'csi_mystery_shopper'> = {
  kind: 'csi_mystery_shopper',
  hits: (env, p) => latestBelow(env, 'mystery_shopper', p.targetTenths, 'alert.csiMysteryShopperBelow'),
}

export const csiPhoneSurvey: Evaluator<'csi_phone_survey'> = {
  kind: 'csi_phone_survey',
  hits: (env, p) => latestBelow(env, 'phone_survey', p.targetTenths, 'alert.csiPhoneSurveyBelow'),
}
