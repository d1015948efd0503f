import { create } from 'zustand'
import { useApiQuery, useApiWrite } from '../api/query-client'
import type { z } from 'zod'
import type { Contract, Envelope } from '../../../shared/contract'
import type { InputOf, OutputOf } from '../../../shared/contract/types'
import type { Alert, Rule } from '../../../shared/contract/rules'
import type { Role } from '../../../shared/domain/roles'

// The alert inbox of the person's role, the count on every screen and the rules, read through the
// query layer; the window's one live subscription refreshes them.

export type AlertT = z.output<typeof Alert>
export type RuleT = z.output<typeof Rule>
export type AlertCountT = OutputOf<Contract['alerts.count']>
export type InboxState = 'active' | 'acknowledged' | 'snoozed' | 'resolved' | 'all'

export interface InboxFilter {
  state: InboxState
  /** A manager may look at one role's inbox; otherwise "mine". */
  role?: Role
}

type AlertWrite = 'alerts.acknowledge' | 'alerts.snooze' | 'alerts.resolve'

/** Which inbox shows: UI state, one per window. */
export const useInboxFilter = create<{ filter: InboxFilter; setFilter(filter: InboxFilter): void }>()((set) => ({
  filter: { state: 'active' },
  setFilter(filter) {
    set({ filter })
  },
}))

/** The count on every screen's header. */
export function useAlertCount(enabled = true) {
  return useApiQuery('alerts.count', {}, { enabled }).data ?? null
}

export function inboxInput(filter: InboxFilter): InputOf<Contract['alerts.list']> {
  const input: InputOf<Contract['alerts.list']> = { state: filter.state, limit: 300 }
  if (filter.role) input.role = filter.role
  return input
}

export function useInbox(filter: InboxFilter) {
  const query = useApiQuery('alerts.list', inboxInput(filter))
  return { inbox: query.data ?? null, error: query.error?.message ?? null }
}

export function useRules() {
  const query = useApiQuery('rules.list', {})
  return { rules: query.data ?? null, error: query.error?.message ?? null }
}

/** Acknowledge, snooze or resolve; on success the inbox and the count are read again. */
export function useAlertAct() {
  const write = useApiWrite()
  return <K extends AlertWrite>(channel: K, input: InputOf<Contract[K]>) => write(channel, input) as Promise<Envelope<AlertT>>
}
