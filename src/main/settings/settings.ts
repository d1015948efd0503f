import type { z } from 'zod'
import type { Store } from '../store/open'
import { preparedQuery } from '../store/query'
import { DEFAULT_TIME_ZONE } from '../../shared/domain/time'
import { REPAIR_WARRANTY_DEFAULTS, type RepairWarranty } from '../../shared/domain/repair-warranty'
import { RO_TYPES, type RoType } from '../../shared/domain/ro-type'
import { DEFAULT_OPENING_HOURS_TEXT } from '../../shared/domain/opening-hours'

// Settings are key → JSON value rows; defaults live here, in one place.
export const SETTING_DEFAULTS = {
  'dealer.name': '',
  'dealer.code': '',
  /** 增值税 13 % on parts and labour, as a setting (DOMAIN: local conventions). */
  'vat.rateBp': 1300,
  'labour.rateFen': 30000,
  'time.zone': DEFAULT_TIME_ZONE,
  'setup.initialised': false,
  'setup.demo': false,
  /** Clock segments shorter than this wait for the workshop supervisor before counting for efficiency. */
  'clock.minSegmentMinutes': 3,
  /** 维修质量保证期 per RO type (days or km, whichever first): REPAIR_WARRANTY_DEFAULTS. */
  'repairWarranty.maintenance.days': REPAIR_WARRANTY_DEFAULTS.maintenance.days,
  'repairWarranty.maintenance.km': REPAIR_WARRANTY_DEFAULTS.maintenance.km,
  'repairWarranty.repair.days': REPAIR_WARRANTY_DEFAULTS.repair.days,
  'repairWarranty.repair.km': REPAIR_WARRANTY_DEFAULTS.repair.km,
  'repairWarranty.warranty.days': REPAIR_WARRANTY_DEFAULTS.warranty.days,
  'repairWarranty.warranty.km': REPAIR_WARRANTY_DEFAULTS.warranty.km,
  'repairWarranty.insurance.days': REPAIR_WARRANTY_DEFAULTS.insurance.days,
  'repairWarranty.insurance.km': REPAIR_WARRANTY_DEFAULTS.insurance.km,
  'repairWarranty.internal.days': REPAIR_WARRANTY_DEFAULTS.internal.days,
  'repairWarranty.internal.km': REPAIR_WARRANTY_DEFAULTS.internal.km,
  'repairWarranty.campaign.days': REPAIR_WARRANTY_DEFAULTS.campaign.days,
  'repairWarranty.campaign.km': REPAIR_WARRANTY_DEFAULTS.campaign.km,
  /** Reception opening hours, Monday … Sunday (see shared/domain/opening-hours). */
  'appointments.openingHours': DEFAULT_OPENING_HOURS_TEXT as string,
  /** Failed logins (per user name) before a lockout; per client address it is three times this. */
  'auth.lockAfterFailures': 10,
  'auth.lockMinutes': 15,
  /** The delay before answering the third failed login in a row; it doubles per failure after. */
  'auth.failureDelayMs': 250,
} as const

export type SettingKey = keyof typeof SETTING_DEFAULTS
type SettingValue<K extends SettingKey> = (typeof SETTING_DEFAULTS)[K] extends boolean
  ? boolean
  : (typeof SETTING_DEFAULTS)[K] extends number
    ? number
    : string

// The one reader of the `settings` table: every setting is a key → JSON value row. Read on hot
// paths (the VAT rate on every line save, the time zone): compiled once.
const settingValue = preparedQuery<{ key: string }>()((db, p) => db.selectFrom('settings').select('value').where('key', '=', p.key))
const putSetting = preparedQuery<{ key: string; value: string }>()((db, p) =>
  db
    .insertInto('settings')
    .values({ key: p.key, value: p.value })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') }))),
)

/** The stored text of a setting, or undefined when the key has never been written. */
function storedText(store: Store, key: string): string | undefined {
  return settingValue.first(store, { key })?.value
}

/** A setting the foundation knows (SETTING_DEFAULTS): its stored value or its default. */
export function getSetting<K extends SettingKey>(store: Store, key: K): SettingValue<K> {
  const text = storedText(store, key)
  return (text === undefined ? SETTING_DEFAULTS[key] : JSON.parse(text)) as SettingValue<K>
}

export function setSetting<K extends SettingKey>(store: Store, key: K, value: SettingValue<K>): void {
  writeSetting(store, key, value)
}

/**
 * A setting an area keeps under its own key with its own default (backups, export, the cashier's
 * discount cap), so this module need not know them. A stored value that no longer parses falls
 * back to the default instead of stopping the job or the screen that reads it.
 */
export function readSetting<T>(store: Store, key: string, schema: z.ZodType<T>, fallback: T): T {
  const text = storedText(store, key)
  if (text === undefined) return fallback
  try {
    const parsed = schema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : fallback
  } catch {
    return fallback
  }
}

export function writeSetting(store: Store, key: string, value: unknown): void {
  putSetting.run(store, { key, value: JSON.stringify(value) })
}

export function readSettings(store: Store) {
  return {
    dealerName: getSetting(store, 'dealer.name'),
    dealerCode: getSetting(store, 'dealer.code'),
    vatRateBp: getSetting(store, 'vat.rateBp'),
    labourRateFen: getSetting(store, 'labour.rateFen'),
    timeZone: getSetting(store, 'time.zone'),
    demo: getSetting(store, 'setup.demo'),
    openingHours: getSetting(store, 'appointments.openingHours'),
    clockMinSegmentMinutes: getSetting(store, 'clock.minSegmentMinutes'),
    repairWarranty: Object.fromEntries(RO_TYPES.map((type) => [type, repairWarrantyOf(store, type)])) as Record<RoType, RepairWarranty>,
  }
}

/** The repair-warranty period (维修质量保证期) of an RO type, from the settings. */
export function repairWarrantyOf(store: Store, type: RoType): RepairWarranty {
  return { days: getSetting(store, `repairWarranty.${type}.days`), km: getSetting(store, `repairWarranty.${type}.km`) }
}
