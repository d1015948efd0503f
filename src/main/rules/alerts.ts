import { sql } from 'kysely'
import { AppError, notFound } from '../api/app-error'
import { all, first } from '../store/query'
import type { z } from 'zod'
import type { Ctx, UserCtx } from '../api/context'
import type { Alert, rulesContract } from '../../shared/contract/rules'
import { alertText } from '../../shared/i18n/alert-text'
import type { Role } from '../../shared/domain/roles'
import type { AlertStage, RuleKind, Severity, SubjectType } from '../../shared/domain/rules'

// The inbox: alerts of the caller's role (a service manager or administrator sees every inbox),
// with the message in the caller's language and the label of what it is about.

type Section = typeof rulesContract
type In<K extends keyof Section> = z.output<Section[K]['input']>
type AlertOut = z.output<typeof Alert>

/** The roles whose alerts a user sees in "my inbox". */
export function inboxRolesOf(role: Role): Role[] | 'all' {
  return role === 'service_manager' || role === 'administrator' ? 'all' : [role]
}

/** The inbox's rows: each alert with its rule, the label of its subject and who handled it. */
function selectAlerts(ctx: Ctx) {
  return ctx.store.db
    .selectFrom('alerts as a')
    .innerJoin('rules as r', 'r.id', 'a.rule_id')
    .leftJoin('users as ua', 'ua.id', 'a.acknowledged_by')
    .leftJoin('users as ur', 'ur.id', 'a.resolved_by')
    .select([
      'a.id',
      'r.kind',
      'r.severity as rule_severity',
      'r.inbox_role',
      'a.stage',
      'a.state',
      'a.subject_type',
      'a.subject_id',
      sql<string | null>`CASE a.subject_type
        WHEN 'ro' THEN (SELECT number FROM repair_orders WHERE id = a.subject_id)
        WHEN 'part' THEN (SELECT part_number FROM parts WHERE id = a.subject_id)
        WHEN 'invoice' THEN (SELECT number FROM invoices WHERE id = a.subject_id)
        WHEN 'stocktake' THEN (SELECT number FROM stocktakes WHERE id = a.subject_id) END`.as('subject_label'),
      'a.message_key',
      'a.message_params',
      'a.first_raised_at',
      'a.raised_at',
      'a.updated_at',
      'a.snoozed_until',
      'ua.display_name as ack_name',
      'a.acknowledged_at',
      'a.resolved_at',
      'ur.display_name as res_name',
      'a.note',
      'a.version',
    ])
}

type AlertRow = Awaited<ReturnType<ReturnType<typeof selectAlerts>['executeTakeFirstOrThrow']>>

/** Open, or snoozed until a moment that has come. */
const active = (now: string) => sql<boolean>`(a.state = 'open' OR (a.state = 'snoozed' AND a.snoozed_until <= ${now}))`

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
    // The rules table holds only kinds and roles this version wrote; the catalog narrows them.
    ruleKind: r.kind as RuleKind,
    severity: severityOf(r.rule_severity, r.stage),
    stage: r.stage,
    state: woke ? 'open' : r.state,
    inboxRole: r.inbox_role as Role,
    subjectType: r.subject_type as SubjectType,
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
  const row = first(ctx.store, selectAlerts(ctx).where('a.id', '=', id))
  if (!row) throw notFound('entity.alert', id)
  return toAlertOut(ctx, row, now)
}

/** Alerts of these inboxes only (`all`: every inbox). */
const inInboxes = (roles: Role[] | 'all') => (roles === 'all' ? sql<boolean>`1` : sql<boolean>`r.inbox_role IN (SELECT value FROM json_each(${JSON.stringify(roles)}))`)

export function listAlerts(ctx: UserCtx, input: In<'alerts.list'>): AlertOut[] {
  const now = ctx.nowIso()
  // Only those who see every inbox (service manager, administrator) may look into another role's.
  const own = inboxRolesOf(ctx.user.role)
  const asked = input.role ? [input.role] : input.box === 'all' ? 'all' : own
  if (own !== 'all' && (asked === 'all' || !asked.every((r) => own.includes(r)))) {
    throw new AppError('FORBIDDEN', 'error.FORBIDDEN', { permission: 'permission.rules.manage' })
  }
  let q = selectAlerts(ctx)
  if (input.state === 'active') q = q.where(active(now))
  else if (input.state === 'snoozed') q = q.where('a.state', '=', 'snoozed').where('a.snoozed_until', '>', now)
  else if (input.state !== 'all') q = q.where('a.state', '=', input.state)
  if (asked !== 'all') q = q.where(inInboxes(asked))
  if (input.ruleKind) q = q.where('r.kind', '=', input.ruleKind)
  if (input.subjectType) q = q.where('a.subject_type', '=', input.subjectType)
  if (input.subjectId) q = q.where('a.subject_id', '=', input.subjectId)
  if (input.beforeId) q = q.where('a.id', '<', input.beforeId)
  return all(ctx.store, q.orderBy('a.id', 'desc').limit(input.limit)).map((r) => toAlertOut(ctx, r, now))
}

/** The badge on every screen: what needs attention in the caller's inbox. */
export function countAlerts(ctx: UserCtx): { active: number; critical: number; acknowledged: number } {
  const now = ctx.nowIso()
  const row = first(
    ctx.store,
    ctx.store.db
      .selectFrom('alerts as a')
      .innerJoin('rules as r', 'r.id', 'a.rule_id')
      .select([
        sql<number>`COUNT(CASE WHEN ${active(now)} THEN 1 END)`.as('active'),
        sql<number>`COUNT(CASE WHEN ${active(now)} AND r.severity = 'critical' AND a.stage = 'breach' THEN 1 END)`.as('critical'),
        sql<number>`COUNT(CASE WHEN a.state = 'acknowledged' THEN 1 END)`.as('acknowledged'),
      ])
      .where('a.state', '<>', 'resolved')
      .where(inInboxes(inboxRolesOf(ctx.user.role))),
  )
  return row ?? { active: 0, critical: 0, acknowledged: 0 }
}
