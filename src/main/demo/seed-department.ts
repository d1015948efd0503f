import { addDays, lastDateOfMonth } from '../../shared/domain/calendar'
import { evenSplit, quarterMonths, TARGET_MEASURES } from '../../shared/domain/department'
import { sumsByAdvisorMonth, total } from '../department/actuals'
import type { Store } from '../store/open'
import { all } from '../store/query'
import { createRng } from './random'
import { seedFives } from './seed-fives'

// The department's management records for the demo: this year's quarterly targets (set from the
// months just closed, a little above them, split evenly to months and advisors), the training
// sessions of the last three months and of this month so far (the manual's four at the front
// desk and three in the workshop, with attendees and their assessment), and the technical
// supervisor's two repair cases a month. Its own random source, so the rest of the demo is the
// same with or without it.

const TOPICS_FRONT = ['接车环车检查规范', '预约与电话礼仪', '保养套餐话术', '结算与交车流程', '客户投诉处理', '保险定损流程']
const TOPICS_SHOP = ['发动机怠速抖动诊断', '新能源高压安全', '空调系统检修', '变速箱油更换规范', '底盘异响排查', '电控系统故障码读取']
const CASES = [
  ['冷车启动抖动', '读取故障码 P0300，检查点火线圈', '更换第 3 缸点火线圈'],
  ['空调出风不凉', '压力表检测低压偏低，检漏', '更换冷凝器 O 形圈并加注冷媒'],
  ['仪表 ABS 灯亮', '诊断仪显示右前轮速传感器信号丢失', '修复传感器线束'],
  ['高速方向盘抖动', '四轮动平衡检测超差', '重新动平衡并更换平衡块'],
] as const

export function seedDepartment(store: Store, timeZone: string, today: string, nowIso: string): void {
  const rng = createRng(0x5e_2026)
  const userRows = all(store, store.db.selectFrom('users').select(['id', 'role', 'display_name']).where('active', '=', 1).where('role', '<>', 'administrator').orderBy('id'))
  const ids = (...roles: string[]) => userRows.filter((u) => roles.includes(u.role)).map((u) => u.id)
  const manager = ids('service_manager')[0]
  const advisors = ids('service_advisor')
  if (manager === undefined || advisors.length === 0) return
  const frontDesk = [...ids('front_desk_supervisor'), ...advisors]
  const shop = ids('technician')
  const supervisorFront = ids('front_desk_supervisor')[0] ?? manager
  const supervisorShop = ids('workshop_supervisor')[0] ?? manager
  const techSup = ids('technical_supervisor')[0] ?? manager

  const year = Number(today.slice(0, 4))
  const month = today.slice(0, 7)
  const back = (k: number) => {
    const d = new Date(Date.UTC(year, Number(today.slice(5, 7)) - 1 - k, 1))
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
  }

  // Targets: 5 % above the average of the three months just closed.
  const sums = sumsByAdvisorMonth({ store, timeZone }, back(3), back(1))
  const closed = [back(3), back(2), back(1)]
  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const insertTarget = store.prepare('INSERT INTO dept_targets (year, quarter, measure, total, note, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const insertMonth = store.prepare('INSERT INTO dept_target_months (target_id, month, amount) VALUES (?, ?, ?)')
  const insertPerson = store.prepare('INSERT INTO dept_target_people (target_id, user_id, amount) VALUES (?, ?, ?)')
  for (const measure of TARGET_MEASURES) {
    const perMonth = Math.round((total(sums, measure, { months: closed }) / 3) * 1.05)
    if (perMonth <= 0) continue
    for (let quarter = 1; quarter <= 4; quarter++) {
      const months = quarterMonths(year, quarter)
      const quarterTotal = perMonth * 3
      const id = Number(insertTarget.run(year, quarter, measure, quarterTotal, '按上季度均值上浮 5%', nowIso, manager).lastInsertRowid)
      months.forEach((m, i) => insertMonth.run(id, m, evenSplit(quarterTotal, 3)[i]!))
      evenSplit(quarterTotal, advisors.length).forEach((amount, i) => insertPerson.run(id, advisors[i]!, amount))
    }
  }

  // Training and repair cases: the last three months in full, this month up to today.
  const insertSession = store.prepare(
    'INSERT INTO training_sessions (held_on, department, type, topic, trainer, duration_min, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const insertAttendee = store.prepare('INSERT INTO training_attendees (session_id, user_id, passed, score) VALUES (?, ?, ?, ?)')
  const insertCase = store.prepare(
    'INSERT INTO repair_cases (submitted_on, author_id, vehicle, fault, diagnosis, fix, hotline, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const plan = [
    { department: 'front_desk', n: 4, people: frontDesk, topics: TOPICS_FRONT, trainer: supervisorFront, types: ['internal', 'etiquette', 'maker'] },
    { department: 'workshop', n: 3, people: shop, topics: TOPICS_SHOP, trainer: supervisorShop, types: ['technical', 'maker'] },
  ] as const
  for (const m of [back(3), back(2), back(1), month]) {
    const last = m === month ? today : lastDateOfMonth(m)
    for (const p of plan) {
      if (p.people.length === 0) continue
      for (let k = 0; k < p.n; k++) {
        // Spread over the month: the 4th, 11th, 18th and 25th (the workshop a day later).
        const day = addDays(`${m}-01`, 3 + k * 7 + (p.department === 'workshop' ? 1 : 0))
        if (day > last) continue
        const trainer = userRows.find((u) => u.id === p.trainer)?.display_name ?? ''
        const at = `${day}T17:30:00${nowIso.slice(19)}`
        const id = Number(insertSession.run(day, p.department, rng.pick(p.types), rng.pick(p.topics), trainer, rng.pick([45, 60, 90]), p.trainer, at).lastInsertRowid)
        for (const userId of p.people) {
          if (rng.chance(0.1)) continue // away that day
          const score = rng.int(55, 100)
          insertAttendee.run(id, userId, score >= 60 ? 1 : 0, score)
        }
      }
    }
    for (const [k, day] of ['12', '26'].entries()) {
      const date = `${m}-${day}`
      if (date > last) continue
      const [fault, diagnosis, fix] = rng.pick(CASES)
      insertCase.run(date, techSup, `粤A${rng.int(10_000, 99_999)} ${k === 0 ? '朗逸' : '速腾'}`, fault, diagnosis, fix, rng.chance(0.5) ? 1 : 0, `${date}T18:00:00${nowIso.slice(19)}`)
    }
  }
  seedFives(store, today, [back(3), back(2), back(1), month], nowIso, {
    manager,
    owners: {
      workshop: supervisorShop,
      parts_store: ids('parts_supervisor')[0] ?? manager,
      front_desk: supervisorFront,
      lounge: supervisorFront,
      wash_bay: supervisorShop,
    },
  })
}
