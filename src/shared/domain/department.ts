// Running the department [manual section 6]: the service manager's quarterly targets split to
// months and people, the month's progress and straight-line forecast, and the manual's training
// counts. Pure arithmetic; the figures themselves come from the ledger (src/main/department).
import { daysInMonth } from './calendar'
import type { Role } from './roles'

/** What a target is set for: ROs settled (台次), production net of VAT (产值), parts sales, gross profit. */
export const TARGET_MEASURES = ['ros', 'production', 'parts', 'gross_profit'] as const
export type TargetMeasure = (typeof TARGET_MEASURES)[number]

/** Counted measures are whole ROs; the others are money in fen. */
export const measureUnit = (m: TargetMeasure): 'count' | 'fen' => (m === 'ros' ? 'count' : 'fen')

export const DEPARTMENTS = ['front_desk', 'workshop', 'parts'] as const
export type Department = (typeof DEPARTMENTS)[number]

/** The department a role works in; managers and back-office roles are in none. */
export function departmentOf(role: Role): Department | null {
  switch (role) {
    case 'front_desk_supervisor':
    case 'service_advisor':
    case 'cashier':
      return 'front_desk'
    case 'workshop_supervisor':
    case 'technician':
    case 'technical_supervisor':
      return 'workshop'
    case 'parts_supervisor':
    case 'parts_clerk':
      return 'parts'
    default:
      return null
  }
}

/** The three months `YYYY-MM` of a quarter. */
export function quarterMonths(year: number, quarter: number): [string, string, string] {
  const m = (k: number) => `${year}-${String((quarter - 1) * 3 + k).padStart(2, '0')}`
  return [m(1), m(2), m(3)]
}

/** The quarter (1–4) a month `YYYY-MM` falls in. */
export function quarterOf(month: string): { year: number; quarter: number } {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return { year: y, quarter: Math.floor((m - 1) / 3) + 1 }
}

/** `total` in `parts` nearly equal whole shares, the remainder to the first ones: 10 in 3 → 4, 3, 3. */
export function evenSplit(total: number, parts: number): number[] {
  if (parts <= 0) return []
  const base = Math.floor(total / parts)
  const rest = total - base * parts
  return Array.from({ length: parts }, (_, i) => base + (i < rest ? 1 : 0))
}

export interface SplitCheck {
  sum: number
  total: number
  /** sum − total: positive when the split hands out more than the target. */
  difference: number
  balanced: boolean
}

/** A split against the target it divides; shown while editing, and refused unbalanced on save. */
export function checkSplit(total: number, amounts: readonly number[]): SplitCheck {
  const sum = amounts.reduce((s, a) => s + a, 0)
  return { sum, total, difference: sum - total, balanced: sum === total }
}

/** Progress in basis points of the target (null without a target). */
export function progressBp(actual: number, target: number | null): number | null {
  if (target === null || target <= 0) return null
  return Math.round((actual * 10_000) / target)
}

/**
 * Straight-line forecast for a month: the actual so far over the days elapsed, times the days of
 * the month. `daysElapsed` counts today as elapsed; a month over is its actual, one not started 0.
 */
export function straightLineForecast(actual: number, month: string, daysElapsed: number): number {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const days = daysInMonth(y, m)
  if (daysElapsed >= days) return actual
  if (daysElapsed <= 0) return 0
  return Math.round((actual * days) / daysElapsed)
}

// 手册: 前台每月培训不少于4次, 车间技术培训每月不少于3次, 技术主管每月提交2个维修案例.
export const FRONT_DESK_TRAININGS_PER_MONTH = 4
export const WORKSHOP_TRAININGS_PER_MONTH = 3
export const REPAIR_CASES_PER_MONTH = 2

export const TRAINING_TYPES = ['internal', 'maker', 'technical', 'etiquette'] as const
export type TrainingType = (typeof TRAINING_TYPES)[number]

/** The areas 5S is audited in [manual section 4] and the five S (整理、整顿、清扫、清洁、素养). */
export const FIVES_AREAS = ['workshop', 'parts_store', 'front_desk', 'lounge', 'wash_bay'] as const
export type FivesArea = (typeof FIVES_AREAS)[number]
export const FIVE_S = ['seiri', 'seiton', 'seiso', 'seiketsu', 'shitsuke'] as const
export type FiveS = (typeof FIVE_S)[number]
/** Each item is scored 0–5. */
export const FIVES_ITEM_MAX = 5
