import { addDays } from '../../shared/domain/calendar'
import { FIVES_AREAS, FIVES_ITEM_MAX } from '../../shared/domain/department'
import type { Store } from '../store/open'
import { all } from '../store/query'
import { createRng } from './random'

// The demo's 5S history: the service manager audits every area once a month (the 6th to the
// 10th) on the default checklists, for the last three months and this month so far. Most audits
// find something; past findings were closed by their owner, this month's are open and not yet
// due, so the overdue rule stays quiet on a fresh demo.

const FINDINGS: Record<(typeof FIVES_AREAS)[number], readonly string[]> = {
  workshop: ['2 号工位地面油污未清理', '举升机旁废旧滤清器未归位', '工具车抽屉标识脱落'],
  parts_store: ['货架 B3 有无标签配件', '退货区配件未及时处理', '通道堆放纸箱'],
  front_desk: ['接待台资料摆放杂乱', '预约看板未更新', '员工未佩戴工牌'],
  lounge: ['茶水台有水渍', '杂志架资料过期', '儿童区玩具未消毒登记'],
  wash_bay: ['洗车区地面积水', '毛巾未分类存放', '高压水枪未归位'],
}
const CLOSE_NOTES = ['已整改，复查合格', '已清理并建立每日点检', '已补贴标识，责任到人']

export function seedFives(store: Store, today: string, months: readonly string[], nowIso: string, people: { manager: number; owners: Record<(typeof FIVES_AREAS)[number], number> }): void {
  const rng = createRng(0x5e_0005)
  const offset = nowIso.slice(19)
  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const insertAudit = store.prepare('INSERT INTO fives_audits (area, audited_on, auditor_id, score, max_score, created_at) VALUES (?, ?, ?, ?, ?, ?)')
  const insertScore = store.prepare('INSERT INTO fives_scores (audit_id, item_id, score) VALUES (?, ?, ?)')
  const insertFinding = store.prepare(
    'INSERT INTO fives_findings (audit_id, text, owner_id, due_on, state, closed_at, closed_by, close_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  )
  for (const [k, area] of FIVES_AREAS.entries()) {
    const items = all(store, store.db.selectFrom('fives_items').select('id').where('area', '=', area).where('active', '=', 1).orderBy('position'))
    if (items.length === 0) continue
    for (const month of months) {
      const day = addDays(`${month}-01`, 5 + k)
      if (day > today) continue
      const scores = items.map(() => (rng.chance(0.3) ? rng.int(2, 4) : FIVES_ITEM_MAX))
      const score = scores.reduce((s, x) => s + x, 0)
      const id = Number(insertAudit.run(area, day, people.manager, score, items.length * FIVES_ITEM_MAX, `${day}T16:00:00${offset}`).lastInsertRowid)
      items.forEach((item, i) => insertScore.run(id, item.id, scores[i]!))
      if (score === items.length * FIVES_ITEM_MAX) continue
      const owner = people.owners[area]
      const thisMonth = month === today.slice(0, 7)
      const dueOn = thisMonth ? addDays(today, 5) : addDays(day, 7)
      if (thisMonth) insertFinding.run(id, rng.pick(FINDINGS[area]), owner, dueOn, 'open', null, null, '')
      else insertFinding.run(id, rng.pick(FINDINGS[area]), owner, dueOn, 'closed', `${addDays(day, rng.int(1, 6))}T11:00:00${offset}`, owner, rng.pick(CLOSE_NOTES))
    }
  }
}
