import type { InferResult, Kysely } from 'kysely'
import type { UserCtx } from '../api/context'
import { notFound } from '../api/app-error'
import { all, first } from '../store/query'
import type { DB } from '../store/schema'
import type { Out, In } from './types'

// The complaints register (open cases first, by deadline) and one case with every step.

function base(db: Kysely<DB>) {
  return db
    .selectFrom('care_complaints as k')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .leftJoin('vehicles as v', 'v.id', 'k.vehicle_id')
    .leftJoin('repair_orders as r', 'r.id', 'k.ro_id')
    .leftJoin('users as o', 'o.id', 'k.owner_id')
    .select([
      'k.id',
      'k.version',
      'k.number',
      'k.state',
      'k.source',
      'k.category',
      'k.severity',
      'c.name as customer_name',
      'c.mobile',
      'v.plate',
      'k.ro_id',
      'r.number as ro_number',
      'k.owner_id',
      'o.display_name as owner_name',
      'k.department',
      'k.opened_at',
      'k.due_at',
      'k.words',
    ])
}
type BaseRow = InferResult<ReturnType<typeof base>>[number]

function toRow(r: BaseRow, now: string): Out<'care.complaints.list'>[number] {
  return {
    id: r.id,
    version: r.version,
    number: r.number,
    state: r.state,
    source: r.source,
    category: r.category,
    severity: r.severity,
    customerName: r.customer_name,
    mobile: r.mobile,
    plate: r.plate,
    roId: r.ro_id,
    roNumber: r.ro_number,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    department: r.department,
    openedAt: r.opened_at,
    dueAt: r.due_at,
    overdue: r.state !== 'closed' && r.state !== 'resolved' && now >= r.due_at,
    words: r.words,
  }
}

export function listComplaints(ctx: UserCtx, input: In<'care.complaints.list'>): Out<'care.complaints.list'> {
  let q = base(ctx.store.db)
  if (input.state === 'active') q = q.where('k.state', '!=', 'closed').orderBy('k.due_at').orderBy('k.id')
  else if (input.state === 'closed') q = q.where('k.state', '=', 'closed').orderBy('k.opened_at', 'desc').orderBy('k.id', 'desc')
  else q = q.orderBy('k.opened_at', 'desc').orderBy('k.id', 'desc')
  const now = ctx.nowIso()
  return all(ctx.store, q.limit(input.limit)).map((r) => toRow(r, now))
}

export function getComplaint(ctx: UserCtx, id: number): Out<'care.complaints.get'> {
  const db = ctx.store.db
  const row = first(
    ctx.store,
    base(db)
      .innerJoin('users as b', 'b.id', 'k.opened_by')
      .leftJoin('users as z', 'z.id', 'k.closed_by')
      .select(['k.followup_id', 'k.accepted', 'k.acceptance_note', 'k.root_cause', 'b.display_name as opened_by_name', 'k.resolved_at', 'k.closed_at', 'z.display_name as closed_by_name'])
      .where('k.id', '=', id),
  )
  if (!row) throw notFound('entity.careComplaint', id)
  const steps = all(
    ctx.store,
    db
      .selectFrom('care_complaint_actions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['s.id', 's.kind', 's.note', 'u.display_name', 's.at'])
      .where('s.complaint_id', '=', id)
      .orderBy('s.id'),
  )
  return {
    ...toRow(row, ctx.nowIso()),
    followUpId: row.followup_id,
    accepted: row.accepted === null ? null : row.accepted === 1,
    acceptanceNote: row.acceptance_note,
    rootCause: row.root_cause,
    openedBy: row.opened_by_name,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    closedBy: row.closed_by_name,
    steps: steps.map((s) => ({ id: s.id, kind: s.kind, note: s.note, userName: s.display_name, at: s.at })),
  }
}
