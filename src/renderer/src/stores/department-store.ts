import { create } from 'zustand'
import type { TargetMeasure } from '../../../shared/domain/department'
import type { Figure } from '../../../shared/domain/figures'

// The department screen's UI state: the quarter being planned, the month being read, the person
// whose scorecard is open and the drill-down shown. Server state stays in TanStack Query.

export interface DrillOf {
  measure: TargetMeasure
  userId?: number
}

/** A scorecard figure whose rows are open (a person's, or the department's without one). */
export interface FigureOf {
  figure: Figure
  userId?: number
}

export interface DepartmentUiState {
  year: number
  quarter: number
  month: string
  scorecardOf: number | null
  printing: boolean
  drillOf: DrillOf | null
  figureOf: FigureOf | null
  setQuarter(year: number, quarter: number): void
  setMonth(month: string): void
  openScorecard(userId: number | null): void
  setPrinting(printing: boolean): void
  openDrill(drillOf: DrillOf | null): void
  openFigure(figureOf: FigureOf | null): void
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
    figureOf: null,
    setQuarter: (y, q) => set({ year: y, quarter: q }),
    setMonth: (m) => set({ month: m, drillOf: null, figureOf: null }),
    openScorecard: (userId) => set({ scorecardOf: userId, printing: false }),
    setPrinting: (printing) => set({ printing }),
    openDrill: (drillOf) => set({ drillOf }),
    openFigure: (figureOf) => set({ figureOf }),
  }))
}

export type DepartmentUi = ReturnType<typeof createDepartmentUi>
