import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { openStore, type Store } from '../store/open'
import { backupDirOf, listBackups, type BackupInfo } from './catalogue'

// The check at start. A damaged store must not be written to (that spreads the damage), but the
// app must still start far enough to say so and offer the backups: `StoreDamagedError` carries
// what the recovery screen needs.

export class StoreDamagedError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
    readonly backups: BackupInfo[],
  ) {
    super(`The data store ${file} is damaged: ${problems.slice(0, 3).join('; ')}`)
    this.name = 'StoreDamagedError'
  }
}

const DAMAGE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_INDEX'])

export function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && (DAMAGE_CODES.has(code) || code.startsWith('SQLITE_CORRUPT'))
}

/** quick_check's findings, or [] when the store is sound. */
export function storeProblems(store: Store): string[] {
  const rows = store.sqlite.pragma('quick_check') as { quick_check: string }[]
  const found = rows.map((r) => r.quick_check)
  return found.length === 1 && found[0] === 'ok' ? [] : found.slice(0, 20)
}

/** Backups in the backup folder and in the second destination recorded beside them. */
export function availableBackups(dataDir: string): BackupInfo[] {
  const primary = backupDirOf(dataDir)
  let secondDir: string | null = null
  const mirror = join(primary, 'settings.json')
  if (existsSync(mirror)) {
    try {
      const parsed = z.object({ secondDir: z.string().nullable() }).safeParse(JSON.parse(readFileSync(mirror, 'utf8')))
      if (parsed.success) secondDir = parsed.data.secondDir
    } catch {
      // An unreadable mirror only hides the second copies; the primary ones are still listed.
    }
  }
  return [...listBackups(primary, 'primary'), ...(secondDir ? listBackups(secondDir, 'second') : [])]
}

/** Opens the store and checks it, or throws `StoreDamagedError` with the backups to offer. */
export function openCheckedStore(file: string, dataDir: string): Store {
  const existed = existsSync(file)
  let store: Store | null = null
  try {
    store = openStore(file)
    const problems = existed ? storeProblems(store) : []
    if (problems.length > 0) throw new StoreDamagedError(file, problems, availableBackups(dataDir))
    return store
  } catch (error) {
    store?.close()
    if (error instanceof StoreDamagedError) throw error
    if (isDamageError(error)) throw new StoreDamagedError(file, [(error as Error).message], availableBackups(dataDir))
    throw error
  }
}
