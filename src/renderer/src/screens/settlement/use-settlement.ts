import { useEffect } from 'react'
import { useStore } from 'zustand'
import type { ApiClient } from '../../../../shared/contract'
import { useSessionStore } from '../../i18n'
import { useApi } from '../../api/query-client'
import { createAlertsStore, type AlertsStore } from '../../stores/alerts-store'
import { createDashboardStore, isDashboardEvent, type DashboardStore } from '../../stores/dashboard-store'
import { createSettlementStore, type SettlementStore } from '../../stores/settlement-store'

export interface SettlementStores {
  settlement: SettlementStore
  alerts: AlertsStore
  dashboard: DashboardStore
}

const SETTLEMENT_EVENTS = new Set(['settlement', 'ro', 'reconnected'])

// One set per API client, kept while the app runs: going from the queue to an RO and back shows
// the queue at once. The alerts store owns the one push subscription and hands every event on.
const bundles = new WeakMap<ApiClient, SettlementStores>()

export function useSettlementStores(): SettlementStores {
  const api = useApi()
  let bundle = bundles.get(api)
  if (!bundle) {
    const settlement = createSettlementStore(api)
    const dashboard = createDashboardStore(api)
    const alerts = createAlertsStore(api, {
      onEvent: (event) => {
        if (SETTLEMENT_EVENTS.has(event.type.split('.')[0] ?? '')) settlement.getState().changed()
        if (isDashboardEvent(event.type)) dashboard.getState().changed()
      },
    })
    bundle = { settlement, alerts, dashboard }
    bundles.set(api, bundle)
  }
  return bundle
}

/** Keeps the shared push channel open while the component shows. */
export function useAreaLive(): void {
  const { alerts } = useSettlementStores()
  useEffect(() => alerts.getState().connect(), [alerts])
}

/** The one UI permission check (src/renderer/src/permissions.ts), re-exported for this area. */
export { useCan } from '../../permissions'

export function useTimeZone(): string {
  return useStore(useSessionStore(), (s) => s.settings?.timeZone ?? 'Asia/Shanghai')
}
