import { addDays, addMonthsToDate } from './calendar'
import type { Coverage, CoverageTerm } from './warranty'

// The warranty clerk's calls (三包索赔员): before a warranty part's or the car's coverage ends, the
// customer is called in for a check (预约回厂检查) — 手册: 在保修件到期前（6个月、1年、2年、3年、5年）
// 电话提醒客户回厂检查. The milestones are the manual's plus each coverage term's own end (so a
// new-energy battery's 8 years gets its call too); the call falls due `offsetDays` before (rule
// `warranty_coverage_calls`, default 30). Pure: the warranty service feeds it starts and terms.

export const EXPIRY_MILESTONES_MONTHS = [6, 12, 24, 36, 60] as const
export const EXPIRY_CALL_OFFSET_DAYS = 30

export const WARRANTY_CALL_KINDS = ['coverage_expiry', 'first_service'] as const
export type WarrantyCallKind = (typeof WARRANTY_CALL_KINDS)[number]
/** Open until the customer books, declines, or the number turns out wrong (reception fixes it). */
export const WARRANTY_CALL_STATES = ['open', 'booked', 'declined', 'wrong_number'] as const
export type WarrantyCallState = (typeof WARRANTY_CALL_STATES)[number]

export interface ExpiryMilestone {
  months: number
  /** The last day covered at this milestone. */
  endsOn: string
  /** The day the call is due. */
  dueDate: string
  /** The coverages that end here and have not already ended by km; empty for a plain check-up milestone. */
  coverages: Coverage[]
}

/**
 * Every milestone of a vehicle from its warranty start, earliest first. A coverage already past its
 * km ends with no call of its own; a milestone that is only that coverage's end is left out.
 */
export function expiryMilestones(startsOn: string, terms: readonly CoverageTerm[], odometerKm: number, offsetDays: number): ExpiryMilestone[] {
  const months = new Set<number>([...EXPIRY_MILESTONES_MONTHS, ...terms.map((t) => t.months)])
  return [...months]
    .sort((a, b) => a - b)
    .flatMap((m) => {
      const ending = terms.filter((t) => t.months === m)
      const coverages = ending.filter((t) => odometerKm <= t.km).map((t) => t.coverage)
      const manual = (EXPIRY_MILESTONES_MONTHS as readonly number[]).includes(m)
      if (!manual && coverages.length === 0) return []
      const endsOn = addMonthsToDate(startsOn, m)
      return [{ months: m, endsOn, dueDate: addDays(endsOn, -offsetDays), coverages }]
    })
}

/** Milestones whose call is due on `today`: due already, coverage not yet ended. */
export function milestonesDueOn(milestones: readonly ExpiryMilestone[], today: string): ExpiryMilestone[] {
  return milestones.filter((m) => m.dueDate <= today && today <= m.endsOn)
}
