import type { z } from 'zod'
import type { FieldIssue } from '../../shared/contract/errors'
import { isMessageKey, translate, type Locale } from '../../shared/i18n'

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cursor: unknown = input
  for (const key of path) {
    if (cursor === null || typeof cursor !== 'object') return undefined
    cursor = (cursor as Record<PropertyKey, unknown>)[key]
  }
  return cursor
}

/** A person-readable problem for one zod issue; schema messages are catalog keys. */
function problemOf(issue: z.core.$ZodIssue, input: unknown, locale: Locale): string {
  if (isMessageKey(issue.message)) return translate(locale, issue.message)
  switch (issue.code) {
    case 'invalid_type':
      return valueAt(input, issue.path) === undefined
        ? translate(locale, 'validation.required')
        : translate(locale, 'validation.invalidType')
    case 'too_small':
      return issue.origin === 'string'
        ? translate(locale, 'validation.tooShort', { min: Number(issue.minimum) })
        : translate(locale, 'validation.tooSmall', { min: Number(issue.minimum) })
    case 'too_big':
      return issue.origin === 'string'
        ? translate(locale, 'validation.tooLong', { max: Number(issue.maximum) })
        : translate(locale, 'validation.tooBig', { max: Number(issue.maximum) })
    case 'invalid_value':
      return translate(locale, 'validation.invalidOption')
    case 'invalid_format':
      return translate(locale, 'validation.invalidFormat')
    case 'unrecognized_keys':
      return translate(locale, 'validation.unknownKeys', { keys: issue.keys.join(', ') })
    case 'not_multiple_of':
      return translate(locale, 'validation.notInteger')
    default:
      return translate(locale, 'validation.invalid')
  }
}

export function fieldLabel(path: string, locale: Locale): string {
  if (path === '') return path
  const last = path.split('.').filter((p) => !/^\d+$/.test(p)).at(-1) ?? path
  const key = `field.${last}`
  return isMessageKey(key) ? translate(locale, key) : path
}

export function describeIssues(error: z.ZodError, input: unknown, locale: Locale): { message: string; fields: FieldIssue[] } {
  const fields = error.issues.flatMap((issue) => {
    const path = issue.path.map(String)
    // An unknown key is reported at the key itself, so a client can point at the offending field.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: [...path, key].join('.'), message: translate(locale, 'validation.unknownKeys', { keys: key }) }))
    }
    return [{ field: path.join('.'), message: problemOf(issue, input, locale) }]
  })
  const message = fields
    .map((f) => (f.field ? translate(locale, 'validation.field', { field: fieldLabel(f.field, locale), problem: f.message }) : f.message))
    .join('；')
  return { message, fields }
}

/** Field refusals found outside zod (control characters), described the same way. */
export function describeFieldKeys(issues: { field: string; message: string }[], locale: Locale) {
  const fields = issues.map((i) => ({ field: i.field, message: translate(locale, i.message) }))
  const message = fields
    .map((f) => (f.field ? translate(locale, 'validation.field', { field: fieldLabel(f.field, locale), problem: f.message }) : f.message))
    .join('；')
  return { message, details: { fields } }
}
