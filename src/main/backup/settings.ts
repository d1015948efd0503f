import { z } from 'zod'
import type { Store } from '../store/open'
import { readSetting, writeSetting } from '../settings/settings'

export interface BackupSettings {
  /** A backup every N minutes while the store is being written. */
  intervalMinutes: number
  keepRecent: number
  keepDaily: number
  keepMonthly: number
  /** A second folder (another disk, a NAS share) that gets a copy of every backup. */
  secondDir: string | null
}

export const BACKUP_DEFAULTS: BackupSettings = {
  intervalMinutes: 30,
  // Two working days of half-hourly backups, a fortnight of days, a year of months.
  keepRecent: 48,
  keepDaily: 14,
  keepMonthly: 12,
  secondDir: null,
}

const int = z.number().int().min(0)

export function readBackupSettings(store: Store): BackupSettings {
  const d = BACKUP_DEFAULTS
  return {
    intervalMinutes: readSetting(store, 'backup.intervalMinutes', int.min(1), d.intervalMinutes),
    keepRecent: readSetting(store, 'backup.keepRecent', int.min(1), d.keepRecent),
    keepDaily: readSetting(store, 'backup.keepDaily', int, d.keepDaily),
    keepMonthly: readSetting(store, 'backup.keepMonthly', int, d.keepMonthly),
    secondDir: readSetting(store, 'backup.secondDir', z.string().min(1).nullable(), d.secondDir),
  }
}

export function writeBackupSettings(store: Store, next: Partial<BackupSettings>): BackupSettings {
  for (const [key, value] of Object.entries(next)) {
    if (value === undefined) continue
    writeSetting(store, `backup.${key}`, key === 'secondDir' && value === '' ? null : value)
  }
  return readBackupSettings(store)
}
