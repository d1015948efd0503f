import type { UserCtx } from '../api/context'
import { fieldError } from '../api/app-error'
import { first, insertId } from '../store/query'
import { complaintDue, type ComplaintCategory, type ComplaintSeverity, type ComplaintSource } from '../../shared/domain/care'
import { getComplaint } from './complaint-view'
import { nextComplaintNumber } from './numbers'
import { complaintHours } from './settings'
import type { In, Out } from './types'

// Registering a complaint (抱怨/投诉): from the desk, the phone, the maker's hotline, or a
// follow-up call. Its deadline comes from its severity (settings `care.complaintHours.*`).

export interface ComplaintRecord {
  source: ComplaintSource
  category: ComplaintCategory
  severity: ComplaintSeverity
  words: string
  customerId?: number
  vehicleId?: number
  roId?: number
  followUpId?: number
}

/** Inserts the case and its first step; the customer and vehicle come from the RO when there is one. */
export function openComplaintRecord(ctx: UserCtx, c: ComplaintRecord): number {
  const db = ctx.store.db
  let customerId = c.customerId
  let vehicleId = c.vehicleId ?? null
  if (c.roId !== undefined) {
    const ro = first(ctx.store, db.selectFrom('repair_orders').select(['customer_id', 'vehicle_id']).where('id', '=', c.roId))
    if (!ro) throw fieldError('NOT_FOUND', 'roId', 'care.roNotFound')
    if (customerId !== undefined && customerId !== ro.customer_id) throw fieldError('VALIDATION', 'roId', 'care.roOfOtherCustomer')
    customerId = ro.customer_id
    vehicleId = vehicleId ?? ro.vehicle_id
  }
  if (customerId === undefined || !first(ctx.store, db.selectFrom('customers').select('id').where('id', '=', customerId))) {
    throw fieldError('NOT_FOUND', 'customerId', 'care.customerNotFound')
  }
  if (vehicleId !== null && !first(ctx.store, db.selectFrom('vehicles').select('id').where('id', '=', vehicleId))) {
    throw fieldError('NOT_FOUND', 'vehicleId', 'care.vehicleNotFound')
  }
  const now = ctx.nowIso()
  const number = nextComplaintNumber(ctx)
  const dueAt = complaintDue(now, complaintHours(ctx.store, c.severity))
  const id = insertId(
    ctx.store,
    db.insertInto('care_complaints').values({
      number,
      customer_id: customerId,
      vehicle_id: vehicleId,
      ro_id: c.roId ?? null,
      followup_id: c.followUpId ?? null,
      source: c.source,
      category: c.category,
      severity: c.severity,
      words: c.words,
      due_at: dueAt,
      opened_by: ctx.user.id,
      opened_at: now,
    }),
  )
  insertId(ctx.store, db.insertInto('care_complaint_actions').values({ complaint_id: id, kind: 'open', note: c.words, user_id: ctx.user.id, at: now }))
  ctx.audit({
    action: 'care.complaints.open',
    entity: 'care_complaint',
    entityId: id,
    detail: { number, roId: c.roId ?? null, source: `complaintSource.${c.source}`, category: `complaintCategory.${c.category}`, severity: `complaintSeverity.${c.severity}`, dueAt },
  })
  ctx.events.emit({ type: 'care.changed', id })
  return id
}

export function openComplaint(ctx: UserCtx, input: In<'care.complaints.open'>): Out<'care.complaints.open'> {
  return getComplaint(ctx, openComplaintRecord(ctx, input))
}
