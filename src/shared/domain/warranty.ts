import { addMonthsToDate } from './calendar'

// The maker's warranty (厂家质量担保) as the warranty clerk applies it: coverage terms per make and
// model (months or km, whichever comes first, from the vehicle's warranty start), and the claim's
// state machine (索赔单: 录入 → 已检查 → 已提交 → 批准 / 退回 / 拒赔 → 重新提交 → 已付款 / 核销).

export const COVERAGES = ['basic', 'powertrain', 'nev_battery', 'nev_motor', 'wear'] as const
export type Coverage = (typeof COVERAGES)[number]

export interface CoverageTerm {
  coverage: Coverage
  months: number
  km: number
}

/**
 * Defaults for a make/model without its own terms. Basic: 3 years / 100,000 km (common makers' terms;
 * the statutory minimum 包修期 of 《家用汽车产品修理更换退货责任规定》(2021) 第十七条 is 3 years / 60,000 km);
 * powertrain 5 years / 150,000 km; new-energy battery and drive motor 8 years / 150,000 km (the
 * makers' common terms); wear parts 6 months / 5,000 km.
 */
export const DEFAULT_COVERAGE_TERMS: readonly CoverageTerm[] = [
  { coverage: 'basic', months: 36, km: 100_000 },
  { coverage: 'powertrain', months: 60, km: 150_000 },
  { coverage: 'nev_battery', months: 96, km: 150_000 },
  { coverage: 'nev_motor', months: 96, km: 150_000 },
  { coverage: 'wear', months: 6, km: 5_000 },
]

/** Coverages a fuel car has (battery and drive motor are for new-energy cars only). */
export function coveragesFor(energy: 'fuel' | 'new_energy'): readonly Coverage[] {
  return energy === 'new_energy' ? COVERAGES : COVERAGES.filter((c) => c !== 'nev_battery' && c !== 'nev_motor')
}

export interface CoverageStatus {
  coverage: Coverage
  months: number
  km: number
  /** The last day covered and the odometer reading coverage ends at. */
  untilDate: string
  untilKm: number
  covered: boolean
  /** Why not covered: the date passed, the km passed (date first when both). */
  endedBy: 'date' | 'km' | null
}

/** A coverage line on `onDate` at `odometerKm`: covered while before its end date and below its km. */
export function coverageStatus(term: CoverageTerm, startsOn: string, onDate: string, odometerKm: number): CoverageStatus {
  const untilDate = addMonthsToDate(startsOn, term.months)
  const endedBy = onDate > untilDate ? 'date' : odometerKm > term.km ? 'km' : null
  return { coverage: term.coverage, months: term.months, km: term.km, untilDate, untilKm: term.km, covered: endedBy === null, endedBy }
}

// Which coverage a warranty line is judged against: part categories of the catalogue that belong to
// the powertrain, the new-energy battery or drive motor, or wear parts; everything else is basic.
const CATEGORY_COVERAGE: Readonly<Record<string, Coverage>> = {
  engine: 'powertrain',
  transmission: 'powertrain',
  powertrain: 'powertrain',
  发动机: 'powertrain',
  变速箱: 'powertrain',
  传动系统: 'powertrain',
  battery_hv: 'nev_battery',
  动力电池: 'nev_battery',
  drive_motor: 'nev_motor',
  驱动电机: 'nev_motor',
  brakes: 'wear',
  wipers: 'wear',
  filters: 'wear',
  刹车片: 'wear',
  雨刮: 'wear',
  滤清器: 'wear',
  易损件: 'wear',
  保养件: 'wear',
  轮胎: 'wear',
}

export function coverageOfCategory(category: string | null): Coverage {
  return (category !== null && CATEGORY_COVERAGE[category]) || 'basic'
}

export const CLAIM_TYPES = ['general', 'campaign', 'first_service', 'pre_authorised', 'goodwill', 'controlled_part'] as const
export type ClaimType = (typeof CLAIM_TYPES)[number]

export const CLAIM_STATES = ['draft', 'checked', 'submitted', 'approved', 'returned', 'rejected', 'resubmitted', 'paid', 'written_off'] as const
export type ClaimState = (typeof CLAIM_STATES)[number]

export const CLAIM_ACTIONS = ['check', 'submit', 'approve', 'return', 'reject', 'pay', 'write_off'] as const
export type ClaimAction = (typeof CLAIM_ACTIONS)[number]

/** The legal moves: state → action → next state. Anything not listed is refused. */
export const CLAIM_TRANSITIONS: Readonly<Record<ClaimState, Partial<Record<ClaimAction, ClaimState>>>> = {
  draft: { check: 'checked' },
  checked: { submit: 'submitted' },
  submitted: { approve: 'approved', return: 'returned', reject: 'rejected' },
  returned: { submit: 'resubmitted' },
  resubmitted: { approve: 'approved', return: 'returned', reject: 'rejected' },
  approved: { pay: 'paid', write_off: 'written_off' },
  rejected: { write_off: 'written_off' },
  paid: {},
  written_off: {},
}

export function nextClaimState(state: ClaimState, action: ClaimAction): ClaimState | null {
  return CLAIM_TRANSITIONS[state][action] ?? null
}

/** The claim's content can be edited while the dealer holds it: in draft, checked (back to draft) and returned. */
export function canEditClaim(state: ClaimState): boolean {
  return state === 'draft' || state === 'checked' || state === 'returned'
}

/** Only a draft can be deleted: once checked or sent, a claim is kept (written off instead). */
export const canDeleteClaim = (state: ClaimState): boolean => state === 'draft'

/** Actions the maker's decision is recorded with; a return or a rejection needs the maker's reason. */
export const DECISIONS = ['approve', 'return', 'reject'] as const
export type Decision = (typeof DECISIONS)[number]
