import { create } from 'zustand'
import type { TargetMeasure } from '../../../shared/domain/department'

// The department screen's UI state: the quarter being planned, the month being read, the person
// whose scorecard is open and the drill-down shown. Server state stays in TanStack Query.

export interface DrillOf {
  measure: TargetMeasure
  userId?: number
}

export interface DepartmentUiState {
  year: number
  quarter: number
  month: string
  scorecardOf: number | null
  printing: boolean
  drillOf: DrillOf | null
  setQuarter(year: number, quarter: number): void
  setMonth(month: string): void
  openScorecard(userId: number | null): void
  setPrinting(printing: boolean): void
  openDrill(drillOf: DrillOf | null): void
}

export function createDepartmentUi(today: string) {
  const year = Number(today.slice(0, 4))
  const month = today.slice(0, 7)
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1
  return create<DepartmentUiState>()((set) => ({
    year,
    quarter,
    month,
    scorecardOf: null,
    printing: false,
    drillOf: null,
    setQuarter: (y, q) => set({ year: y, quarter: q }),
    setMonth: (m) => set({ month: m, drillOf: null }),
    openScorecard: (userId) => set({ scorecardOf: userId, printing: false }),
    setPrinting: (printing) => set({ printing }),
    openDrill: (drillOf) => set({ drillOf }),
  }))
}

export type DepartmentUi = ReturnType<typeof createDepartmentUi>
