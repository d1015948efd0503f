import type { Ctx, UserCtx } from '../api/context'
import { conflict, fieldError } from '../api/app-error'
import { nextState, type RoAction } from '../../shared/domain/ro-state'
import { jobTransition, loadRoHead, JOB_SELECT, updateJob, type In, type JobRow, type Out } from './rows'
import { transitionRo } from './ro-flow'
import { getWorkshopRo } from './ro-detail'
import { checklistOf, type ChecklistItemOut } from './qc-read'
import { dayAfter } from './reports'
import { itemResult, refuseResult } from '../../shared/domain/qc-result'

// Final inspection (竣工检验) by the technical supervisor, against the checklist of the RO's type.
// A pass sends the car on (to the wash or straight to delivery); a fail names the jobs that go
// back as rework, each with a reason, and counts against the first-pass rate.

export function recordInspection(ctx: UserCtx, input: In<'workshop.qc.record'>): Out<'workshop.qc.record'> {
  const ro = loadRoHead(ctx, input.roId)
  if (ro.version !== input.version) throw conflict('entity.repairOrder', ro.id, input.version, ro.version)
  const action: RoAction = input.result === 'fail' ? 'qc_fail' : input.wash ? 'qc_pass_wash' : 'qc_pass'
  if (nextState(ro.state, action) === null) transitionRo(ctx, ro.id, action, input.version) // throws the named refusal

  const checklist = new Map(checklistOf(ctx, ro.type).map((item) => [item.id, item]))
  if (input.items.some((i) => !checklist.has(i.itemId))) throw fieldError('VALIDATION', 'items', 'workshop.qcItemUnknown')
  const answered = new Set(input.items.map((i) => i.itemId))
  const missing = [...checklist.keys()].filter((id) => !answered.has(id)).length
  if (missing > 0) throw fieldError('VALIDATION', 'items', 'workshop.qcItemsIncomplete', { count: missing })
  const results = input.items.map((i) => itemResult(i))
  const failedItems = input.items.filter((_, n) => results[n] === 'fail').map((i) => i.itemId)
  const notChecked = input.items.filter((_, n) => results[n] === 'not_checked').map((i) => i.itemId)
  const refusal = refuseResult(input.result, results)
  if (refusal) throw fieldError('VALIDATION', 'result', refusal.key, { count: refusal.count })

  let reworkJobs: JobRow[] = []
  if (input.result === 'fail') {
    if (input.rework.length === 0) throw fieldError('VALIDATION', 'rework', 'workshop.qcFailNeedsRework')
    const job = ctx.store.prepare(`${JOB_SELECT} WHERE j.id = ? AND j.ro_id = ?`)
    reworkJobs = input.rework.map((r, i) => {
      const row = job.get(r.jobId, ro.id) as JobRow | undefined
      if (row?.state !== 'done') throw fieldError('VALIDATION', `rework.${i}.jobId`, 'workshop.reworkJobUnknown')
      return row
    })
  }

  const now = ctx.nowIso()
  const inspectionId = Number(
    ctx.store
      .prepare('INSERT INTO qc_inspections (ro_id, result, wash, inspector_id, at, note) VALUES (?, ?, ?, ?, ?, ?)')
      .run(ro.id, input.result, input.result === 'pass' && input.wash ? 1 : 0, ctx.user.id, now, input.note).lastInsertRowid,
  )
  const item = ctx.store.prepare('INSERT INTO qc_inspection_items (inspection_id, item_id, ok, checked, note) VALUES (?, ?, ?, ?, ?)')
  input.items.forEach((i, n) => item.run(inspectionId, i.itemId, results[n] === 'ok' ? 1 : 0, results[n] === 'not_checked' ? 0 : 1, i.note))
  const rework = ctx.store.prepare('INSERT INTO qc_rework (inspection_id, job_id, reason) VALUES (?, ?, ?)')
  reworkJobs.forEach((job, i) => {
    rework.run(inspectionId, job.id, input.rework[i]!.reason)
    updateJob(ctx, job, { state: jobTransition(job, 'send_back'), rework_count: job.rework_count + 1 })
  })
  transitionRo(ctx, ro.id, action, input.version)
  ctx.audit({
    action: 'workshop.qc.record',
    entity: 'qc_inspection',
    entityId: inspectionId,
    detail: { roId: ro.id, result: input.result, wash: input.wash, failedItems, notChecked, rework: input.rework },
  })
  return getWorkshopRo(ctx, ro.id)
}

export function washDone(ctx: UserCtx, input: In<'workshop.washDone'>): Out<'workshop.washDone'> {
  transitionRo(ctx, input.roId, 'wash_done', input.version)
  return getWorkshopRo(ctx, input.roId)
}

export function checklist(ctx: Ctx, input: In<'workshop.qc.checklist'>): ChecklistItemOut[] {
  return checklistOf(ctx, input.type)
}

/** Replaces the checklist of a type: kept items are renumbered, new ones added, left-out ones retired. */
export function saveChecklist(ctx: UserCtx, input: In<'workshop.qc.saveChecklist'>): ChecklistItemOut[] {
  const before = checklistOf(ctx, input.type)
  const owner = ctx.store.prepare('SELECT ro_type FROM qc_checklist_items WHERE id = ?')
  input.items.forEach((item, i) => {
    if (item.id === undefined) return
    const row = owner.get(item.id) as { ro_type: string } | undefined
    if (row?.ro_type !== input.type) throw fieldError('VALIDATION', `items.${i}.id`, 'workshop.checklistItemUnknown')
  })
  ctx.store.prepare('UPDATE qc_checklist_items SET active = 0 WHERE ro_type = ?').run(input.type)
  const update = ctx.store.prepare('UPDATE qc_checklist_items SET label = ?, position = ?, active = 1 WHERE id = ?')
  const insert = ctx.store.prepare('INSERT INTO qc_checklist_items (ro_type, position, label) VALUES (?, ?, ?)')
  input.items.forEach((item, i) => {
    if (item.id === undefined) insert.run(input.type, i + 1, item.label)
    else update.run(item.label, i + 1, item.id)
  })
  const after = checklistOf(ctx, input.type)
  ctx.audit({ action: 'workshop.qc.saveChecklist', entity: 'qc_checklist', entityId: input.type, detail: { before, after } })
  ctx.events.emit({ type: 'workshop.changed' })
  return after
}

/**
 * First-pass rate (一次交车合格率) over ROs whose first inspection falls in the period: the share
 * that passed the first time. Rework jobs counts every job sent back in the period.
 */
export function qcStats(ctx: Ctx, input: In<'workshop.qc.stats'>): Out<'workshop.qc.stats'> {
  const end = dayAfter(input.to)
  const row = ctx.store
    .prepare(
      `SELECT count(*) AS inspected, coalesce(sum(q.result = 'pass'), 0) AS first_pass
         FROM (SELECT ro_id, min(id) AS first_id FROM qc_inspections GROUP BY ro_id) f
         JOIN qc_inspections q ON q.id = f.first_id
        WHERE q.at >= ? AND q.at < ?`,
    )
    .get(input.from, end) as { inspected: number; first_pass: number }
  const rework = ctx.store
    .prepare('SELECT count(*) AS n FROM qc_rework w JOIN qc_inspections q ON q.id = w.inspection_id WHERE q.at >= ? AND q.at < ?')
    .get(input.from, end) as { n: number }
  return {
    inspectedRos: row.inspected,
    firstPass: row.first_pass,
    firstPassRateBp: row.inspected === 0 ? null : Math.round((row.first_pass * 10000) / row.inspected),
    reworkJobs: rework.n,
  }
}
