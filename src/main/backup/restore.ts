import { existsSync, mkdirSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { toLocalIso, type Clock } from '../../shared/domain/time'
import type { Store } from '../store/open'
import { migrate } from '../store/migrate'
import { copyFileDurable, digestFile, fsyncDir } from '../files/durable-files'
import { readSidecar } from './catalogue'
import { checkCopy, takeBackup } from './take'
import { restoreAttachmentsFrom } from './attachment-copies'
import type { BackupSettings } from './settings'

// Restore, two ways. Offline (command line, recovery screen): the current files are moved aside
// untouched, damaged or not, and the backup copied into place. Live (from the app): the current
// store is backed up first, then the backup is copied into the open store with SQLite's backup
// API, which replaces its content in one go while the connection stays open.

export class RestoreError extends Error {
  constructor(
    readonly messageKey: string,
    readonly params: Record<string, string> = {},
  ) {
    super(`${messageKey} ${JSON.stringify(params)}`)
    this.name = 'RestoreError'
  }
}

/** A backup is restorable when its checksum matches its sidecar (if it has one) and it checks ok. */
export async function verifyBackupFile(file: string): Promise<{ sha256: string }> {
  if (!existsSync(file)) throw new RestoreError('data.restore.notFound', { file })
  const sidecar = readSidecar(file)
  const digest = await digestFile(file)
  if (sidecar && sidecar.sha256 !== digest.sha256) throw new RestoreError('data.restore.checksum', { file })
  let check: string
  try {
    check = checkCopyReadOnly(file)
  } catch (error) {
    throw new RestoreError('data.restore.unreadable', { file, problem: (error as Error).message })
  }
  if (check !== 'ok') throw new RestoreError('data.restore.damaged', { file, problem: check })
  return { sha256: digest.sha256 }
}

function checkCopyReadOnly(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check).join('; ')
  } finally {
    db.close()
  }
}

const STORE_FILES = ['', '-wal', '-shm'] as const

/** Replaces the store file of a stopped app. Returns the folder the old files were moved to. */
export async function restoreOffline(o: { dataDir: string; dbFile: string; from: string; clock: Clock; timeZone: string }) {
  await verifyBackupFile(o.from)
  const target = join(o.dataDir, o.dbFile)
  const stamp = toLocalIso(o.clock.now(), o.timeZone).slice(0, 19).replace(/[-:]/g, '').replace('T', '-')
  let savedIn: string | null = null
  if (STORE_FILES.some((s) => existsSync(target + s))) {
    savedIn = join(o.dataDir, 'replaced', `${o.dbFile}-${stamp}`)
    for (let n = 2; existsSync(savedIn); n++) savedIn = join(o.dataDir, 'replaced', `${o.dbFile}-${stamp}-${n}`)
    mkdirSync(savedIn, { recursive: true })
    // The main file and its WAL move together: a WAL left beside another database corrupts it.
    for (const s of STORE_FILES) if (existsSync(target + s)) renameSync(target + s, join(savedIn, o.dbFile + s))
    fsyncDir(savedIn)
  }
  // The app migrates it at its next start, after its own pre-migration backup.
  await copyFileDurable(o.from, target)
  const { check } = checkCopy(target)
  if (check !== 'ok') throw new RestoreError('data.restore.damaged', { file: target, problem: check })
  const attachments = restoreAttachmentsFrom(o.from, o.dataDir)
  return { savedIn, attachments }
}

/** Restores into the running app's open store; the caller makes sure no job is running. */
export async function restoreLive(o: {
  store: Store
  dataDir: string
  from: string
  clock: Clock
  timeZone: string
  settings: BackupSettings
}) {
  await verifyBackupFile(o.from)
  const saved = await takeBackup({ ...o, reason: 'pre-restore', oneStep: true })
  const source = new Database(o.from, { readonly: true, fileMustExist: true })
  try {
    // All pages in one step: the store is locked for one short moment instead of step by step.
    await source.backup(o.store.file, { progress: () => 0x7fffffff })
  } finally {
    source.close()
  }
  const attachments = restoreAttachmentsFrom(o.from, o.dataDir)
  const migrated = await migrate(o.store)
  return { savedAs: saved.backup.name, migrated: migrated.applied, attachments }
}
