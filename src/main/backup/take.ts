import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { toLocalIso, type Clock } from '../../shared/domain/time'
import type { Store } from '../store/open'
import { copyFileDurable, digestFile, fsyncDir, fsyncFile, writeFileDurable } from '../files/durable-files'
import { backupDirOf, deleteBackup, listBackups, removeUnfinished, sidecarOf, type BackupInfo, type BackupReason, type Sidecar } from './catalogue'
import { backupsToDelete } from './rotation'
import { copyAttachmentsInto, copyAttachmentsTo } from './attachment-copies'
import type { BackupSettings } from './settings'

// Online backups with SQLite's backup API: a consistent copy of the live store while the app
// keeps working (never a file copy of a database being written). Each copy is switched to a
// single self-contained file, checked with quick_check, checksummed, and only then given its
// sidecar, which is what makes it a backup.

export interface BackupResult {
  backup: BackupInfo
  /** Set when the second destination could not take its copy (the primary one is fine). */
  secondError: string | null
  deleted: string[]
}

/** Pages copied per step: the app's own writes interleave between steps. */
const PAGES_PER_STEP = 1000
const ALL_PAGES = 0x7fffffff

function stamp(iso: string): string {
  return iso.slice(0, 19).replace(/[-:]/g, '').replace('T', '-')
}

function freeName(dir: string, iso: string, reason: BackupReason): string {
  const base = `dealer-${stamp(iso)}`
  for (let n = 1; ; n++) {
    const name = `${base}${n === 1 ? '' : `-${n}`}-${reason}.sqlite`
    if (!existsSync(join(dir, name))) return name
  }
}

function lastMigration(db: Database.Database): string | null {
  try {
    const row = db.prepare('SELECT name FROM schema_migrations ORDER BY name DESC LIMIT 1').get() as { name: string } | undefined
    return row?.name ?? null
  } catch {
    return null
  }
}

/** Opens a copy, makes it a rollback-journal file, and runs quick_check: 'ok' or the problems. */
export function checkCopy(file: string, makeStandalone = false): { check: string; schema: string | null } {
  const db = new Database(file, { fileMustExist: true })
  try {
    if (makeStandalone) db.pragma('journal_mode = DELETE')
    const rows = db.pragma('quick_check') as { quick_check: string }[]
    const check = rows.map((r) => r.quick_check).join('; ')
    return { check, schema: lastMigration(db) }
  } finally {
    db.close()
  }
}

export async function takeBackup(o: {
  store: Store
  dataDir: string
  clock: Clock
  timeZone: string
  reason: BackupReason
  settings: BackupSettings
  /** Copy everything in one step (used before a restore, when nothing else may run). */
  oneStep?: boolean
}): Promise<BackupResult> {
  const dir = backupDirOf(o.dataDir)
  mkdirSync(dir, { recursive: true })
  removeUnfinished(dir)
  const createdAt = toLocalIso(o.clock.now(), o.timeZone)
  const name = freeName(dir, createdAt, o.reason)
  const tmp = join(dir, `.${name}.tmp`)
  try {
    await o.store.sqlite.backup(tmp, { progress: () => (o.oneStep ? ALL_PAGES : PAGES_PER_STEP) })
    const { check, schema } = checkCopy(tmp, true)
    if (check !== 'ok') throw new Error(`backup copy failed its check: ${check}`)
    fsyncFile(tmp)
    const digest = await digestFile(tmp)
    const file = join(dir, name)
    renameSync(tmp, file)
    fsyncDir(dir)
    const copies = copyAttachmentsInto(file, o.dataDir)
    const sidecar: Sidecar = { name, createdAt, reason: o.reason, bytes: digest.bytes, sha256: digest.sha256, check, schema, attachments: copies }
    writeFileDurable(sidecarOf(file), JSON.stringify(sidecar, null, 2) + '\n')
    mirrorSettings(o.dataDir, o.settings)

    const deleted = rotate(dir, o.settings)
    let secondError: string | null = null
    if (o.settings.secondDir) {
      try {
        await copyToSecond(file, sidecar, o.settings.secondDir)
        deleted.push(...rotate(o.settings.secondDir, o.settings))
      } catch (error) {
        secondError = (error as Error).message
      }
    }
    return { backup: { ...sidecar, file, location: 'primary' }, secondError, deleted }
  } finally {
    rmSync(tmp, { force: true })
  }
}

async function copyToSecond(file: string, sidecar: Sidecar, secondDir: string): Promise<void> {
  // The second folder must exist already: an unplugged USB disk must not become a local folder.
  if (!existsSync(secondDir) || !statSync(secondDir).isDirectory()) throw new Error(`folder not reachable: ${secondDir}`)
  removeUnfinished(secondDir)
  const to = join(secondDir, sidecar.name)
  const digest = await copyFileDurable(file, to)
  if (digest.sha256 !== sidecar.sha256) {
    rmSync(to, { force: true })
    throw new Error(`copy in ${secondDir} does not match (checksum)`)
  }
  await copyAttachmentsTo(file, to)
  writeFileDurable(sidecarOf(to), JSON.stringify(sidecar, null, 2) + '\n')
}

function rotate(dir: string, settings: BackupSettings): string[] {
  const backups = listBackups(dir)
  const names = backupsToDelete(backups, settings)
  for (const name of names) deleteBackup({ file: join(dir, name) })
  return names
}

/**
 * Where the second copies are, kept beside the backups: when the store is damaged its settings
 * cannot be read, and the recovery screen still lists the backups in both places.
 */
export function mirrorSettings(dataDir: string, settings: BackupSettings): void {
  writeFileDurable(join(backupDirOf(dataDir), 'settings.json'), JSON.stringify({ secondDir: settings.secondDir }) + '\n')
}
