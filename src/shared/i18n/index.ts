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
import { frontDesk as zhFrontDesk } from './zh-CN/front-desk'
import { frontDesk as enFrontDesk } from './en/front-desk'
import { security as zhSecurity } from './zh-CN/security'
import { security as enSecurity } from './en/security'
import { warranty as zhWarranty } from './zh-CN/warranty'
import { warranty as enWarranty } from './en/warranty'
import { care as zhCare } from './zh-CN/care'
import { care as enCare } from './en/care'
import { department as zhDepartment } from './zh-CN/department'
import { department as enDepartment } from './en/department'
import { csi as zhCsi } from './zh-CN/csi'
import { csi as enCsi } from './en/csi'
import { lineCheck as zhLineCheck } from './zh-CN/line-check'
import { lineCheck as enLineCheck } from './en/line-check'
import { insurance as zhInsurance } from './zh-CN/insurance'
import { insurance as enInsurance } from './en/insurance'
import { insuranceScreen as zhInsuranceScreen } from './zh-CN/insurance-screen'
import { insuranceScreen as enInsuranceScreen } from './en/insurance-screen'
import { sanbao as zhSanbao } from './zh-CN/sanbao'
import { sanbao as enSanbao } from './en/sanbao'
import { csiImport as zhCsiImport } from './zh-CN/csi-import'
import { csiImport as enCsiImport } from './en/csi-import'
import { careSurvey as zhCareSurvey } from './zh-CN/care-survey'
import { careSurvey as enCareSurvey } from './en/care-survey'
import { attachments as zhAttachments } from './zh-CN/attachments'
import { attachments as enAttachments } from './en/attachments'
import { warrantyCalls as zhWarrantyCalls } from './zh-CN/warranty-calls'
import { warrantyCalls as enWarrantyCalls } from './en/warranty-calls'
import { campaigns as zhCampaigns } from './zh-CN/campaigns'
import { campaigns as enCampaigns } from './en/campaigns'
import { warrantyFigures as zhWarrantyFigures } from './zh-CN/warranty-figures'
import { warrantyFigures as enWarrantyFigures } from './en/warranty-figures'
import { insuranceFigures as zhInsuranceFigures } from './zh-CN/insurance-figures'
import { insuranceFigures as enInsuranceFigures } from './en/insurance-figures'
import { careDesk as zhCareDesk } from './zh-CN/care-desk'
import { careDesk as enCareDesk } from './en/care-desk'
import { deptOps as zhDeptOps } from './zh-CN/dept-ops'
import { deptOps as enDeptOps } from './en/dept-ops'
import { deptReport as zhDeptReport } from './zh-CN/dept-report'
import { deptReport as enDeptReport } from './en/dept-report'
import { firstService as zhFirstService } from './zh-CN/first-service'
import { firstService as enFirstService } from './en/first-service'
import { warrantyRegisters as zhWarrantyRegisters } from './zh-CN/warranty-registers'
import { warrantyRegisters as enWarrantyRegisters } from './en/warranty-registers'
import { warrantyRules as zhWarrantyRules } from './zh-CN/warranty-rules'
import { warrantyRules as enWarrantyRules } from './en/warranty-rules'
import { etiquette as zhEtiquette } from './zh-CN/etiquette'
import { etiquette as enEtiquette } from './en/etiquette'
import { figures as zhFigures } from './zh-CN/figures'
import { figures as enFigures } from './en/figures'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'zh-CN'

