// One catalog per language, merged from one file per area. Every person-facing string in the
// app comes from here; the main process uses the same catalogs for error messages.
import { errors as zhErrors } from './zh-CN/errors'
import { errors as enErrors } from './en/errors'
import { domain as zhDomain } from './zh-CN/domain'
import { domain as enDomain } from './en/domain'
import { app as zhApp } from './zh-CN/app'
import { app as enApp } from './en/app'
import { reception as zhReception } from './zh-CN/reception'
import { reception as enReception } from './en/reception'
import { workshop as zhWorkshop } from './zh-CN/workshop'
import { workshop as enWorkshop } from './en/workshop'
import { parts as zhParts } from './zh-CN/parts'
import { parts as enParts } from './en/parts'
import { data as zhData } from './zh-CN/data'
import { data as enData } from './en/data'
import { settlement as zhSettlement } from './zh-CN/settlement'
import { settlement as enSettlement } from './en/settlement'
import { security as zhSecurity } from './zh-CN/security'
import { security as enSecurity } from './en/security'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'zh-CN'

const zh = { ...zhErrors, ...zhDomain, ...zhApp, ...zhReception, ...zhWorkshop, ...zhParts, ...zhData, ...zhSettlement, ...zhSecurity }
export type MessageKey = keyof typeof zh
const en: Record<MessageKey, string> = { ...enErrors, ...enDomain, ...enApp, ...enReception, ...enWorkshop, ...enParts, ...enData, ...enSettlement, ...enSecurity }

const catalogs: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zh, en }

export type MessageParams = Record<string, string | number>

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zh, key)
}

export function asLocale(value: unknown): Locale {
  if (typeof value !== 'string') return DEFAULT_LOCALE
  if (value.toLowerCase().startsWith('en')) return 'en'
  return DEFAULT_LOCALE
}

/** Looks up a message and fills `{name}` placeholders; unknown keys come back as they are. */
export function translate(locale: Locale, key: string, params?: MessageParams): string {
  const template = isMessageKey(key) ? catalogs[locale][key] : key
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    if (value === undefined) return whole
    return typeof value === 'string' && isMessageKey(value) ? catalogs[locale][value] : String(value)
  })
}
