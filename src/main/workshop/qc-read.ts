import type { Ctx } from '../api/context'
import { all } from '../store/query'
import type { RoType } from '../../shared/domain/ro-type'
import type { Out } from './rows'
import { storedResult } from '../../shared/domain/qc-result'

// Reading the final-inspection checklist of an RO type and the inspections of an RO.

export type ChecklistItemOut = Out<'workshop.qc.checklist'>[number]
export type InspectionOut = Out<'workshop.ro'>['inspections'][number]

export function checklistOf(ctx: Ctx, type: RoType): ChecklistItemOut[] {
  return all(
    ctx.store,
    ctx.store.db.selectFrom('qc_checklist_items').select(['id', 'label', 'position']).where('ro_type', '=', type).where('active', '=', 1).orderBy('position').orderBy('id'),
  )
}

export function inspectionsOf(ctx: Ctx, roId: number): InspectionOut[] {
  const db = ctx.store.db
  const heads = all(
    ctx.store,
    db
      .selectFrom('qc_inspections as q')
      .innerJoin('users as u', 'u.id', 'q.inspector_id')
      .select(['q.id', 'q.result', 'q.wash', 'u.display_name as inspector', 'q.at', 'q.note'])
      .where('q.ro_id', '=', roId)
      .orderBy('q.id'),
  )
  const items = all(
    ctx.store,
    db
      .selectFrom('qc_inspection_items as i')
      .innerJoin('qc_inspections as q', 'q.id', 'i.inspection_id')
      .innerJoin('qc_checklist_items as c', 'c.id', 'i.item_id')
      .select(['i.inspection_id', 'i.item_id', 'c.label', 'i.ok', 'i.checked', 'i.note'])
      .where('q.ro_id', '=', roId)
      .orderBy('c.position')
      .orderBy('c.id'),
  )
  const rework = all(
    ctx.store,
    db
      .selectFrom('qc_rework as w')
      .innerJoin('qc_inspections as q', 'q.id', 'w.inspection_id')
      .innerJoin('ro_jobs as j', 'j.id', 'w.job_id')
      .select(['w.inspection_id', 'w.job_id', 'j.description', 'w.reason'])
      .where('q.ro_id', '=', roId)
      .orderBy('w.job_id'),
  )
  return heads.map((h) => ({
    id: h.id,
    result: h.result,
    wash: h.wash === 1,
    inspector: h.inspector,
    at: h.at,
    note: h.note,
    items: items
      .filter((i) => i.inspection_id === h.id)
      .map((i) => ({ itemId: i.item_id, label: i.label, ok: i.ok === 1, result: storedResult(i.checked, i.ok), note: i.note })),
    rework: rework
      .filter((w) => w.inspection_id === h.id)
      .map((w) => ({ jobId: w.job_id, description: w.description, reason: w.reason })),
  }))
}
