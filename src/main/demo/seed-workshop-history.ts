import { toLocalIso } from '../../shared/domain/time'
import { skillOf, type Technician } from './shop-schedule'
import type { World } from './world'
import { all, first as firstRow } from '../store/query'

// The workshop's last weeks, so its statistics (technician efficiency, first-pass rate) have a
// month to show: the jobs of the orders completed then, each clocked by one technician at a time
// between check-in and completion, and the final inspection before the car was handed over —
// now and then failed first and passed after the rework. Written directly (finished history, no
// decisions left to make) in the shapes the workshop services leave behind.

const MIN = 60_000
const FROM_DAY = -34
/** Today's shop was planned over the last four days: the history stops before them. */
const UNTIL_DAY = -4

interface Row {
  id: number
  type: string
  opened_at: string
  completed_at: string
}

export function insertWorkshopHistory(w: World, techs: readonly Technician[], timeZone: string): void {
  const { store, rng, cal } = w
  if (techs.length === 0) return
  const at = (ms: number) => toLocalIso(new Date(ms), timeZone)
  const inspector = firstRow(store, store.db.selectFrom('users').select('id').where('role', '=', 'technical_supervisor').orderBy('id').limit(1))?.id
  if (inspector === undefined) return
  const bays = all(store, store.db.selectFrom('bays').select('id').where('kind', '=', 'lift').where('active', '=', 1).orderBy('code')).map((b) => b.id)
  // raw SQL: bulk generator speed — one read of the whole generated history (thousands of rows)
  const ros = store
    .prepare(
      `SELECT id, type, opened_at, completed_at FROM repair_orders
        WHERE state IN ('ready', 'settled', 'delivered') AND opened_at >= ? AND completed_at < ? ORDER BY opened_at, id`,
    )
    .all(cal.iso(FROM_DAY, 0), cal.iso(UNTIL_DAY, 0)) as Row[]
  // raw SQL: bulk generator speed — a lookup run for every replayed order or action
  const labour = store.prepare(`SELECT id, op_code, description, quantity_milli FROM ro_lines WHERE ro_id = ? AND kind = 'labour' ORDER BY position`)
  // raw SQL: bulk generator speed — a lookup run for every replayed order or action
  const checklist = store.prepare(`SELECT id FROM qc_checklist_items WHERE ro_type = ? AND active = 1 ORDER BY position, id`).pluck()
  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const insertJob = store.prepare(
    `INSERT INTO ro_jobs (ro_id, ro_line_id, description, skill, technician_id, bay_id, state, sold_hours_milli, rework_count,
       dispatched_at, finished_at, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, 'done', ?, ?, ?, ?, ?, ?, ?)`,
  )
  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const insertSegment = store.prepare(`INSERT INTO job_time_segments (job_id, technician_id, started_at, ended_at, pause_reason) VALUES (?, ?, ?, ?, ?)`)
  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const insertInspection = store.prepare(`INSERT INTO qc_inspections (ro_id, result, wash, inspector_id, at, note) VALUES (?, ?, ?, ?, ?, ?)`)
  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const insertItem = store.prepare(`INSERT INTO qc_inspection_items (inspection_id, item_id, ok, note) VALUES (?, ?, ?, ?)`)
  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const insertRework = store.prepare(`INSERT INTO qc_rework (inspection_id, job_id, reason) VALUES (?, ?, ?)`)
  // raw SQL: bulk generator speed — prepared once, run for every generated row
  const finishAgain = store.prepare(`UPDATE ro_jobs SET finished_at = ?, updated_at = ? WHERE id = ?`)
  const free = new Map<number, number>(techs.map((t) => [t.id, 0]))

  ros.forEach((ro, n) => {
    const lines = labour.all(ro.id) as { id: number; op_code: string | null; description: string; quantity_milli: number }[]
    if (lines.length === 0) return
    const opened = Date.parse(ro.opened_at)
    const completed = Date.parse(ro.completed_at)
    const fail = rng.chance(0.06)
    // Work ends early enough for the inspection (and, after a fail, the rework and a second one).
    const doneBy = completed - (fail ? 60 : 20) * MIN
    const planned = lines.map((l) => l.quantity_milli * 3600 * (0.8 + rng.next() * 0.35))
    const total = planned.reduce((a, b) => a + b, 0)
    let cursor = opened + 20 * MIN
    const scale = Math.min(1, Math.max(0, doneBy - cursor) / total)
    const dispatchedAt = at(opened + 15 * MIN)
    const bay = bays.length > 0 ? bays[n % bays.length]! : null
    const jobs: { id: number; tech: number; end: number }[] = []
    for (const [i, line] of lines.entries()) {
      const skill = skillOf(line.op_code)
      const pool = techs.filter((t) => t.skills.includes(skill))
      const tech = (pool.length > 0 ? pool : techs).reduce((a, b) => ((free.get(b.id) ?? 0) < (free.get(a.id) ?? 0) ? b : a))
      const start = Math.max(cursor, free.get(tech.id) ?? 0)
      const end = start + Math.max(5 * MIN, planned[i]! * scale)
      // Nobody was free in time: the job's clock was not kept (it still counts as done).
      const clocked = end <= doneBy
      const id = Number(
        insertJob.run(ro.id, line.id, line.description, tech.skills.includes(skill) ? skill : null, tech.id, bay, line.quantity_milli,
          fail && i === 0 ? 1 : 0, dispatchedAt, at(clocked ? end : doneBy), dispatchedAt, at(clocked ? end : doneBy), 4).lastInsertRowid,
      )
      if (clocked) {
        insertSegment.run(id, tech.id, at(start), at(end), null)
        free.set(tech.id, end)
        cursor = end + 2 * MIN
      }
      jobs.push({ id, tech: tech.id, end: clocked ? end : doneBy })
    }
    const items = checklist.all(ro.type) as number[]
    const inspect = (ms: number, pass: boolean, note: string) => {
      const id = Number(insertInspection.run(ro.id, pass ? 'pass' : 'fail', pass && rng.chance(0.5) ? 1 : 0, inspector, at(ms), note).lastInsertRowid)
      items.forEach((item, i) => insertItem.run(id, item, pass || i > 0 ? 1 : 0, pass || i > 0 ? '' : '路试复查未通过'))
      return id
    }
    const finished = Math.max(...jobs.map((j) => j.end))
    if (fail) {
      const first = jobs[0]!
      const inspection = inspect(finished + 10 * MIN, false, '')
      insertRework.run(inspection, first.id, '路试仍有异响，需重新检查')
      // The rework itself: the same technician, once free, before the second inspection.
      const start = Math.max(finished + 15 * MIN, free.get(first.tech) ?? 0)
      if (start + 15 * MIN <= completed - 10 * MIN) {
        insertSegment.run(first.id, first.tech, at(start), at(start + 15 * MIN), null)
        finishAgain.run(at(start + 15 * MIN), at(start + 15 * MIN), first.id)
        free.set(first.tech, start + 15 * MIN)
      }
      inspect(Math.min(completed - 5 * MIN, Math.max(start + 20 * MIN, finished + 40 * MIN)), true, '返工后复检合格')
    } else {
      inspect(finished + 10 * MIN, true, '')
    }
  })
}
