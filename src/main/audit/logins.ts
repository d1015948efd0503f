import type { UserCtx } from '../api/context'
import { all } from '../store/query'

/** The login history, newest first: every success, failure, lockout and unlock, with where from. */
export function loginHistory(
  ctx: UserCtx,
  input: { username?: string | undefined; outcome?: 'success' | 'failure' | 'lockout' | 'unlock' | undefined; from?: string | undefined; to?: string | undefined; limit: number },
) {
  let q = ctx.store.db
    .selectFrom('login_events as e')
    .leftJoin('users as u', 'u.id', 'e.user_id')
    .leftJoin('users as b', 'b.id', 'e.by_user_id')
    .select(['e.id', 'e.at', 'e.username', 'u.display_name as user_name', 'e.outcome', 'e.scope', 'e.address', 'e.device', 'e.locked_until', 'b.display_name as by_name'])
  if (input.username !== undefined) q = q.where('e.username', '=', input.username)
  if (input.outcome !== undefined) q = q.where('e.outcome', '=', input.outcome)
  if (input.from !== undefined) q = q.where('e.at', '>=', input.from)
  if (input.to !== undefined) q = q.where('e.at', '<', `${input.to}T99`)
  return all(ctx.store, q.orderBy('e.id', 'desc').limit(input.limit)).map((r) => ({
    id: r.id,
    at: r.at,
    username: r.username,
    userName: r.user_name,
    outcome: r.outcome,
    scope: r.scope,
    address: r.address,
    device: r.device,
    lockedUntil: r.locked_until,
    byUserName: r.by_name,
  }))
}
