import type { Ctx } from '../api/context'
import { averageBp } from '../../shared/domain/etiquette'
import { checksWhere } from './etiquette'
import type { z } from 'zod'
import type { EtiquetteMonth } from '../../shared/contract/etiquette'

// The month's etiquette checks for the department report: per person the checks made and their
// average score (the scorecard's own month score), and the checklist items failed most, each with
// how often it was checked. Read from the same check rows the scorecard and the checks tab list.

export function etiquetteMonth(ctx: Pick<Ctx, 'store'>, month: string): z.output<typeof EtiquetteMonth> {
  const checks = checksWhere(ctx, { month })
  const people = new Map<number, { userId: number; name: string; scores: number[] }>()
  const items = new Map<number, { label: string; checked: number; failed: number }>()
  for (const c of checks) {
    const p = people.get(c.userId) ?? { userId: c.userId, name: c.personName, scores: [] }
    p.scores.push(c.scoreBp)
    people.set(c.userId, p)
    for (const r of c.results) {
      const i = items.get(r.itemId) ?? { label: r.label, checked: 0, failed: 0 }
      i.checked += 1
      if (!r.passed) i.failed += 1
      items.set(r.itemId, i)
    }
  }
  return {
    checks: checks.length,
    people: [...people.values()]
      .map((p) => ({ userId: p.userId, name: p.name, checks: p.scores.length, scoreBp: averageBp(p.scores) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.userId - b.userId),
    failedItems: [...items.entries()]
      .filter(([, i]) => i.failed > 0)
      .map(([itemId, i]) => ({ itemId, label: i.label, failed: i.failed, checked: i.checked }))
      .sort((a, b) => b.failed - a.failed || a.itemId - b.itemId),
  }
}
