import { createStore } from 'zustand/vanilla'
import { createLiveRefresh } from './live-refresh'
import type { z } from 'zod'
import type { ApiClient, Contract, Envelope, LiveEvent } from '../../../shared/contract'
import type { InputOf, OutputOf } from '../../../shared/contract/types'
import type { Alert, Rule } from '../../../shared/contract/rules'
import type { Role } from '../../../shared/domain/roles'
import type { LiveStatus } from '../api/meta'

// The alert inbox of the person's role, the count on every screen and the rules. It also holds the
// push subscription the settlement and dashboard screens share: the header keeps it open for the
// whole session, so one stream serves the badge and every screen of this area.

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

export interface AlertsState {
  count: AlertCountT | null
  inbox: AlertT[] | null
  inboxError: string | null
  filter: InboxFilter
  rules: RuleT[] | null
  rulesError: string | null
  live: LiveStatus
  loadCount(): Promise<void>
  loadInbox(filter?: InboxFilter): Promise<void>
  loadRules(): Promise<void>
  /** Acknowledge, snooze or resolve; on success the inbox and the count are read again. */
  act<K extends AlertWrite>(channel: K, input: InputOf<Contract[K]>): Promise<Envelope<AlertT>>
  changed(): void
  /** Subscribes to the push channel (shared, counted); returns the release. */
  connect(): () => void
}

export interface AlertsStoreOptions {
  debounceMs?: number
  /** Every pushed event, for the other stores of the area. */
  onEvent?: (event: LiveEvent) => void
}

export function createAlertsStore(api: ApiClient, options: AlertsStoreOptions = {}) {
  const debounceMs = options.debounceMs ?? 150
  let countSeq = 0
  let inboxSeq = 0
  let rulesSeq = 0
  let countWanted = false
  let inboxWanted = false
  let rulesWanted = false

  return createStore<AlertsState>()((set, get) => {
    const refresh = () => {
      const jobs: Promise<void>[] = []
      if (countWanted) jobs.push(get().loadCount())
      if (inboxWanted) jobs.push(get().loadInbox(get().filter))
      if (rulesWanted) jobs.push(get().loadRules())
      return Promise.all(jobs)
    }
    // What moves the inbox: alerts themselves and rule changes (which re-evaluate).
    const live = createLiveRefresh({
      api,
      areas: ['alerts', 'rules'],
      refresh,
      debounceMs,
      onStatus: (status) => set({ live: status }),
      ...(options.onEvent ? { onEvent: options.onEvent } : {}),
    })

    return {
      count: null,
      inbox: null,
      inboxError: null,
      filter: { state: 'active' },
      rules: null,
      rulesError: null,
      live: 'connecting',

      async loadCount() {
        countWanted = true
        const mine = ++countSeq
        const result = await api.call('alerts.count', {})
        if (mine === countSeq && result.ok) set({ count: result.data })
      },

      async loadInbox(filter = get().filter) {
        inboxWanted = true
        const mine = ++inboxSeq
        if (filter.state !== get().filter.state || filter.role !== get().filter.role) set({ filter, inbox: null })
        const input: InputOf<Contract['alerts.list']> = { state: filter.state, limit: 300 }
        if (filter.role) input.role = filter.role
        const result = await api.call('alerts.list', input)
        if (mine !== inboxSeq) return
        if (result.ok) set({ inbox: result.data, inboxError: null })
        else set({ inboxError: result.message })
      },

      async loadRules() {
        rulesWanted = true
        const mine = ++rulesSeq
        const result = await api.call('rules.list', {})
        if (mine !== rulesSeq) return
        if (result.ok) set({ rules: result.data, rulesError: null })
        else set({ rulesError: result.message })
      },

      async act(channel, input) {
        const result = (await api.call(channel, input)) as Envelope<AlertT>
        if (result.ok) await live.afterWrite()
        return result
      },

      changed: live.changed,
      connect: live.connect,
    }
  })
}

export type AlertsStore = ReturnType<typeof createAlertsStore>
