import { addMonthsToDate } from '../../shared/domain/calendar'
import type { Store } from '../store/open'
import { all, insertId, run } from '../store/query'
import { createRng } from './random'

// The maker's monthly satisfaction results for the demo: the twelve months before this one (a
// month's result is published after it ends), mystery shopper and phone survey with the maker's
// items. Most months are on target; last month's mystery-shopper visit lost points at the
// walk-around and is below 950, so the front-desk supervisor's inbox has something to act on.
// Its own random source, so the rest of the demo is the same with or without it.

const MYSTERY_ITEMS = [
  ['MS01', '预约与电话接听', 1000],
  ['MS02', '接待与问候', 2000],
  ['MS03', '环车检查', 1500],
  ['MS04', '维修过程透明', 1500],
  ['MS05', '交车与费用说明', 2000],
  ['MS06', '设施与环境', 1000],
  ['MS07', '服务跟踪', 1000],
] as const
const PHONE_ITEMS = [
  ['PS01', '服务顾问', 2500],
  ['PS02', '维修质量', 3000],
  ['PS03', '按时交车', 2000],
  ['PS04', '价格说明', 1500],
  ['PS05', '整体满意', 1000],
] as const

export function seedCsi(store: Store, today: string, nowIso: string): void {
  const rng = createRng(0xc5_2026)
  const [enteredBy] = all(store, store.db.selectFrom('users').select('id').where('role', 'in', ['front_desk_supervisor', 'service_manager']).where('active', '=', 1).orderBy('id').limit(1))
  if (!enteredBy) return
  const thisMonth = `${today.slice(0, 7)}-01`
  for (let k = 12; k >= 1; k--) {
    const month = addMonthsToDate(thisMonth, -k).slice(0, 7)
    for (const [survey, items] of [
      ['mystery_shopper', MYSTERY_ITEMS],
      ['phone_survey', PHONE_ITEMS],
    ] as const) {
      // Each item loses 0–6 % of its points; last month's walk-around (MS03) loses a fifth.
      const scored = items.map(([code, label, max]) => {
        const lossBp = survey === 'mystery_shopper' && k === 1 && code === 'MS03' ? 2_000 : rng.int(0, 600)
        return { code, label, max, score: max - Math.round((max * lossBp) / 10_000) }
      })
      const total = scored.reduce((s, i) => s + i.score, 0)
      const id = insertId(
        store,
        store.db.insertInto('csi_results').values({ month, survey, score_tenths: total, note: '', entered_by: enteredBy.id, entered_at: nowIso }),
      )
      scored.forEach((i, position) =>
        run(store, store.db.insertInto('csi_items').values({ result_id: id, position, code: i.code, label: i.label, score_tenths: i.score, max_tenths: i.max })),
      )
    }
  }
}
