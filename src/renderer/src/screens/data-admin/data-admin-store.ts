import type { z } from 'zod'
import { create, type StateCreator } from 'zustand'
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { ApiClient, LiveEvent } from '../../../../shared/contract'
import type { BackupOut, BatchOut, ExportStatusOut, JobRunOut, BackupSettingsOut, TargetConfigIn, PersonalDataMode } from '../../../../shared/contract/data'
import type { Failure } from '../../api/failure'
import { apiQueryOptions, useApi, writeThrough, type In } from '../../api/query-client'
import { useCan } from '../../permissions'

// Data administration screen: the export's status, queue and batch history, the backups and the
// job log are queries (the jobs runner's live events re-read them through the event table).
// Actions return the failure (for the form) or null; on success what they change is read again.

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

export interface DataAdminUiState {
  /** Set after a restore: everyone logs in again. */
  restoredFrom: string | null
  /** A live event arrived. */
  heard(event: Pick<LiveEvent, 'type' | 'id'>): void
}

export function dataAdminUiState(): StateCreator<DataAdminUiState> {
  return (set) => ({
    restoredFrom: null,
    heard(event) {
      if (event.type === 'data.restored') set({ restoredFrom: typeof event.id === 'string' ? event.id : String(event.id ?? '') })
    },
  })
}

/** The data screen's UI state, one per window. */
export const useDataAdminUi = create<DataAdminUiState>()(dataAdminUiState())

export interface DataPermissions {
  export: boolean
  backup: boolean
}

/** The screen's reads; each is asked only if the person may see it. */
export function dataAdminQueries(api: ApiClient, may: DataPermissions) {
  return [
    apiQueryOptions(api, 'data.export.status', {}, { enabled: may.export }),
    apiQueryOptions(api, 'data.export.batches', { limit: 50 }, { enabled: may.export }),
    apiQueryOptions(api, 'data.backup.status', {}, { enabled: may.backup }),
  ] as const
}

export function useDataPermissions(): DataPermissions {
  return { export: useCan('data.export'), backup: useCan('data.backup') }
}

/** Everything the export and backup tabs show, with the first failure and a way to read it all again. */
export function useDataAdmin() {
  const api = useApi()
  const may = useDataPermissions()
  const [statusQuery, batchesQuery, backupQuery] = dataAdminQueries(api, may)
  const status = useQuery(statusQuery)
  const batches = useQuery(batchesQuery)
  const backup = useQuery(backupQuery)
  const failed = [status, batches, backup].find((q) => q.error)
  return {
    exportStatus: status.data ?? null,
    batches: batches.data ?? NONE,
    backups: backup.data?.backups ?? NONE,
    backupSettings: backup.data?.settings ?? null,
    lastBackupAt: backup.data?.lastBackupAt ?? null,
    jobs: backup.data?.jobs ?? NONE,
    loading: status.isFetching || batches.isFetching || backup.isFetching,
    error: failed?.error?.message ?? null,
    // A refetch asks even when the query is off: only what the person may see.
    reload: () => void Promise.all([may.export && status.refetch(), may.export && batches.refetch(), may.backup && backup.refetch()]),
  }
}

const NONE: never[] = []

type DataWrite = 'data.export.settings' | 'data.export.run' | 'data.export.resend' | 'data.backup.settings' | 'data.backup.run' | 'data.backup.restore'

/** A data action: its refusal for the form, or null once it was accepted and what it changed re-read. */
export async function dataAct<K extends DataWrite>(api: ApiClient, queryClient: QueryClient, channel: K, input: In<K>): Promise<Failure | null> {
  const result = await writeThrough(api, queryClient, channel, input)
  return result.ok ? null : result
}

export function useDataAdminWrites() {
  const api = useApi()
  const queryClient = useQueryClient()
  const act = <K extends DataWrite>(channel: K, input: In<K>) => dataAct(api, queryClient, channel, input)
  return {
    saveExportSettings: (input: ExportSettingsInput) => act('data.export.settings', input),
    runExport: () => act('data.export.run', {}),
    resend: (batchId: string, targetId?: string) => act('data.export.resend', targetId ? { batchId, targetId } : { batchId }),
    saveBackupSettings: (input: Partial<BackupSettingsT>) => act('data.backup.settings', input),
    runBackup: () => act('data.backup.run', {}),
    restore: (backup: Pick<BackupT, 'name' | 'location'>) => act('data.backup.restore', { name: backup.name, location: backup.location }),
  }
}
