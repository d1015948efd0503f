import { AppError } from '../api/app-error'
import type { z } from 'zod'
import type { Ctx, UserCtx } from '../api/context'
import type { Alert, rulesContract } from '../../shared/contract/rules'
import { alertText } from '../../shared/i18n/alert-text'
import type { Role } from '../../shared/domain/roles'
import type { AlertStage, AlertState, RuleKind, Severity, SubjectType } from '../../shared/domain/rules'

// The inbox: alerts of the caller's role (a service manager or administrator sees every inbox),
// with the message in the caller's language and the label of what it is about.

type Section = typeof rulesContract
type In<K extends keyof Section> = z.output<Section[K]['input']>
type AlertOut = z.output<typeof Alert>

/** The roles whose alerts a user sees in "my inbox". */
export function inboxRolesOf(role: Role): Role[] | 'all' {
  return role === 'service_manager' || role === 'administrator' ? 'all' : [role]
}

interface AlertRow {
  id: number
  kind: RuleKind
  rule_severity: Severity
  inbox_role: Role
  stage: AlertStage
  state: AlertState
  subject_type: SubjectType
  subject_id: number
  subject_label: string | null
  message_key: string
  message_params: string
  first_raised_at: string
  raised_at: string
  updated_at: string
  snoozed_until: string | null
  ack_name: string | null
  acknowledged_at: string | null
  resolved_at: string | null
  res_name: string | null
  note: string
  version: number
}

const SELECT = `SELECT a.id, r.kind, r.severity AS rule_severity, r.inbox_role, a.stage, a.state, a.subject_type, a.subject_id,
    CASE a.subject_type
      WHEN 'ro' THEN (SELECT number FROM repair_orders WHERE id = a.subject_id)
      WHEN 'part' THEN (SELECT part_number FROM parts WHERE id = a.subject_id)
      WHEN 'invoice' THEN (SELECT number FROM invoices WHERE id = a.subject_id)
      WHEN 'stocktake' THEN (SELECT number FROM stocktakes WHERE id = a.subject_id) END AS subject_label,
    a.message_key, a.message_params, a.first_raised_at, a.raised_at, a.updated_at, a.snoozed_until,
    ua.display_name AS ack_name, a.acknowledged_at, a.resolved_at, ur.display_name AS res_name, a.note, a.version
  FROM alerts a JOIN rules r ON r.id = a.rule_id
  LEFT JOIN users ua ON ua.id = a.acknowledged_by LEFT JOIN users ur ON ur.id = a.resolved_by`

const ACTIVE = `(a.state = 'open' OR (a.state = 'snoozed' AND a.snoozed_until <= ?))`

/** A warning before a deadline is never louder than `warning`. */
export function severityOf(ruleSeverity: Severity, stage: AlertStage): Severity {
  return stage === 'warning' && ruleSeverity === 'critical' ? 'warning' : ruleSeverity
}

function toAlertOut(ctx: Ctx, r: AlertRow, nowIso: string): AlertOut {
  let params: Record<string, string | number> = {}
  try {
    params = JSON.parse(r.message_params) as Record<string, string | number>
  } catch {
    params = {}
  }
  const woke = r.state === 'snoozed' && r.snoozed_until !== null && r.snoozed_until <= nowIso
  return {
    id: r.id,
    ruleKind: r.kind,
    severity: severityOf(r.rule_severity, r.stage),
    stage: r.stage,
    state: woke ? 'open' : r.state,
    inboxRole: r.inbox_role,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    subjectLabel: r.subject_label,
    messageKey: r.message_key,
    messageParams: params,
    message: alertText(ctx.locale, r.message_key, params, ctx.clock.now()),
    firstRaisedAt: r.first_raised_at,
    raisedAt: r.raised_at,
    updatedAt: r.updated_at,
    snoozedUntil: woke ? null : r.snoozed_until,
    acknowledgedBy: r.ack_name,
    acknowledgedAt: r.acknowledged_at,
    resolvedAt: r.resolved_at,
    resolvedBy: r.res_name,
    note: r.note,
    version: r.version,
  }
}

export function getAlert(ctx: Ctx, id: number): AlertOut {
  const now = ctx.nowIso()
  return toAlertOut(ctx, ctx.store.prepare(`${SELECT} WHERE a.id = ?`).get(id) as AlertRow, now)
}

function roleFilter(roles: Role[] | 'all', where: string[], args: unknown[]): void {
  if (roles === 'all') return
  where.push(`r.inbox_role IN (SELECT value FROM json_each(?))`)
  args.push(JSON.stringify(roles))
}

export function listAlerts(ctx: UserCtx, input: In<'alerts.list'>): AlertOut[] {
  const now = ctx.nowIso()
  const where: string[] = []
  const args: unknown[] = []
  const when = (condition: string, ...values: unknown[]) => {
    where.push(condition)
    args.push(...values)
  }
  if (input.state === 'active') when(ACTIVE, now)
  else if (input.state === 'snoozed') when(`a.state = 'snoozed' AND a.snoozed_until > ?`, now)
  else if (input.state !== 'all') when('a.state = ?', input.state)
  // Only those who see every inbox (service manager, administrator) may look into another role's.
  const own = inboxRolesOf(ctx.user.role)
  const asked = input.role ? [input.role] : input.box === 'all' ? 'all' : own
  if (own !== 'all' && (asked === 'all' || !asked.every((r) => own.includes(r)))) {
    throw new AppError('FORBIDDEN', 'error.FORBIDDEN', { permission: 'permission.rules.manage' })
  }
  roleFilter(asked, where, args)
  if (input.ruleKind) when('r.kind = ?', input.ruleKind)
  if (input.subjectType) when('a.subject_type = ?', input.subjectType)
  if (input.subjectId) when('a.subject_id = ?', input.subjectId)
  if (input.beforeId) when('a.id < ?', input.beforeId)
  const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id DESC LIMIT ?`
  return (ctx.store.prepare(sql).all(...args, input.limit) as AlertRow[]).map((r) => toAlertOut(ctx, r, now))
}

/** The badge on every screen: what needs attention in the caller's inbox. */
export function countAlerts(ctx: UserCtx): { active: number; critical: number; acknowledged: number } {
  const now = ctx.nowIso()
  const where: string[] = []
  const args: unknown[] = [now, now]
  roleFilter(inboxRolesOf(ctx.user.role), where, args)
  const row = ctx.store
    .prepare(
      `SELECT COUNT(CASE WHEN ${ACTIVE} THEN 1 END) AS active,
              COUNT(CASE WHEN ${ACTIVE} AND r.severity = 'critical' AND a.stage = 'breach' THEN 1 END) AS critical,
              COUNT(CASE WHEN a.state = 'acknowledged' THEN 1 END) AS acknowledged
         FROM alerts a JOIN rules r ON r.id = a.rule_id
        WHERE a.state <> 'resolved' ${where.length ? `AND ${where.join(' AND ')}` : ''}`,
    )
    .get(...args) as { active: number; critical: number; acknowledged: number }
  return row
}
