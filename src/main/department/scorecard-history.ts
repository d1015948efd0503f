import type { UserCtx } from '../api/context'
import { all } from '../store/query'
import type { Out } from './types'

// One's own scorecard history: every month the manager reviewed, newest first, with the comment as
// it stands and when it was acknowledged (a changed comment is acknowledged again; the earlier
// wording stays in the audit trail).

export function myScorecards(ctx: UserCtx): Out<'department.myScorecards'> {
  const rows = all(
    ctx.store,
    ctx.store.db
      .selectFrom('scorecard_reviews as r')
      .innerJoin('users as u', 'u.id', 'r.commented_by')
      .select(['r.month', 'r.comment', 'u.display_name', 'r.commented_at', 'r.acknowledged_at'])
      .where('r.user_id', '=', ctx.user.id)
      .orderBy('r.month', 'desc')
      .limit(36),
  )
  return rows.map((r) => ({ month: r.month, comment: r.comment, commentedBy: r.display_name, commentedAt: r.commented_at, acknowledgedAt: r.acknowledged_at }))
}
