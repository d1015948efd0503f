import { z } from 'zod'
import { CHECK_RULES } from '../domain/warranty-check'
import { PART_RULE_DAYS } from '../domain/warranty-parts'
import type { ContractSection } from './types'

// The warranty desk's settings: the pre-submission check rules (enabled, severity, parameter) and
// the makers' old-part rules (return / retention days per make, '' the default), each row versioned.
// Writes emit `warranty.changed` (the pre-check of every open claim reads these rules).

const Version = z.number().int().min(0)
const Severity = z.enum(['block', 'warn'])
const Setting = z.object({ enabled: z.boolean(), severity: Severity, param: z.number().nullable() })
const Days = z.number().int().min(PART_RULE_DAYS.min).max(PART_RULE_DAYS.max)
const Make = z.string().trim().max(40)

export const CheckRuleRow = Setting.extend({
  rule: z.enum(CHECK_RULES),
  /** 0 while the rule has no row of its own yet (the default applies). */
  version: z.number().int(),
  /** The manual's / common makers' default, for "reset to default". */
  defaults: Setting,
  /** What the parameter counts and its range; null when the rule has none. */
  paramSpec: z.object({ unit: z.enum(['days', 'chars', 'fen']), min: z.number(), max: z.number() }).nullable(),
})

export const PartRuleRow = z.object({ make: z.string(), returnDays: z.number(), retainDays: z.number(), version: z.number().int() })
const PartRules = z.object({
  rules: z.array(PartRuleRow),
  /** The rule row '' falls back to when it is reset. */
  defaults: z.object({ returnDays: z.number(), retainDays: z.number() }),
})

export const warrantyRulesContract = {
  'warranty.checkRules.save': {
    input: z.strictObject({
      rules: z
        .array(z.strictObject({ rule: z.enum(CHECK_RULES), enabled: z.boolean(), severity: Severity, param: z.number().int().nullable(), version: Version }))
        .min(1)
        .max(CHECK_RULES.length)
        .refine((rules) => new Set(rules.map((r) => r.rule)).size === rules.length, { error: 'warranty.rules.duplicate' }),
    }),
    output: z.array(CheckRuleRow),
    access: 'warranty.configure',
    kind: 'write',
  },
  'warranty.partRules': {
    input: z.strictObject({}),
    output: PartRules,
    access: 'warranty.read',
    kind: 'read',
  },
  /** One make's rule, new (version 0) or changed; make '' is the default for makes without one. */
  'warranty.partRules.save': {
    input: z.strictObject({ make: Make, returnDays: Days, retainDays: Days, version: Version }),
    output: PartRules,
    access: 'warranty.configure',
    kind: 'write',
  },
  /** A make's own rule removed: its parts follow the default again. The default itself stays. */
  'warranty.partRules.delete': {
    input: z.strictObject({ make: Make.min(1), version: z.number().int().positive() }),
    output: PartRules,
    access: 'warranty.configure',
    kind: 'write',
  },
} as const satisfies ContractSection
