import { create } from 'zustand'
import { useApiQuery } from '../api/query-client'
import type { z } from 'zod'
import type { Contract } from '../../../shared/contract'
import type { OutputOf } from '../../../shared/contract/types'
import type { DrillCall, DrillPart, DrillRo, TargetSeries } from '../../../shared/contract/rules'
import type { DashboardTarget } from '../../../shared/domain/rules'

// The targets dashboard: the manual's figures as monthly series, and the drill-down to the ROs
// and parts behind one month of one figure. The figures are sums over the whole store, so pushed
// changes refresh them after a quiet moment rather than on every event.

export type TargetSeriesT = z.output<typeof TargetSeries>
export type TargetsT = OutputOf<Contract['dashboard.targets']>
export type DrillT = OutputOf<Contract['dashboard.drill']>
export type DrillRoT = z.output<typeof DrillRo>
export type DrillPartT = z.output<typeof DrillPart>
export type DrillCallT = z.output<typeof DrillCall>

export interface DrillSelection {
  target: DashboardTarget
  month: string
  /** satisfaction: one advisor's calls only. */
  advisorId?: number
}

/** What the dashboard shows: how many months, and which drill-down is open. UI state only. */
export interface DashboardUiState {
  months: number
  drillOf: DrillSelection | null
  setMonths(months: number): void
  openDrill(selection: DrillSelection): void
  closeDrill(): void
}

export const useDashboardUi = create<DashboardUiState>()((set) => ({
  months: 12,
  drillOf: null,
  setMonths(months) {
    set({ months })
  },
  openDrill(drillOf) {
    set({ drillOf })
  },
  closeDrill() {
    set({ drillOf: null })
  },
}))

/** The figures as monthly series; the previous months' figures stay while another span loads. */
export function useTargets(months: number, enabled = true) {
  const query = useApiQuery('dashboard.targets', { months }, { enabled, keepPrevious: true })
  return { targets: query.data ?? null, error: query.error?.message ?? null, loading: query.isFetching, refetch: query.refetch }
}

/** Customer care's figures, in the targets' shape. */
export function useCareTargets(months: number, enabled = true) {
  const query = useApiQuery('dashboard.care', { months }, { enabled, keepPrevious: true })
  return { targets: query.data ?? null, error: query.error?.message ?? null, loading: query.isFetching, refetch: query.refetch }
}

/** The ROs and parts behind one month of one figure. */
export function useDrill(selection: DrillSelection | null) {
  const query = useApiQuery(
    'dashboard.drill',
    { target: selection?.target ?? 'revenue', month: selection?.month ?? '', ...(selection?.advisorId === undefined ? {} : { advisorId: selection.advisorId }), limit: 500 } as Parameters<typeof useApiQuery<'dashboard.drill'>>[1],
    { enabled: selection !== null },
  )
  return { drill: selection ? (query.data ?? null) : null, error: query.error?.message ?? null }
}
