import type { UserCtx } from '../api/context'
import { first, insertId } from '../store/query'
import { followUpDue } from '../../shared/domain/care'
import { parseIso } from '../../shared/domain/time'
import { followUpDays } from './settings'

/**
 * The follow-up call task of a delivered RO (回访), for its advisor, due `care.followUpDays` after
 * the delivery day. Called by delivery inside its own transaction, so a delivery never exists
 * without its follow-up. Delivering the same RO again (after a reversal) keeps the first task.
 */
export function createFollowUpForDelivery(ctx: UserCtx, roId: number, deliveredAt: string): void {
  const db = ctx.store.db
  const ro = first(ctx.store, db.selectFrom('repair_orders').select(['advisor_id']).where('id', '=', roId))
  if (!ro) return
  if (first(ctx.store, db.selectFrom('care_followups').select('id').where('ro_id', '=', roId))) return
  const due = followUpDue(parseIso(deliveredAt), followUpDays(ctx.store), ctx.timeZone)
  const id = insertId(
    ctx.store,
    db.insertInto('care_followups').values({
      ro_id: roId,
      assignee_id: ro.advisor_id,
      delivered_at: deliveredAt,
      due_date: due.dueDate,
      due_at: due.dueAt,
      created_at: ctx.nowIso(),
    }),
  )
  ctx.audit({ action: 'care.followup.create', entity: 'care_followup', entityId: id, detail: { roId, dueDate: due.dueDate } })
  ctx.events.emit({ type: 'care.changed', id })
}
