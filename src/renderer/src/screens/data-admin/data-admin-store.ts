import type { z } from 'zod'
import { createStore } from 'zustand/vanilla'
import type { ApiClient, Envelope } from '../../../../shared/contract'
import type { BackupOut, BatchOut, ExportStatusOut, JobRunOut, BackupSettingsOut, TargetConfigIn, PersonalDataMode } from '../../../../shared/contract/data'
import type { Failure } from '../../api/failure'

// Data administration screen: the export's status, queue and batch history, the backups and the
// job log. Actions return the failure (for the form) or null; every change reloads what it shows.

export type ExportStatusT = z.output<typeof ExportStatusOut>
export type BatchT = z.output<typeof BatchOut>
export type BackupT = z.output<typeof BackupOut>
export type JobRunT = z.output<typeof JobRunOut>
export type BackupSettingsT = z.output<typeof BackupSettingsOut>

export interface ExportSettingsInput {
  enabled?: boolean
  timeOfDay?: string
  personalData?: PersonalDataMode
  targets?: TargetConfigIn[]
}

export interface DataAdminState {
  exportStatus: ExportStatusT | null
  batches: BatchT[]
  backups: BackupT[]
  backupSettings: BackupSettingsT | null
  lastBackupAt: string | null
  jobs: JobRunT[]
  loading: boolean
  error: string | null
  /** Set after a restore: everyone logs in again. */
  restoredFrom: string | null
  load(): Promise<void>
  saveExportSettings(input: ExportSettingsInput): Promise<Failure | null>
  runExport(): Promise<Failure | null>
  resend(batchId: string, targetId?: string): Promise<Failure | null>
  saveBackupSettings(input: Partial<BackupSettingsT>): Promise<Failure | null>
  runBackup(): Promise<Failure | null>
  restore(backup: Pick<BackupT, 'name' | 'location'>): Promise<Failure | null>
  /** A live event arrived. */
  changed(type: string, id?: string | number): void
}

export function createDataAdminStore(api: ApiClient, permissions: { export: boolean; backup: boolean }) {
  let seq = 0
  return createStore<DataAdminState>()((set, get) => {
    async function act(call: Promise<Envelope<unknown>>): Promise<Failure | null> {
      const result = await call
      if (!result.ok) return result
      await get().load()
      return null
    }
    return {
      exportStatus: null,
      batches: [],
      backups: [],
      backupSettings: null,
      lastBackupAt: null,
      jobs: [],
      loading: false,
      error: null,
      restoredFrom: null,

      async load() {
        const mine = ++seq
        set({ loading: true, error: null })
        const [status, batches, backup] = await Promise.all([
          permissions.export ? api.call('data.export.status', {}) : null,
          permissions.export ? api.call('data.export.batches', { limit: 50 }) : null,
          permissions.backup ? api.call('data.backup.status', {}) : null,
        ])
        if (mine !== seq) return
        const failed = [status, batches, backup].find((r) => r && !r.ok)
        set({
          loading: false,
          error: failed && !failed.ok ? failed.message : null,
          ...(status?.ok ? { exportStatus: status.data } : {}),
          ...(batches?.ok ? { batches: batches.data } : {}),
          ...(backup?.ok
            ? { backups: backup.data.backups, backupSettings: backup.data.settings, lastBackupAt: backup.data.lastBackupAt, jobs: backup.data.jobs }
            : {}),
        })
      },

      saveExportSettings: (input) => act(api.call('data.export.settings', input)),
      runExport: () => act(api.call('data.export.run', {})),
      resend: (batchId, targetId) => act(api.call('data.export.resend', targetId ? { batchId, targetId } : { batchId })),
      saveBackupSettings: (input) => act(api.call('data.backup.settings', input)),
      runBackup: () => act(api.call('data.backup.run', {})),
      restore: (backup) => act(api.call('data.backup.restore', { name: backup.name, location: backup.location })),

      changed(type, id) {
        if (!type.startsWith('data.')) return
        if (type === 'data.restored') set({ restoredFrom: typeof id === 'string' ? id : String(id ?? '') })
        void get().load()
      },
    }
  })
}

export type DataAdminStore = ReturnType<typeof createDataAdminStore>
