// Where an alert leads and how it reads: the subject's own screen (the RO at the cashier, the
// part's ledger, the stocktake, the receivables, the dashboard) and its "why in numbers" message
// translated here from the catalog key and parameters, so it follows the person's language.
import type { Permission } from '../../../../shared/domain/roles'
import type { Severity } from '../../../../shared/domain/rules'
import { isMessageKey, type Locale } from '../../../../shared/i18n'
import { alertText } from '../../../../shared/i18n/alert-text'
import type { Route } from '../../router'
import type { AlertT } from '../../stores/alerts-store'

export function alertMessage(alert: Pick<AlertT, 'messageKey' | 'messageParams' | 'message'>, locale: Locale, now: Date = new Date()): string {
  return isMessageKey(alert.messageKey) ? alertText(locale, alert.messageKey, alert.messageParams, now) : alert.message
}

export function subjectRoute(alert: Pick<AlertT, 'subjectType' | 'subjectId'>, can: (p: Permission) => boolean): Route | null {
  switch (alert.subjectType) {
    case 'ro':
      if (can('settlement.read')) return { name: 'settleRo', id: alert.subjectId }
      return can('reception.read') ? { name: 'ro', id: alert.subjectId } : null
    case 'invoice':
      return can('receivables.read') ? { name: 'settlement', tab: 'receivables' } : null
    case 'part':
      return can('parts.read') ? { name: 'parts', view: { kind: 'part', id: alert.subjectId } } : null
    case 'stocktake':
      return can('parts.read') ? { name: 'parts', view: { kind: 'stocktake', id: alert.subjectId } } : null
    case 'department':
      return can('dashboard.read') ? { name: 'dashboard' } : null
  }
}

export const SEVERITY_COLOUR: Record<Severity, string> = { info: 'blue', warning: 'orange', critical: 'red' }

/** The first day a snooze may run to: tomorrow in the dealership's calendar. */
export function earliestSnooze(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  const next = new Date(Date.UTC(y, m - 1, d + 1))
  return next.toISOString().slice(0, 10)
}

/** An inbox row: one alert, or the alerts of one rule folded together (its children are the alerts). */
export type InboxRow = AlertT & { groupCount?: number; children?: InboxRow[] }

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, critical: 2 }

/**
 * Folds the alerts of a rule that has several (30 low-stock parts) into one row with the count,
 * the most severe alert standing for the group and the individual alerts beneath it; a rule with
 * a single alert keeps its plain row. Groups sit where their first alert was; the engine still
 * keeps one alert per subject, so each can be acknowledged, snoozed or resolved on its own.
 */
export function groupByRule(alerts: readonly AlertT[], min = 2): InboxRow[] {
  const byRule = new Map<string, AlertT[]>()
  for (const a of alerts) byRule.set(a.ruleKind, [...(byRule.get(a.ruleKind) ?? []), a])
  const rows: InboxRow[] = []
  for (const members of byRule.values()) {
    if (members.length < min) {
      rows.push(...members)
      continue
    }
    const lead = members.reduce((best, a) => (SEVERITY_RANK[a.severity] > SEVERITY_RANK[best.severity] ? a : best))
    rows.push({ ...lead, groupCount: members.length, children: members.map((a) => ({ ...a })) })
  }
  return rows
}

export const rowKeyOf = (r: InboxRow) => (r.groupCount ? `rule:${r.ruleKind}` : String(r.id))
