import type { World } from './world'
import { addDays, instantOnDate, shiftIso, toLocalIso } from '../../shared/domain/calendar'
import { SURVEY_QUESTIONS } from '../../shared/domain/care'

// Customer care's history: every delivery made a follow-up task (through the delivery service);
// here the calls that were made. Most follow-ups past their due day were done with a reached call
// and a survey (mostly 8–10, now and then a low score that became a complaint, closed when old,
// still open when recent); a few were unreachable after three calls, a few are still open and
// overdue; those due today or later wait on the call list.
// raw SQL: bulk generator speed — statements prepared once, run for every generated row.

const COMPLAINT_WORDS = ['交车时间比承诺晚了两个小时', '保养后发现车内有油污', '结算金额比报价高，没有提前说明', '前台等了很久没人接待']
const CATEGORIES = ['time', 'quality', 'price', 'attitude'] as const

export function seedCare(world: World, nowIso: string, timeZone: string): void {
  const { store, rng } = world
  const rows = store
    .prepare(`SELECT f.id, f.ro_id, f.assignee_id, f.delivered_at, f.due_at, r.customer_id, r.vehicle_id FROM care_followups f JOIN repair_orders r ON r.id = f.ro_id WHERE f.state = 'open' ORDER BY f.id`)
    .all() as { id: number; ro_id: number; assignee_id: number; delivered_at: string; due_at: string; customer_id: number; vehicle_id: number }[]
  const insertCall = store.prepare(
    `INSERT INTO care_calls (followup_id, user_id, started_at, ended_at, outcome, callback_at, remark, created_at) VALUES (?, ?, ?, ?, ?, NULL, '', ?)`,
  )
  const insertAnswer = store.prepare(`INSERT INTO care_call_answers (call_id, question, score) VALUES (?, ?, ?)`)
  const close = store.prepare(`UPDATE care_followups SET state = ?, attempts = ?, closed_at = ?, closed_by = ?, done_call_id = ?, close_note = ? WHERE id = ?`)
  const insertComplaint = store.prepare(
    `INSERT INTO care_complaints (number, customer_id, vehicle_id, ro_id, followup_id, source, category, severity, words, state, owner_id, department, due_at, accepted, root_cause, opened_by, opened_at, resolved_at, closed_at, closed_by)
     VALUES (?, ?, ?, ?, ?, 'followup', ?, 'medium', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  )
  const insertStep = store.prepare(`INSERT INTO care_complaint_actions (complaint_id, kind, note, user_id, at) VALUES (?, ?, ?, ?, ?)`)
  const counters = new Map<string, number>()
  const supervisor = (store.prepare(`SELECT id FROM users WHERE role = 'front_desk_supervisor' ORDER BY id LIMIT 1`).get() as { id: number } | undefined)?.id

  for (const f of rows) {
    // Only those whose due day has passed have a history; a call never lies in the future.
    if (f.due_at > shiftIso(nowIso, -24 * 60)) continue
    const roll = rng.next()
    if (roll < 0.03) continue
    // The day after delivery, during office hours (09:30–16:30).
    const day = toLocalIso(instantOnDate(addDays(f.delivered_at.slice(0, 10), 1), rng.int(570, 990), timeZone), timeZone)
    if (day >= nowIso) continue
    if (roll < 0.08) {
      for (let i = 0; i < 3; i++) insertCall.run(f.id, f.assignee_id, shiftIso(day, i * 180), shiftIso(day, i * 180 + 1), 'no_answer', day)
      close.run('unreachable', 3, shiftIso(day, 361), f.assignee_id, null, '三次无人接听', f.id)
      continue
    }
    const low = rng.chance(0.05)
    const callId = Number(insertCall.run(f.id, f.assignee_id, day, shiftIso(day, rng.int(2, 6)), 'reached', day).lastInsertRowid)
    for (const q of SURVEY_QUESTIONS) insertAnswer.run(callId, q, low && q === 'on_time' ? rng.int(2, 5) : rng.weighted([8, 9, 10], [2, 4, 5]))
    close.run('done', 1, shiftIso(day, 7), f.assignee_id, callId, '', f.id)
    if (!low || supervisor === undefined) continue
    const year = day.slice(0, 4)
    const n = (counters.get(year) ?? 0) + 1
    counters.set(year, n)
    const number = `TS${year}${String(n).padStart(6, '0')}`
    const category = rng.pick(CATEGORIES)
    const words = COMPLAINT_WORDS[CATEGORIES.indexOf(category)]!
    const opened = shiftIso(day, 7)
    const old = opened < shiftIso(nowIso, -14 * 24 * 60)
    const resolvedAt = shiftIso(opened, 26 * 60)
    const id = Number(
      insertComplaint.run(number, f.customer_id, f.vehicle_id, f.ro_id, f.id, category, words, old ? 'closed' : 'assigned', f.assignee_id, '前台', shiftIso(opened, 72 * 60),
        old ? 1 : null, old ? '交车前未主动告知客户进度' : '', f.assignee_id, opened, old ? resolvedAt : null, old ? shiftIso(resolvedAt, 60) : null, old ? supervisor : null).lastInsertRowid,
    )
    insertStep.run(id, 'open', words, f.assignee_id, opened)
    insertStep.run(id, 'assign', '', supervisor, shiftIso(opened, 30))
    if (old) {
      insertStep.run(id, 'action', '致电致歉，赠送免费洗车一次', f.assignee_id, shiftIso(opened, 120))
      insertStep.run(id, 'resolve', '客户表示理解', f.assignee_id, resolvedAt)
      insertStep.run(id, 'close', '', supervisor, shiftIso(resolvedAt, 60))
    }
  }
  const bump = store.prepare(`INSERT INTO sequences (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = MAX(value, excluded.value)`)
  for (const [year, n] of counters) bump.run(`ts:${year}`, n)
}
