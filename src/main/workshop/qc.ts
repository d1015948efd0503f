import { sql } from 'kysely'
import type { Ctx, UserCtx } from '../api/context'
import { first, insertId, run } from '../store/query'
import { conflict, fieldError } from '../api/app-error'
import { nextState, type RoAction } from '../../shared/domain/ro-state'
import { jobTransition, loadRoHead, selectJobs, updateJob, type In, type JobRow, type Out } from './rows'
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
    reworkJobs = input.rework.map((r, i) => {
      const row = first(ctx.store, selectJobs(ctx.store.db).where('j.id', '=', r.jobId).where('j.ro_id', '=', ro.id))
      if (row?.state !== 'done') throw fieldError('VALIDATION', `rework.${i}.jobId`, 'workshop.reworkJobUnknown')
      return row
    })
  }

  const now = ctx.nowIso()
  const db = ctx.store.db
  const inspectionId = insertId(
    ctx.store,
    db.insertInto('qc_inspections').values({
      ro_id: ro.id,
      result: input.result,
      wash: input.result === 'pass' && input.wash ? 1 : 0,
      inspector_id: ctx.user.id,
      at: now,
      note: input.note,
    }),
  )
  input.items.forEach((i, n) =>
    run(
      ctx.store,
      db.insertInto('qc_inspection_items').values({
        inspection_id: inspectionId,
        item_id: i.itemId,
        ok: results[n] === 'ok' ? 1 : 0,
        checked: results[n] === 'not_checked' ? 0 : 1,
        note: i.note,
      }),
    ),
  )
  reworkJobs.forEach((job, i) => {
    run(ctx.store, db.insertInto('qc_rework').values({ inspection_id: inspectionId, job_id: job.id, reason: input.rework[i]!.reason }))
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
  const db = ctx.store.db
  input.items.forEach((item, i) => {
    if (item.id === undefined) return
    const row = first(ctx.store, db.selectFrom('qc_checklist_items').select('ro_type').where('id', '=', item.id))
    if (row?.ro_type !== input.type) throw fieldError('VALIDATION', `items.${i}.id`, 'workshop.checklistItemUnknown')
  })
  run(ctx.store, db.updateTable('qc_checklist_items').set({ active: 0 }).where('ro_type', '=', input.type))
  input.items.forEach((item, i) => {
    if (item.id === undefined) run(ctx.store, db.insertInto('qc_checklist_items').values({ ro_type: input.type, position: i + 1, label: item.label }))
    else run(ctx.store, db.updateTable('qc_checklist_items').set({ label: item.label, position: i + 1, active: 1 }).where('id', '=', item.id))
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
  const db = ctx.store.db
  const row = first(
    ctx.store,
    db
      .selectFrom((eb) => eb.selectFrom('qc_inspections').select(['ro_id', sql<number>`min(id)`.as('first_id')]).groupBy('ro_id').as('f'))
      .innerJoin('qc_inspections as q', 'q.id', 'f.first_id')
      .select([sql<number>`count(*)`.as('inspected'), sql<number>`coalesce(sum(q.result = 'pass'), 0)`.as('first_pass')])
      .where('q.at', '>=', input.from)
      .where('q.at', '<', end),
  )!
  const rework = first(
    ctx.store,
    db
      .selectFrom('qc_rework as w')
      .innerJoin('qc_inspections as q', 'q.id', 'w.inspection_id')
      .select(sql<number>`count(*)`.as('n'))
      .where('q.at', '>=', input.from)
      .where('q.at', '<', end),
  )!
  return {
    inspectedRos: row.inspected,
    firstPass: row.first_pass,
    firstPassRateBp: row.inspected === 0 ? null : Math.round((row.first_pass * 10000) / row.inspected),
    reworkJobs: rework.n,
  }
}
