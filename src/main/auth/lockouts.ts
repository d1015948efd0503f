import { toLocalIso } from '../../shared/domain/time'
import { notFound } from '../api/app-error'
import { LOCAL_CLIENT, type UserCtx } from '../api/context'
import { all, first } from '../store/query'
import { recordLoginEvent, scopeState, throttleRules } from './throttle'

// The administrator's view of who is locked out, and the unlock that forgives a user name's or an
// address's failures at once (written to the login history like every other login event).

export interface Lockout {
  scope: 'user' | 'address'
  key: string
  lockedUntil: string
  failures: number
}

export function currentLockouts(ctx: UserCtx): Lockout[] {
  const now = ctx.clock.now()
  const rules = throttleRules(ctx.store)
  const since = toLocalIso(new Date(now.getTime() - rules.lockMs), ctx.timeZone)
  const candidates = all(
    ctx.store,
    ctx.store.db
      .selectFrom('login_events')
      .select(['scope', 'username', 'address'])
      .distinct()
      .where('outcome', '=', 'lockout')
      .where('at', '>=', since),
  )
  const out: Lockout[] = []
  for (const c of candidates) {
    const key = c.scope === 'user' ? c.username : c.address
    const state = scopeState(ctx.store, c.scope, key, now, rules, ctx.timeZone)
    if (state.lockedUntil) out.push({ scope: c.scope, key, lockedUntil: toLocalIso(state.lockedUntil, ctx.timeZone), failures: state.failures })
  }
  return out.sort((a, b) => a.lockedUntil.localeCompare(b.lockedUntil))
}

export function unlock(ctx: UserCtx, input: { scope: 'user' | 'address'; key: string }) {
  const locked = currentLockouts(ctx).find((l) => l.scope === input.scope && l.key === input.key)
  if (!locked) throw notFound('entity.lockout', input.key)
  const user = input.scope === 'user' ? first(ctx.store, ctx.store.db.selectFrom('users').select('id').where('username', '=', input.key)) : undefined
  const client = input.scope === 'address' ? { address: input.key, device: null } : (ctx.client ?? LOCAL_CLIENT)
  recordLoginEvent(
    ctx.store,
    ctx.nowIso(),
    { username: input.scope === 'user' ? input.key : '', userId: user?.id ?? null, outcome: 'unlock', scope: input.scope, client, byUserId: ctx.user.id },
    ctx.timeZone,
  )
  ctx.audit({ action: 'auth.unlock', entity: 'lockout', entityId: `${input.scope}:${input.key}`, detail: locked })
  return { ok: true as const }
}
