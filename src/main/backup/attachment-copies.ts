import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { contentPath, sha256Of } from '../attachments/file-store'
import { copyFileDurable, fsyncDir, fsyncFile } from '../files/durable-files'

// A backup carries the attachments its database refers to, in `<backup>.files/<sha256>` beside
// it, written before the sidecar (so a backup with a sidecar has its files). Content files never
// change once written, so a hard link is as good as a copy and costs no space; across disks (or
// where links are refused) the file is copied. A restore puts back every file the data folder
// lacks, checked against its name.

const SHA256 = /^[0-9a-f]{64}$/

export const filesDirOf = (backupFile: string) => `${backupFile}.files`

/** The hashes of live attachments in a database file (none before the attachment store existed). */
function referencedHashes(dbFile: string): string[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true })
  try {
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'attachments'").get()
    if (!table) return []
    // raw SQL: the backup copy is read through its own connection, outside the store's Kysely.
    return (db.prepare('SELECT DISTINCT sha256 FROM attachments WHERE removed_at IS NULL ORDER BY sha256').all() as { sha256: string }[]).map((r) => r.sha256)
  } finally {
    db.close()
  }
}

export interface AttachmentCopies {
  files: number
  bytes: number
  /** Referenced but not in the data folder: the backup cannot carry them either. */
  missing: number
}

/** Puts the files the backup's database refers to beside it. */
export function copyAttachmentsInto(backupFile: string, dataDir: string): AttachmentCopies {
  const hashes = referencedHashes(backupFile)
  const out: AttachmentCopies = { files: 0, bytes: 0, missing: 0 }
  if (hashes.length === 0) return out
  const dir = filesDirOf(backupFile)
  mkdirSync(dir, { recursive: true })
  for (const sha of hashes) {
    const from = contentPath(dataDir, sha)
    if (!existsSync(from)) {
      out.missing++
      continue
    }
    const to = join(dir, sha)
    if (!existsSync(to)) {
      try {
        linkSync(from, to)
      } catch {
        copyFileSync(from, to)
        fsyncFile(to)
      }
    }
    out.files++
    out.bytes += readFileSync(to).length
  }
  fsyncDir(dir)
  return out
}

/** Copies a backup's files to another folder's backup of the same name (the second destination). */
export async function copyAttachmentsTo(backupFile: string, otherBackupFile: string): Promise<void> {
  const from = filesDirOf(backupFile)
  if (!existsSync(from)) return
  const to = filesDirOf(otherBackupFile)
  mkdirSync(to, { recursive: true })
  for (const name of readdirSync(from)) {
    if (!SHA256.test(name)) continue
    const digest = await copyFileDurable(join(from, name), join(to, name))
    if (digest.sha256 !== name) throw new Error(`attachment copy in ${to} does not match (checksum)`)
  }
}

/** Puts back every carried file the data folder lacks; a damaged copy is skipped (it lists as missing). */
export function restoreAttachmentsFrom(backupFile: string, dataDir: string): { restored: number; damaged: number } {
  const dir = filesDirOf(backupFile)
  const out = { restored: 0, damaged: 0 }
  if (!existsSync(dir)) return out
  for (const name of readdirSync(dir)) {
    if (!SHA256.test(name)) continue
    const target = contentPath(dataDir, name)
    if (existsSync(target)) continue
    const content = readFileSync(join(dir, name))
    if (sha256Of(content) !== name) {
      out.damaged++
      continue
    }
    mkdirSync(join(target, '..'), { recursive: true })
    copyFileSync(join(dir, name), target)
    fsyncFile(target)
    fsyncDir(join(target, '..'))
    out.restored++
  }
  return out
}

export function deleteAttachmentCopies(backupFile: string): void {
  rmSync(filesDirOf(backupFile), { recursive: true, force: true })
}
