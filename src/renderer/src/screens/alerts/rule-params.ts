// A rule's parameters as form fields, driven by its kind's schema (RULE_PARAMS): the bounds come
// from the schema, the unit from the parameter's name. Stored values are integers (basis points,
// hundredths, days); people type the figures the manual uses (1.5 ×, 6 %, 4 times a year).
import { z } from 'zod'
import { RO_TYPES, type RoType } from '../../../../shared/domain/ro-type'
import { RULE_PARAMS, type RuleKind } from '../../../../shared/domain/rules'

export const PARAM_UNITS = ['factor', 'percent', 'times', 'days', 'months', 'minutes', 'count', 'points'] as const
export type ParamUnit = (typeof PARAM_UNITS)[number]

export type ParamField =
  | { kind: 'number'; name: string; unit: ParamUnit; min: number; max: number; defaultValue: number }
  | { kind: 'roTypes'; name: string; defaultValue: RoType[] }

const UNIT_OF: Record<string, ParamUnit> = {
  factorBp: 'factor',
  maxShareBp: 'percent',
  minBp: 'percent',
  maxBp: 'percent',
  minCenti: 'times',
  maxCenti: 'times',
  days: 'days',
  withinDays: 'days',
  warnDays: 'days',
  windowMonths: 'months',
  months: 'months',
  graceMinutes: 'minutes',
  graceDays: 'days',
  validityMonths: 'months',
  repairDays: 'days',
  singleRepairDays: 'days',
  minRequests: 'count',
  targetTenths: 'points',
  byDay: 'days',
  targetBp: 'percent',
  leadDays: 'days',
}

/** How many stored units make one shown unit. */
export const SCALE: Record<ParamUnit, number> = { factor: 10_000, percent: 100, times: 100, days: 1, months: 1, minutes: 1, count: 1, points: 10 }

export function paramFields(kind: RuleKind): ParamField[] {
  const shape = RULE_PARAMS[kind].shape as Record<string, z.ZodType>
  return Object.entries(shape).map(([name, schema]): ParamField => {
    const inner = schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema
    const fallback = schema.parse(undefined) as unknown
    if (inner instanceof z.ZodArray) return { kind: 'roTypes', name, defaultValue: fallback as RoType[] }
    const num = inner as z.ZodNumber
    return { kind: 'number', name, unit: UNIT_OF[name] ?? 'count', min: num.minValue ?? 0, max: num.maxValue ?? Number.MAX_SAFE_INTEGER, defaultValue: fallback as number }
  })
}

/** Stored integer → the figure typed (15000 bp → 1.5). */
export const toShown = (value: number, unit: ParamUnit) => value / SCALE[unit]
/** The figure typed → the stored integer, rounded to the unit's grain. */
export const fromShown = (value: number, unit: ParamUnit) => Math.round(value * SCALE[unit])

/** Decimal places worth typing for a unit. */
export const precisionOf = (unit: ParamUnit) => (SCALE[unit] === 1 ? 0 : 2)

export type ParamValues = Record<string, number | string[]>

/** The params as sent: every field of the kind, missing ones at the manual's figure. */
export function completeParams(kind: RuleKind, values: ParamValues): ParamValues {
  const out: ParamValues = {}
  for (const f of paramFields(kind)) out[f.name] = values[f.name] ?? f.defaultValue
  return out
}

export function isRoTypes(value: unknown): value is RoType[] {
  return Array.isArray(value) && value.every((v) => (RO_TYPES as readonly string[]).includes(v as string))
}
