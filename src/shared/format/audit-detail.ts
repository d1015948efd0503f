import { formatFen } from '../domain/money'
import { formatMilli } from '../domain/stock'
import { isMessageKey, translate, type Locale } from '../i18n'
import { percentFromBp } from './numbers'

// An audit row as a person reads it: the action by its catalog name and the stored detail (JSON
// written by the main process) as "label: value" pairs — money in yuan, quantities as decimals,
// rates as percent, states and roles by their catalog names, a before/after pair as what changed.
// Never the raw JSON: a field without a label is counted ("2 more fields"), not shown.

/** The catalog name of an action code; every code the main process writes has one (a test checks). */
export function auditActionLabel(code: string, locale: Locale): string {
  const key = `audit.action.${code}`
  return isMessageKey(key) ? translate(locale, key) : code
}

const STATE_CATALOGS = ['roState', 'jobState', 'poState', 'stocktakeState', 'alertState', 'warranty.state'] as const
const STATE_KEYS = new Set(['state', 'before', 'after', 'from', 'to', 'status'])

function fieldLabel(key: string, locale: Locale): string | null {
  for (const candidate of [`audit.field.${key}`, `field.${key}`]) if (isMessageKey(candidate)) return translate(locale, candidate)
  return null
}

function scalar(key: string, value: unknown, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '—'
  if (typeof value === 'boolean') return translate(locale, value ? 'common.yes' : 'common.no')
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) return String(value)
    if (key.endsWith('Fen')) return formatFen(value, locale)
    if (key.endsWith('Milli')) return formatMilli(value)
    if (key.endsWith('Bp')) return percentFromBp(value)
    if (key.endsWith('Id') || key === 'id') return `#${value}`
    return String(value)
  }
  if (typeof value === 'string') {
    // Secrets are blanked by the dispatcher before they are stored.
    if (value === '[redacted]') return translate(locale, 'audit.redacted')
    if (key === 'role' && isMessageKey(`role.${value}`)) return translate(locale, `role.${value}`)
    if (key === 'type' && isMessageKey(`roType.${value}`)) return translate(locale, `roType.${value}`)
    if (key === 'payer' && isMessageKey(`payer.${value}`)) return translate(locale, `payer.${value}`)
    if (STATE_KEYS.has(key) || key.endsWith('State')) {
      for (const catalog of STATE_CATALOGS) if (isMessageKey(`${catalog}.${value}`)) return translate(locale, `${catalog}.${value}`)
    }
    // Services store some values as catalog keys (a state, a reason); people see their text.
    if (isMessageKey(value)) return translate(locale, value)
    return value.length > 80 ? `${value.slice(0, 80)}…` : value
  }
  if (Array.isArray(value)) {
    return value.every((v) => v === null || typeof v !== 'object')
      ? value.map((v) => scalar(key, v, locale)).join(locale === 'en' ? ', ' : '、')
      : translate(locale, 'audit.items', { n: value.length })
  }
  return translate(locale, 'audit.items', { n: Object.keys(value).length })
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

function describeObject(detail: Record<string, unknown>, locale: Locale, parts: string[], hidden: { n: number }): void {
  // { before: {...}, after: {...} }: only what changed, as "label: old → new".
  if (isObject(detail.before) && isObject(detail.after)) {
    const before = detail.before
    const after = detail.after
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (same(before[key], after[key])) continue
      const label = fieldLabel(key, locale)
      if (!label) {
        hidden.n += 1
        continue
      }
      parts.push(translate(locale, 'audit.changed', { label, from: scalar(key, before[key], locale), to: scalar(key, after[key], locale) }))
    }
    const rest = Object.fromEntries(Object.entries(detail).filter(([key]) => key !== 'before' && key !== 'after'))
    describeObject(rest, locale, parts, hidden)
    return
  }
  if ('before' in detail && 'after' in detail && !isObject(detail.before) && !isObject(detail.after)) {
    // A state change reads as one ("状态：维修中 → 质检"); other pairs (an odometer) as a change.
    const isState = [detail.before, detail.after].every((v) => typeof v === 'string' && STATE_CATALOGS.some((c) => isMessageKey(`${c}.${v}`)))
    const params = { from: scalar('before', detail.before, locale), to: scalar('after', detail.after, locale) }
    parts.push(translate(locale, isState ? 'audit.changedState' : 'audit.changedValue', params))
    const rest = Object.fromEntries(Object.entries(detail).filter(([key]) => key !== 'before' && key !== 'after'))
    describeObject(rest, locale, parts, hidden)
    return
  }
  for (const [key, value] of Object.entries(detail)) {
    const label = fieldLabel(key, locale)
    // A labelled pair ({ odometer: { before, after } }) reads "里程：76744 → 76864".
    if (label && isObject(value) && 'before' in value && 'after' in value && !isObject(value.before) && !isObject(value.after)) {
      parts.push(translate(locale, 'audit.changed', { label, from: scalar(key, value.before, locale), to: scalar(key, value.after, locale) }))
      continue
    }
    // The dispatcher's own record of a write ({ input }) and nested groups read as their fields.
    if (isObject(value) && (key === 'input' || key === 'params' || Object.keys(value).length <= 6)) {
      describeObject(value, locale, parts, hidden)
      continue
    }
    if (!label) {
      hidden.n += 1
      continue
    }
    parts.push(translate(locale, 'common.labelValue', { label, value: scalar(key, value, locale) }))
  }
}

/** The stored detail as text for the activity feed and the log; '' when there is none. */
export function describeAuditDetail(detail: string | null, locale: Locale): string {
  if (detail === null || detail === '') return ''
  let value: unknown
  try {
    value = JSON.parse(detail)
  } catch {
    // Shortened on the way to the screen: the whole of it is in the XLSX export.
    return translate(locale, 'audit.detailTooLong')
  }
  const parts: string[] = []
  const hidden = { n: 0 }
  if (isObject(value)) describeObject(value, locale, parts, hidden)
  else parts.push(scalar('value', value, locale))
  if (hidden.n > 0) parts.push(translate(locale, 'audit.moreFields', { n: hidden.n }))
  return parts.join(locale === 'en' ? '; ' : '；')
}
