import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { BACKUP_REASONS } from '../../shared/contract/data'
import { deleteAttachmentCopies } from './attachment-copies'

// The backups on disk. Each `<name>.sqlite` has a sidecar `<name>.sqlite.json` with its checksum
// and check result, written after the copy is complete and checked: a backup without a sidecar
// is unfinished and never offered for restore. The list lives beside the files, not in the
// store, so it is there when the store itself is damaged.

export type BackupReason = (typeof BACKUP_REASONS)[number]
export type BackupLocation = 'primary' | 'second'

export const Sidecar = z.object({
  name: z.string(),
  createdAt: z.string(),
  reason: z.enum(BACKUP_REASONS),
  bytes: z.number().int(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  check: z.string(),
  /** The last migration applied in the backup (restoring an older one migrates it forward). */
  schema: z.string().nullable(),
  /** The attachment files carried in `<name>.files/` (absent in backups older than the attachment store). */
  attachments: z.object({ files: z.number().int(), bytes: z.number().int(), missing: z.number().int() }).optional(),
})
export type Sidecar = z.infer<typeof Sidecar>

export interface BackupInfo extends Sidecar {
  file: string
  location: BackupLocation
}

export const BACKUP_NAME = /^dealer-\d{8}-\d{6}(-\d+)?-[a-z-]+\.sqlite$/

export function backupDirOf(dataDir: string): string {
  return join(dataDir, 'backups')
}

export function sidecarOf(file: string): string {
  return `${file}.json`
}

export function readSidecar(file: string): Sidecar | null {
  try {
    const parsed = Sidecar.safeParse(JSON.parse(readFileSync(sidecarOf(file), 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** Finished backups in a folder, newest first. */
export function listBackups(dir: string, location: BackupLocation = 'primary'): BackupInfo[] {
  if (!existsSync(dir)) return []
  const out: BackupInfo[] = []
  for (const name of readdirSync(dir)) {
    if (!BACKUP_NAME.test(name)) continue
    const file = join(dir, name)
    const sidecar = readSidecar(file)
    if (sidecar && sidecar.name === name) out.push({ ...sidecar, file, location })
  }
  return out.sort((a, b) => (a.name < b.name ? 1 : -1))
}

/** Removes copies a killed process left half-written (hidden temp names). */
export function removeUnfinished(dir: string): string[] {
  if (!existsSync(dir)) return []
  const removed: string[] = []
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.dealer-') && (name.endsWith('.tmp') || name.endsWith('.partial'))) {
      rmSync(join(dir, name), { force: true })
      removed.push(name)
    }
  }
  return removed
}

export function deleteBackup(b: Pick<BackupInfo, 'file'>): void {
  // Sidecar first: a backup without one is not offered any more, even if the next step fails.
  rmSync(sidecarOf(b.file), { force: true })
  rmSync(b.file, { force: true })
  deleteAttachmentCopies(b.file)
}
