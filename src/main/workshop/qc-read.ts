import type { Ctx } from '../api/context'
import type { RoType } from '../../shared/domain/ro-type'
import type { Out } from './rows'
import { storedResult } from '../../shared/domain/qc-result'

// Reading the final-inspection checklist of an RO type and the inspections of an RO.

export type ChecklistItemOut = Out<'workshop.qc.checklist'>[number]
export type InspectionOut = Out<'workshop.ro'>['inspections'][number]

export function checklistOf(ctx: Ctx, type: RoType): ChecklistItemOut[] {
  return ctx.store
    .prepare('SELECT id, label, position FROM qc_checklist_items WHERE ro_type = ? AND active = 1 ORDER BY position, id')
    .all(type) as ChecklistItemOut[]
}

export function inspectionsOf(ctx: Ctx, roId: number): InspectionOut[] {
  const heads = ctx.store
    .prepare(
      `SELECT q.id, q.result, q.wash, u.display_name AS inspector, q.at, q.note
         FROM qc_inspections q JOIN users u ON u.id = q.inspector_id WHERE q.ro_id = ? ORDER BY q.id`,
    )
    .all(roId) as { id: number; result: 'pass' | 'fail'; wash: number; inspector: string; at: string; note: string }[]
  const items = ctx.store
    .prepare(
      `SELECT i.inspection_id, i.item_id, c.label, i.ok, i.checked, i.note
         FROM qc_inspection_items i JOIN qc_inspections q ON q.id = i.inspection_id JOIN qc_checklist_items c ON c.id = i.item_id
        WHERE q.ro_id = ? ORDER BY c.position, c.id`,
    )
    .all(roId) as { inspection_id: number; item_id: number; label: string; ok: number; checked: number; note: string }[]
  const rework = ctx.store
    .prepare(
      `SELECT w.inspection_id, w.job_id, j.description, w.reason
         FROM qc_rework w JOIN qc_inspections q ON q.id = w.inspection_id JOIN ro_jobs j ON j.id = w.job_id
        WHERE q.ro_id = ? ORDER BY w.job_id`,
    )
    .all(roId) as { inspection_id: number; job_id: number; description: string; reason: string }[]
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