// One spread per line, so catalogs added side by side merge without conflicts.
const zh = {
  ...zhErrors,
  ...zhDomain,
  ...zhApp,
  ...zhReception,
  ...zhWorkshop,
  ...zhParts,
  ...zhData,
  ...zhSettlement,
  ...zhFrontDesk,
  ...zhSecurity,
  ...zhWarranty,
  ...zhCare,
  ...zhDepartment,
  ...zhCsi,
  ...zhLineCheck,
  ...zhInsurance,
  ...zhInsuranceScreen,
  ...zhSanbao,
  ...zhCsiImport,
  ...zhCareSurvey,
  ...zhAttachments,
  ...zhWarrantyCalls,
  ...zhCampaigns,
  ...zhWarrantyFigures,
  ...zhInsuranceFigures,
  ...zhCareDesk,
  ...zhDeptOps,
  ...zhDeptReport,
  ...zhFirstService,
  ...zhWarrantyRegisters,
  ...zhWarrantyRules,
  ...zhEtiquette,
  ...zhFigures,
}
export type MessageKey = keyof typeof zh
const en: Record<MessageKey, string> = {
  ...enErrors,
  ...enDomain,
  ...enApp,
  ...enReception,
  ...enWorkshop,
  ...enParts,
  ...enData,
  ...enSettlement,
  ...enFrontDesk,
  ...enSecurity,
  ...enWarranty,
  ...enCare,
  ...enDepartment,
  ...enCsi,
  ...enLineCheck,
  ...enInsurance,
  ...enInsuranceScreen,
  ...enSanbao,
  ...enCsiImport,
  ...enCareSurvey,
  ...enAttachments,
  ...enWarrantyCalls,
  ...enCampaigns,
  ...enWarrantyFigures,
  ...enInsuranceFigures,
  ...enCareDesk,
  ...enDeptOps,
  ...enDeptReport,
  ...enFirstService,
  ...enWarrantyRegisters,
  ...enWarrantyRules,
  ...enEtiquette,
  ...enFigures,
}

const catalogs: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zh, en }

export type MessageParams = Record<string, string | number>

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(zh, key)
}

/** Every key of the catalogs (both languages have the same keys, by their types). */
export function messageKeys(): MessageKey[] {
  return Object.keys(zh) as MessageKey[]
}

export function asLocale(value: unknown): Locale {
  if (typeof value !== 'string') return DEFAULT_LOCALE
  if (value.toLowerCase().startsWith('en')) return 'en'
  return DEFAULT_LOCALE
}

// `{n, plural, one {# batch} other {# batches}}`: the branch Intl.PluralRules picks for the
// locale (`=0` for an exact number), with `#` the number. Chinese strings need none.
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g
const BRANCH = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g
const pluralRules = new Map<Locale, Intl.PluralRules>()

function plural(locale: Locale, template: string, params: MessageParams): string {
  return template.replace(PLURAL, (whole, name: string, body: string) => {
    const n = Number(params[name])
    if (params[name] === undefined || !Number.isFinite(n)) return whole
    const branches = new Map([...body.matchAll(BRANCH)].map((m) => [m[1]!, m[2]!]))
    let rules = pluralRules.get(locale)
    if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)))
    const text = branches.get(`=${n}`) ?? branches.get(rules.select(n)) ?? branches.get('other') ?? ''
    return text.replace(/#/g, String(params[name]))
  })
}

// First segments of every key (`error`, `permission`, `reception` …): a string that starts with
// one of them and has a dot is meant as a key, so a missing one is a bug, not text.
const NAMESPACES = new Set(Object.keys(zh).map((key) => key.slice(0, key.indexOf('.'))))

/** Whether `text` reads as a catalog key (namespace, a dot, more) whether or not it exists. */
export function looksLikeKey(text: string): boolean {
  const dot = text.indexOf('.')
  return dot > 0 && /^[a-zA-Z][\w.-]*$/.test(text) && NAMESPACES.has(text.slice(0, dot))
}

type MissingKeyHandler = (key: string) => void
let onMissingKey: MissingKeyHandler = () => {}

/**
 * What happens when a key-looking string has no message: tests throw (so no screen or error
 * can ever show "permission.customers.write"), the renderer logs a console error (which the
 * e2e specs fail on), production shows the key rather than nothing.
 */
export function setMissingKeyHandler(handler: MissingKeyHandler): void {
  onMissingKey = handler
}

/** Looks up a message and fills `{name}` placeholders; unknown keys come back as they are. */
export function translate(locale: Locale, key: string, params?: MessageParams): string {
  if (!isMessageKey(key) && looksLikeKey(key)) onMissingKey(key)
  const template = isMessageKey(key) ? catalogs[locale][key] : key
  if (!params) return template
  return plural(locale, template, params).replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name]
    if (value === undefined) return whole
    if (typeof value === 'string' && !isMessageKey(value) && looksLikeKey(value)) onMissingKey(value)
    return typeof value === 'string' && isMessageKey(value) ? catalogs[locale][value] : String(value)
  })
}
