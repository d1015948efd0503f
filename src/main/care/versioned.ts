import type { Updateable } from 'kysely'
import type { Ctx } from '../api/context'
import { conflict, notFound } from '../api/app-error'
import { first, run } from '../store/query'
import type { CareComplaintsTable, CareFollowupsTable } from '../store/schema'

// `UPDATE … SET …, version = version + 1 WHERE id = ? AND version = ?`: exactly one row must
// change, else the row is missing (NOT_FOUND) or the caller's copy is stale (CONFLICT).

export function updateFollowUp(ctx: Ctx, id: number, version: number, set: Updateable<CareFollowupsTable>): void {
  const db = ctx.store.db
  const result = run(ctx.store, db.updateTable('care_followups').set(set).set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', id).where('version', '=', version))
  if (result.changes === 1) return
  const row = first(ctx.store, db.selectFrom('care_followups').select('version').where('id', '=', id))
  if (!row) throw notFound('entity.careFollowUp', id)
  throw conflict('entity.careFollowUp', id, version, row.version)
}

export function updateComplaint(ctx: Ctx, id: number, version: number, set: Updateable<CareComplaintsTable>): void {
  const db = ctx.store.db
  const result = run(ctx.store, db.updateTable('care_complaints').set(set).set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', id).where('version', '=', version))
  if (result.changes === 1) return
  const row = first(ctx.store, db.selectFrom('care_complaints').select('version').where('id', '=', id))
  if (!row) throw notFound('entity.careComplaint', id)
  throw conflict('entity.careComplaint', id, version, row.version)
}
