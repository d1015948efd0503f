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
