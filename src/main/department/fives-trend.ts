import type { UserCtx } from '../api/context'
import { addMonthsToDate, lastDateOfMonth, localDate } from '../../shared/domain/calendar'
import { FIVES_AREAS } from '../../shared/domain/department'
import { all } from '../store/query'
import type { In, Out } from './types'

// The 5S trend per area: each month's audits and their score as a share of the maximum (the sum
// of the audits' scores over the sum of their maxima), with the area's open and overdue findings.

export function fivesTrend(ctx: UserCtx, input: In<'department.fiveS.trend'>): Out<'department.fiveS.trend'> {
  const months = Array.from({ length: input.months }, (_, i) => addMonthsToDate(`${input.month}-01`, i - input.months + 1).slice(0, 7))
  const db = ctx.store.db
  const from = `${months[0]!}-01`
  const to = lastDateOfMonth(input.month)
  const audits = all(ctx.store, db.selectFrom('fives_audits').select(['area', 'audited_on', 'score', 'max_score']).where('audited_on', '>=', from).where('audited_on', '<=', to))
  const today = localDate(ctx.clock.now(), ctx.timeZone)
  const open = all(
    ctx.store,
    db.selectFrom('fives_findings as f').innerJoin('fives_audits as a', 'a.id', 'f.audit_id').select(['a.area', 'f.due_on']).where('f.state', '=', 'open'),
  )
  return {
    months,
    areas: FIVES_AREAS.map((area) => ({
      area,
      points: months.map((month) => {
        const held = audits.filter((a) => a.area === area && a.audited_on.startsWith(month))
        const max = held.reduce((s, a) => s + a.max_score, 0)
        const score = held.reduce((s, a) => s + a.score, 0)
        return { month, audits: held.length, scoreBp: max > 0 ? Math.round((score * 10_000) / max) : null }
      }),
      openFindings: open.filter((f) => f.area === area).length,
      overdueFindings: open.filter((f) => f.area === area && f.due_on < today).length,
    })),
  }
}
