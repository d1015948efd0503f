// The pre-submission check (提交前检查): the common reasons makers reject or return a claim, as rules
// with a severity and a parameter each, kept as data (table warranty_check_rules) and seeded from
// these defaults. A blocking finding stops the claim; a warning can be overridden with a reason by
// someone holding `warranty.override`. Each finding names the claim's field and how to fix it.

export const CHECK_RULES = [
  'coverage', // outside coverage by date or km, or the warranty start unknown
  'mileage_backwards', // the claim's mileage is lower than an earlier visit's
  'causal_part_on_ro', // the causal part is not on the RO or was not issued from stock
  'duplicate_operation', // the same labour operation on the same VIN within N days
  'late_submission', // submitted more than N days after the RO was completed
  'old_part_tagged', // the causal part's old part is not tagged and kept for warranty
  'narrative', // concern / cause / correction missing or shorter than N characters
  'labour_hours', // labour hours above the operation's standard (flat-rate) time
  'authority', // the claim total is above the dealer's authority without an approved over-authority request
] as const
export type CheckRule = (typeof CHECK_RULES)[number]

export type CheckSeverity = 'block' | 'warn'

export interface CheckRuleSetting {
  rule: CheckRule
  enabled: boolean
  severity: CheckSeverity
  /** Days (duplicate, late), characters (narrative), fen (authority); null where the rule has none. */
  param: number | null
}

export const CHECK_RULE_DEFAULTS: Readonly<Record<CheckRule, Omit<CheckRuleSetting, 'rule'>>> = {
  coverage: { enabled: true, severity: 'warn', param: null },
  mileage_backwards: { enabled: true, severity: 'block', param: null },
  causal_part_on_ro: { enabled: true, severity: 'block', param: null },
  // Makers commonly refuse a repeat of the same operation within 30 days as a comeback (返修).
  duplicate_operation: { enabled: true, severity: 'warn', param: 30 },
  // Common makers' deadline: a claim is filed within 30 days of the repair's completion.
  late_submission: { enabled: true, severity: 'block', param: 30 },
  old_part_tagged: { enabled: true, severity: 'block', param: null },
  narrative: { enabled: true, severity: 'block', param: 10 },
  labour_hours: { enabled: true, severity: 'warn', param: null },
  // The dealer's own authority (经销商授权额度): above ¥5,000 the maker pre-authorises the repair.
  authority: { enabled: true, severity: 'block', param: 500_000 },
}

/** What a rule's parameter counts and the range a manager may set; null: the rule has no parameter. */
export interface CheckParamSpec {
  unit: 'days' | 'chars' | 'fen'
  min: number
  max: number
}

export const CHECK_RULE_PARAMS: Readonly<Record<CheckRule, CheckParamSpec | null>> = {
  coverage: null,
  mileage_backwards: null,
  causal_part_on_ro: null,
  duplicate_operation: { unit: 'days', min: 1, max: 365 },
  late_submission: { unit: 'days', min: 1, max: 365 },
  old_part_tagged: null,
  narrative: { unit: 'chars', min: 1, max: 200 },
  labour_hours: null,
  // ¥0 (every claim pre-authorised) up to ¥1,000,000.
  authority: { unit: 'fen', min: 0, max: 100_000_000 },
}

/** Why a rule's setting cannot be saved (a catalog key and its numbers), or null when it can. */
export function checkSettingProblem(rule: CheckRule, param: number | null): { key: string; params: Record<string, number> } | null {
  const spec = CHECK_RULE_PARAMS[rule]
  if (spec === null) return param === null ? null : { key: 'warranty.rules.noParam', params: {} }
  if (param === null) return { key: 'warranty.rules.paramRequired', params: {} }
  if (!Number.isInteger(param) || param < spec.min || param > spec.max) return { key: `warranty.rules.paramRange.${spec.unit}`, params: { min: spec.min, max: spec.max } }
  return null
}

export interface CheckFinding {
  rule: CheckRule
  severity: CheckSeverity
  /** The claim's field the finding is about (`mileageKm`, `labour.0.hoursMilli`, `cause`). */
  field: string
  /** Catalog key of the finding and how to fix it (`warranty.check.<rule>`), with its numbers. */
  message: string
  params: Record<string, string | number>
}
