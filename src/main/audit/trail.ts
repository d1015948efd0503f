import { sql } from 'kysely'
import type { DocumentKind } from '../../shared/contract/audit'
import { roleHas, type Permission } from '../../shared/domain/roles'
import { AppError } from '../api/app-error'
import type { UserCtx } from '../api/context'
import { all } from '../store/query'

// The readers of the audit trail: one document's activity, and the whole log with filters.

/** Who may read a document's feed: whoever may read the document itself. */
const DOCUMENT_READERS: Record<DocumentKind, Permission> = {
  ro: 'reception.read',
  settlement: 'settlement.read',
  po: 'parts.read',
  stocktake: 'parts.read',
}

const DETAIL_SHOWN = 4000

export interface AuditRow {
  id: number
  at: string
  userName: string | null
  action: string
  entity: string | null
  entityId: string | null
  detail: string | null
}

type Row = { id: number; at: string; user_name: string | null; action: string; entity: string | null; entity_id: string | null; detail: string | null }
const toRow = (r: Row, full = false): AuditRow => ({
  id: r.id,
  at: r.at,
  userName: r.user_name,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  detail: r.detail === null || full ? r.detail : r.detail.length > DETAIL_SHOWN ? `${r.detail.slice(0, DETAIL_SHOWN)}…` : r.detail,
})

function base(ctx: UserCtx) {
  return ctx.store.db
    .selectFrom('audit_log as a')
    // A login is written before its session exists (no user on the call): the user is the entity.
    .leftJoin('users as u', (join) =>
      join.on(sql<boolean>`u.id = coalesce(a.user_id, CASE WHEN a.action = 'auth.login' THEN CAST(a.entity_id AS INTEGER) END)`),
    )
    .select(['a.id', 'a.at', 'u.display_name as user_name', 'a.action', 'a.entity', 'a.entity_id', 'a.detail'])
}

export function documentActivity(ctx: UserCtx, input: { kind: DocumentKind; id: number; limit: number }): AuditRow[] {
  const permission = DOCUMENT_READERS[input.kind]
  if (!roleHas(ctx.user.role, permission)) throw new AppError('FORBIDDEN', 'error.FORBIDDEN', { permission: `permission.${permission}` })
  const id = String(input.id)
  let q = base(ctx)
  if (input.kind === 'ro' || input.kind === 'settlement') {
    // The order's own rows, and its jobs', additional work's, inspections' and payments' rows.
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('a.entity', '=', 'repair_order'), eb('a.entity_id', '=', id)]),
        eb(sql`json_extract(a.detail, '$.roId')`, '=', input.id),
      ]),
    )
  } else {
    q = q.where('a.entity', '=', input.kind === 'po' ? 'purchase_order' : 'stocktake').where('a.entity_id', '=', id)
  }
  return all(ctx.store, q.orderBy('a.id', 'desc').limit(input.limit)).map((r) => toRow(r))
}

export interface LogFilter {
  userId?: number | undefined
  entity?: string | undefined
  action?: string | undefined
  from?: string | undefined
  to?: string | undefined
}

function filtered(q: ReturnType<typeof base>, f: LogFilter) {
  let out = q
  if (f.userId !== undefined) out = out.where('a.user_id', '=', f.userId)
  if (f.entity !== undefined) out = out.where('a.entity', '=', f.entity)
  // An action or its area: `ro.` finds every repair-order action.
  if (f.action !== undefined) out = out.where(sql`substr(a.action, 1, ${f.action.length})`, '=', f.action)
  // Days are the dealership's local dates; `at` is local ISO text, so text comparison is exact.
  if (f.from !== undefined) out = out.where('a.at', '>=', f.from)
  if (f.to !== undefined) out = out.where('a.at', '<', `${f.to}T99`)
  return out
}

export function auditLog(ctx: UserCtx, input: LogFilter & { beforeId?: number | undefined; limit: number }) {
  let q = filtered(base(ctx), input)
  if (input.beforeId !== undefined) q = q.where('a.id', '<', input.beforeId)
  const rows = all(ctx.store, q.orderBy('a.id', 'desc').limit(input.limit + 1)).map((r) => toRow(r))
  return { rows: rows.slice(0, input.limit), more: rows.length > input.limit }
}

export const EXPORT_MAX_ROWS = 50_000

export function auditRowsForExport(ctx: UserCtx, input: LogFilter): AuditRow[] {
  return all(ctx.store, filtered(base(ctx), input).orderBy('a.id', 'desc').limit(EXPORT_MAX_ROWS)).map((r) => toRow(r, true))
}
