import type { BackupInfo } from './catalogue'
import type { BackupSettings } from './settings'

// Which backups to keep: the newest `keepRecent`; the newest of each of the last `keepDaily`
// days and `keepMonthly` months that have one; and the newest few taken before a migration or
// a restore (the way back from an upgrade or a wrong restore), whatever their age.

export const KEEP_SPECIAL = 3

export function backupsToDelete(
  backups: readonly Pick<BackupInfo, 'name' | 'createdAt' | 'reason'>[],
  policy: Pick<BackupSettings, 'keepRecent' | 'keepDaily' | 'keepMonthly'>,
): string[] {
  const newestFirst = [...backups].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.name < b.name ? 1 : -1))
  const keep = new Set(newestFirst.slice(0, policy.keepRecent).map((b) => b.name))
  const newestPer = (period: (b: (typeof newestFirst)[number]) => string, count: number) => {
    const seen = new Set<string>()
    for (const b of newestFirst) {
      const p = period(b)
      if (seen.has(p)) continue
      if (seen.size >= count) break
      seen.add(p)
      keep.add(b.name)
    }
  }
  newestPer((b) => b.createdAt.slice(0, 10), policy.keepDaily)
  newestPer((b) => b.createdAt.slice(0, 7), policy.keepMonthly)
  for (const reason of ['pre-migration', 'pre-restore'] as const) {
    for (const b of newestFirst.filter((x) => x.reason === reason).slice(0, KEEP_SPECIAL)) keep.add(b.name)
  }
  return newestFirst.filter((b) => !keep.has(b.name)).map((b) => b.name)
}
