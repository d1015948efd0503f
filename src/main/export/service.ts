import { localDate, toLocalIso, type Clock } from '../../shared/domain/time'
import type { Store } from '../store/open'
import { getSetting } from '../settings/settings'
import { buildBatch, type BuildOptions, type BuiltBatch } from './build'
import { dueBusinessDate, nextSlotAfter } from './calendar'
import { deliverPending, nextDeliveryAt, type DeliveryOutcome } from './deliver/queue'
import { targetFromConfig } from './deliver/from-config'
import { lastBatch, outboxOf } from './outbox'
import { pseudonymKey, readExportSettings } from './settings'

// The export as the jobs runner drives it: is a batch due, build it, deliver what is queued.

export interface ExportDeps {
  store: Store
  dataDir: string
  clock: Clock
}

const zoneOf = (store: Store) => getSetting(store, 'time.zone')

/**
 * The business date a batch is due for, or null. After a night with the PC off, the first call
 * at the next start finds the missed slot and the one batch built then covers every missed day.
 */
export function exportDueFor(store: Store, now: Date): string | null {
  const settings = readExportSettings(store)
  if (!settings.enabled || !getSetting(store, 'setup.initialised') || !getSetting(store, 'dealer.code')) return null
  const tz = zoneOf(store)
  const due = dueBusinessDate(now, settings.timeOfDay, tz)
  const last = lastBatch(store)
  // The very first batch waits for the first slot that comes (not yesterday's, which passed
  // before the export existed); after that, every passed slot without a batch is due.
  if (!last) return due === localDate(now, tz) ? due : null
  return last.business_date < due ? due : null
}

/** When the next scheduled batch comes (for the status screen). */
export function nextExportAt(store: Store, now: Date): string | null {
  const settings = readExportSettings(store)
  if (!settings.enabled) return null
  const tz = zoneOf(store)
  if (exportDueFor(store, now)) return toLocalIso(now, tz)
  const last = lastBatch(store)
  const after = last && last.business_date > dueBusinessDate(now, settings.timeOfDay, tz) ? last.business_date : dueBusinessDate(now, settings.timeOfDay, tz)
  return toLocalIso(nextSlotAfter(after, settings.timeOfDay, tz), tz)
}

export async function runExport(
  deps: ExportDeps,
  options: Pick<BuildOptions, 'afterFile' | 'beforeRecord'> & { businessDate?: string } = {},
): Promise<BuiltBatch> {
  const settings = readExportSettings(deps.store)
  const tz = zoneOf(deps.store)
  const now = deps.clock.now()
  return buildBatch({
    store: deps.store,
    outbox: outboxOf(deps.dataDir),
    clock: deps.clock,
    timeZone: tz,
    dealerCode: getSetting(deps.store, 'dealer.code') || 'UNSET',
    businessDate: options.businessDate ?? exportDueFor(deps.store, now) ?? dueBusinessDate(now, settings.timeOfDay, tz),
    personalData: settings.personalData,
    pseudonymKey: pseudonymKey(deps.store),
    targetIds: settings.targets.map((t) => t.id),
    ...(options.afterFile ? { afterFile: options.afterFile } : {}),
    ...(options.beforeRecord ? { beforeRecord: options.beforeRecord } : {}),
  })
}

export function deliveryDue(store: Store, now: Date): boolean {
  const ids = readExportSettings(store).targets.map((t) => t.id)
  const next = nextDeliveryAt(store, ids)
  return next !== null && next <= toLocalIso(now, zoneOf(store))
}

export function runDeliveries(deps: ExportDeps): Promise<DeliveryOutcome[]> {
  const settings = readExportSettings(deps.store)
  return deliverPending({
    store: deps.store,
    outbox: outboxOf(deps.dataDir),
    targets: settings.targets.map(targetFromConfig),
    clock: deps.clock,
    timeZone: zoneOf(deps.store),
  })
}
