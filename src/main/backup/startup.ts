import type { Clock } from '../../shared/domain/time'
import type { Store } from '../store/open'
import { appliedMigrations } from '../store/migrate'
import { getSetting } from '../settings/settings'
import { readBackupSettings } from './settings'
import { takeBackup } from './take'

// What `createApp` calls around the store: the check at start is `openCheckedStore`
// (integrity.ts); this is the backup before migrations.

/** `migrate`'s beforeFirst: a backup of the store as the previous version left it. */
export async function backupBeforeMigration(store: Store, dataDir: string, clock: Clock): Promise<void> {
  // A new, empty store has nothing to lose.
  if (appliedMigrations(store).length === 0) return
  await takeBackup({
    store,
    dataDir,
    clock,
    timeZone: getSetting(store, 'time.zone'),
    reason: 'pre-migration',
    settings: readBackupSettings(store),
  })
}
