import { describe, expect, it } from 'vitest'
import { backupsToDelete } from './rotation'

const at = (day: string, hour: number) => `${day}T${String(hour).padStart(2, '0')}:00:00+08:00`
const named = (createdAt: string, reason: 'auto' | 'pre-migration' = 'auto') => ({
  name: `dealer-${createdAt.slice(0, 13).replace(/[-T]/g, '')}-${reason}.sqlite`,
  createdAt,
  reason,
})

describe('backup rotation', () => {
  it('keeps the recent ones, the newest of each recent day and month, and the last pre-migration ones', () => {
    const backups = [
      // Two months of backups, four a day.
      ...Array.from({ length: 60 }, (_, d) => {
        const day = new Date(Date.UTC(2026, 9, 1 + d)).toISOString().slice(0, 10)
        return [9, 12, 15, 18].map((h) => named(at(day, h)))
      }).flat(),
      named(at('2026-08-15', 8), 'pre-migration'),
    ]
    const gone = new Set(backupsToDelete(backups, { keepRecent: 6, keepDaily: 5, keepMonthly: 3 }))
    const kept = backups.filter((b) => !gone.has(b.name)).map((b) => b.createdAt.slice(0, 13))
    expect(kept).toEqual(
      expect.arrayContaining([
        '2026-11-29T18', '2026-11-29T15', '2026-11-29T12', '2026-11-29T09', '2026-11-28T18', '2026-11-28T15',
        '2026-11-27T18', '2026-11-26T18', '2026-11-25T18',
        '2026-10-31T18',
        '2026-08-15T08',
      ]),
    )
    expect(kept).toHaveLength(11)
  })

  it('deletes nothing while there are fewer backups than the policy keeps', () => {
    const backups = [named(at('2026-11-01', 9)), named(at('2026-11-02', 9))]
    expect(backupsToDelete(backups, { keepRecent: 48, keepDaily: 14, keepMonthly: 12 })).toEqual([])
  })
})
