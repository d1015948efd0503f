import { randomBytes } from 'node:crypto'
import { z } from 'zod'
import { FolderTargetIn, HttpsTargetIn, PERSONAL_DATA_MODES, TargetIn, type PersonalDataMode } from '../../shared/contract/data'
import { openSealed, sealedWith, isSealed } from '../secrets/secret-box'
import { secretBoxOf } from '../secrets/registry'
import type { Store } from '../store/open'
import { run } from '../store/query'
import { readSetting, writeSetting } from '../settings/settings'

/** A delivery target as stored (with its secret). */
export type TargetConfig = z.output<typeof TargetIn>

export interface ExportSettings {
  enabled: boolean
  /** Local time of the nightly batch, `HH:MM`. After closing, before the PC is switched off. */
  timeOfDay: string
  personalData: PersonalDataMode
  targets: TargetConfig[]
}

export const EXPORT_DEFAULTS: ExportSettings = {
  enabled: true,
  timeOfDay: '21:30',
  // Head office gets what it needs to analyse the business, not who the customers are, unless
  // the dealer group has the customers' consent and sets `full` (PIPL: personal information
  // shared with another entity needs a basis).
  personalData: 'pseudonymised',
  targets: [],
}

const KEYS = {
  enabled: 'export.enabled',
  timeOfDay: 'export.timeOfDay',
  personalData: 'export.personalData',
  targets: 'export.targets',
  key: 'export.pseudonymKey',
} as const

// As stored: the token is sealed (longer than the plain limit) or, before migration, plain.
const StoredTargets = z.array(z.discriminatedUnion('kind', [FolderTargetIn, HttpsTargetIn.extend({ token: z.string().optional() })]))

/** The targets with their tokens opened; a token this PC cannot open counts as not set. */
function readTargets(store: Store): TargetConfig[] {
  const box = secretBoxOf(store)
  return readSetting(store, KEYS.targets, StoredTargets, EXPORT_DEFAULTS.targets).map((t) => {
    if (t.kind !== 'https' || t.token === undefined) return t
    const { token: sealed, ...rest } = t
    const token = openSealed(box, sealed)
    return token ? { ...rest, token } : rest
  })
}

function writeTargets(store: Store, targets: TargetConfig[]): void {
  const box = secretBoxOf(store)
  writeSetting(
    store,
    KEYS.targets,
    targets.map((t) => (t.kind === 'https' && t.token ? { ...t, token: sealedWith(box, t.token) } : t)),
  )
}

/** Seals tokens stored in plain text by earlier versions; run once at start, idempotent. */
export function sealPlainSecrets(store: Store): number {
  const stored = readSetting(store, KEYS.targets, StoredTargets, [])
  const plain = stored.filter((t) => t.kind === 'https' && t.token !== undefined && !isSealed(t.token))
  if (plain.length > 0) writeTargets(store, readTargets(store))
  return plain.length
}

export function readExportSettings(store: Store): ExportSettings {
  return {
    enabled: readSetting(store, KEYS.enabled, z.boolean(), EXPORT_DEFAULTS.enabled),
    timeOfDay: readSetting(store, KEYS.timeOfDay, z.string().regex(/^\d\d:\d\d$/), EXPORT_DEFAULTS.timeOfDay),
    personalData: readSetting(store, KEYS.personalData, z.enum(PERSONAL_DATA_MODES), EXPORT_DEFAULTS.personalData),
    targets: readTargets(store),
  }
}

export function writeExportSettings(store: Store, next: Partial<ExportSettings>): ExportSettings {
  const current = readExportSettings(store)
  if (next.enabled !== undefined) writeSetting(store, KEYS.enabled, next.enabled)
  if (next.timeOfDay !== undefined) writeSetting(store, KEYS.timeOfDay, next.timeOfDay)
  if (next.personalData !== undefined) writeSetting(store, KEYS.personalData, next.personalData)
  if (next.targets !== undefined) {
    // A target sent without its token or certificate keeps the stored ones: secrets are never
    // sent back out, so the screen cannot send them in again. An empty certificate removes it.
    const merged = next.targets.map((t) => {
      if (t.kind !== 'https') return t
      const old = current.targets.find((o) => o.id === t.id && o.kind === 'https')
      const kept = old?.kind === 'https' ? old : undefined
      const token = t.token ?? kept?.token
      const caPem = t.caPem === undefined ? kept?.caPem : t.caPem || undefined
      const { token: _token, caPem: _caPem, ...rest } = t
      return { ...rest, ...(token ? { token } : {}), ...(caPem ? { caPem } : {}) }
    })
    writeTargets(store, merged)
  }
  return readExportSettings(store)
}

/** The dealer's key for pseudonymous tokens; made once, kept in the store (and its backups). */
export function pseudonymKey(store: Store): string {
  const existing = readSetting(store, KEYS.key, z.string().regex(/^[0-9a-f]{64}$/), '')
  if (existing) return existing
  const key = randomBytes(32).toString('hex')
  run(store, store.db.insertInto('settings').values({ key: KEYS.key, value: JSON.stringify(key) }).onConflict((c) => c.doNothing()))
  return readSetting(store, KEYS.key, z.string(), key)
}
