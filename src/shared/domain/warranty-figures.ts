// The warranty desk's figures: the manual's target for claims passed on their first submission
// (一次提交通过率 ≥ 98 %) and the age bands of the receivable from the maker.

export const FIRST_PASS_TARGET_BP = 9_800

/** Days since the maker approved a claim it has not paid: 0–30, 31–60, 61–90, over 90. */
export const AGEING_BUCKETS = ['d0_30', 'd31_60', 'd61_90', 'd90_plus'] as const
export type AgeingBucket = (typeof AGEING_BUCKETS)[number]

export function ageingBucket(days: number): AgeingBucket {
  if (days <= 30) return 'd0_30'
  if (days <= 60) return 'd31_60'
  if (days <= 90) return 'd61_90'
  return 'd90_plus'
}
