// Control characters in text fields. A NUL makes SQLite's length() stop short (so a CHECK fails
// deep in a write and the caller would get INTERNAL), and the other C0/C1 controls are never typed
// by a person: they come from a pasted binary, a broken client or an attack. Every channel's input
// goes through `findControlText` with its own schema (the dispatcher does it, once, for IPC and
// HTTP alike), so a new field is covered without anyone remembering to add a refinement.
import type { z } from 'zod'

/** Strings declared no longer than this are one-line inputs (names, codes, plates, reasons). */
export const SINGLE_LINE_MAX = 128

// C0 except tab, LF and CR; DEL; C1; the Unicode line/paragraph separators that break one-line text.
// Matching control characters is the point of these two patterns.
/* eslint-disable no-control-regex */
const ANY_LINE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/
/* eslint-enable no-control-regex */

export interface ControlTextIssue {
  /** Dotted path of the field, as zod issues report it. */
  field: string
  message: 'validation.controlChars'
}

type Def = { type: string; [key: string]: unknown }
const defOf = (schema: unknown): Def | null => {
  const zod = (schema as { _zod?: { def?: Def } } | null)?._zod
  return zod?.def ?? null
}

/** A string schema is multi-line unless it declares a short maximum length. */
function isMultiLine(def: Def): boolean {
  const checks = (def.checks as { _zod: { def: { check: string; maximum?: number } } }[] | undefined) ?? []
  const max = checks.map((c) => c._zod.def).find((c) => c.check === 'max_length')?.maximum
  return max === undefined || max > SINGLE_LINE_MAX
}

function walk(schema: unknown, value: unknown, path: string[], out: ControlTextIssue[]): void {
  if (out.length >= 20) return
  const def = defOf(schema)
  if (typeof value === 'string') {
    const multiLine = unwrapString(schema)
    const forbidden = multiLine ? ANY_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN
    if (forbidden.test(value)) out.push({ field: path.join('.'), message: 'validation.controlChars' })
    return
  }
  if (value === null || typeof value !== 'object') return
  switch (def?.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return walk(def.innerType, value, path, out)
    case 'pipe':
      return walk(def.in, value, path, out)
    case 'lazy':
      return walk((def.getter as () => unknown)(), value, path, out)
    case 'object': {
      const shape = def.shape as Record<string, unknown>
      for (const [key, inner] of Object.entries(value)) walk(shape[key], inner, [...path, key], out)
      return
    }
    case 'array':
      if (Array.isArray(value)) value.forEach((item, i) => walk(def.element, item, [...path, String(i)], out))
      return
    case 'record':
      for (const [key, inner] of Object.entries(value)) walk(def.valueType, inner, [...path, key], out)
      return
    default:
      // Unions, tuples, unknown: every string beneath is checked by the multi-line rule.
      for (const [key, inner] of Object.entries(value)) walk(null, inner, [...path, key], out)
  }
}

/** A string's line rule through its wrappers (optional, default, pipe); anything else is multi-line. */
function unwrapString(schema: unknown): boolean {
  let def = defOf(schema)
  for (let depth = 0; def && depth < 8; depth++) {
    if (def.type === 'string') return isMultiLine(def)
    const inner = def.innerType ?? def.in
    if (!inner) break
    def = defOf(inner)
  }
  return true
}

/** The fields of `input` whose text holds control characters its schema's field may not hold. */
export function findControlText(schema: z.ZodType, input: unknown): ControlTextIssue[] {
  const out: ControlTextIssue[] = []
  walk(schema, input, [], out)
  return out
}
