import type { Updateable } from 'kysely'
import type { Ctx } from '../api/context'
import { conflict, notFound } from '../api/app-error'
import { first, run } from '../store/query'
import type { DB } from '../store/schema'
import type { MessageKey } from '../../shared/i18n'

// `UPDATE … SET …, version = version + 1 WHERE id = ? AND version = ?`: exactly one row must
// change, else the row is missing (NOT_FOUND) or the caller's copy is stale (CONFLICT). One
// helper for the call tasks and cases that the customer-care desks move, and the warranty desk's
// claims and registers.

const ENTITY = {
  care_followups: 'entity.careFollowUp',
  care_complaints: 'entity.careComplaint',
  care_reminders: 'entity.careReminder',
  warranty_calls: 'entity.warrantyCall',
  campaign_invites: 'entity.campaignInvite',
  warranty_claims: 'entity.warrantyClaim',
  warranty_registers: 'entity.warrantyRegister',
} as const satisfies Record<string, MessageKey>

export type VersionedTable = keyof typeof ENTITY

export function updateVersioned<T extends VersionedTable>(ctx: Ctx, table: T, id: number, version: number, set: Updateable<DB[T]>): void {
  const db = ctx.store.db
  // The generic table narrows to each concrete table at the call site; Kysely cannot follow a
  // generic table name through `set`, so the query is typed on the union here.
  const result = run(ctx.store, db.updateTable(table as VersionedTable).set(set as Updateable<DB[VersionedTable]>).set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', id).where('version', '=', version))
  if (result.changes === 1) return
  const row = first(ctx.store, db.selectFrom(table as VersionedTable).select('version').where('id', '=', id))
  if (!row) throw notFound(ENTITY[table], id)
  throw conflict(ENTITY[table], id, version, row.version)
}

export function updateFollowUp(ctx: Ctx, id: number, version: number, set: Updateable<DB['care_followups']>): void {
  updateVersioned(ctx, 'care_followups', id, version, set)
}

export function updateComplaint(ctx: Ctx, id: number, version: number, set: Updateable<DB['care_complaints']>): void {
  updateVersioned(ctx, 'care_complaints', id, version, set)
}
