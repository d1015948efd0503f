import { createStore } from 'zustand/vanilla'
import type { z } from 'zod'
import type { ApiClient, Contract } from '../../../shared/contract'
import type { OutputOf } from '../../../shared/contract/types'
import type { DrillPart, DrillRo, TargetSeries } from '../../../shared/contract/rules'
import type { DashboardTarget } from '../../../shared/domain/rules'

// The targets dashboard: the manual's figures as monthly series, and the drill-down to the ROs
// and parts behind one month of one figure. The figures are sums over the whole store, so pushed
// changes refresh them after a quiet moment rather than on every event.

export type TargetSeriesT = z.output<typeof TargetSeries>
export type TargetsT = OutputOf<Contract['dashboard.targets']>
export type DrillT = OutputOf<Contract['dashboard.drill']>
export type DrillRoT = z.output<typeof DrillRo>
export type DrillPartT = z.output<typeof DrillPart>

export interface DrillSelection {
  target: DashboardTarget
  month: string
}

export interface DashboardState {
  months: number
  targets: TargetsT | null
  targetsError: string | null
  loading: boolean
  drillOf: DrillSelection | null
  drill: DrillT | null
  drillError: string | null
  loadTargets(months?: number): Promise<void>
  openDrill(selection: DrillSelection): Promise<void>
  closeDrill(): void
  changed(): void
}

/** The areas whose writes move a figure. */
const RELEVANT = new Set(['settlement', 'ro', 'stock', 'stocktake', 'rules', 'part', 'parts'])

export function isDashboardEvent(type: string): boolean {
  return RELEVANT.has(type.split('.')[0] ?? '') || type === 'reconnected'
}

export function createDashboardStore(api: ApiClient, debounceMs = 800) {
  let targetsSeq = 0
  let drillSeq = 0
  let wanted = false
  let timer: ReturnType<typeof setTimeout> | null = null

  return createStore<DashboardState>()((set, get) => ({
    months: 12,
    targets: null,
    targetsError: null,
    loading: false,
    drillOf: null,
    drill: null,
    drillError: null,

    async loadTargets(months = get().months) {
      wanted = true
      const mine = ++targetsSeq
      set({ months, loading: true })
      const result = await api.call('dashboard.targets', { months })
      if (mine !== targetsSeq) return
      if (result.ok) set({ targets: result.data, targetsError: null, loading: false })
      else set({ targetsError: result.message, loading: false })
    },

    async openDrill(selection) {
      const mine = ++drillSeq
      const same = get().drillOf?.target === selection.target && get().drillOf?.month === selection.month
      set({ drillOf: selection, ...(same ? {} : { drill: null }), drillError: null })
      const result = await api.call('dashboard.drill', { ...selection, limit: 500 })
      if (mine !== drillSeq) return
      if (result.ok) set({ drill: result.data, drillError: null })
      else set({ drillError: result.message })
    },

    closeDrill() {
      drillSeq += 1
      set({ drillOf: null, drill: null, drillError: null })
    },

    changed() {
      if (!wanted) return
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => {
        timer = null
        void get().loadTargets()
        const open = get().drillOf
        if (open) void get().openDrill(open)
      }, debounceMs)
    },
  }))
}

export type DashboardStore = ReturnType<typeof createDashboardStore>
