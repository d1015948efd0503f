// The maker's satisfaction scores (CSI): each month a mystery-shopper visit (神秘客户) and a
// phone survey (电话回访调查) are scored on 1,000 points with an item breakdown. The manual holds
// the front-desk supervisor to ≥ 950 on both. Scores are kept in tenths of a point (952.5 → 9525),
// as money is kept in fen: exact, and the maker's reports have one decimal.

export const CSI_SURVEYS = ['mystery_shopper', 'phone_survey'] as const
export type CsiSurvey = (typeof CSI_SURVEYS)[number]

/** 1,000 points in tenths. */
export const CSI_MAX_TENTHS = 10_000
/** [manual] 神秘客户成绩 ≥ 950 分，电话回访成绩 ≥ 950 分. */
export const CSI_TARGET_TENTHS = 9_500
/** Items per result the maker's breakdown can have. */
export const CSI_MAX_ITEMS = 40

export interface CsiItemScore {
  code: string
  label: string
  scoreTenths: number
  maxTenths: number
}

/** An item's share of its maximum in basis points: what ranks the items pulling a score down. */
export function itemShareBp(item: Pick<CsiItemScore, 'scoreTenths' | 'maxTenths'>): number {
  if (item.maxTenths <= 0) return 0
  return Math.round((item.scoreTenths * 10_000) / item.maxTenths)
}

/** The items furthest below their maximum (lowest share first), at most `count`. */
export function weakestItems<T extends CsiItemScore>(items: readonly T[], count: number): T[] {
  return [...items]
    .filter((i) => i.scoreTenths < i.maxTenths)
    .sort((a, b) => itemShareBp(a) - itemShareBp(b) || b.maxTenths - b.scoreTenths - (a.maxTenths - a.scoreTenths) || a.code.localeCompare(b.code))
    .slice(0, count)
}
