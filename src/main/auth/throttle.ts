import { sql } from 'kysely'
import { toLocalIso } from '../../shared/domain/time'
import type { ClientInfo } from '../api/context'
import { first, insertId } from '../store/query'
import type { Store } from '../store/open'
import { getSetting } from '../settings/settings'

// Login throttling, per user name tried and per client address, counted from the login history
// (`login_events`) so a restart forgives nothing. Failures since the last success (per user name)
// or the last unlock (either) within the lock window count; from the third on, the answer waits
// a doubling delay; at the limit a lockout starts and every attempt is refused, without checking
// the password, until it ends or an administrator unlocks. Unknown user names are counted and
// locked exactly like real ones, so neither timing nor lockouts tell which names exist.

/** A client address gets this many times the per-user-name allowance (one PC, several people). */
export const ADDRESS_FACTOR = 3
const DELAY_FROM = 3
const MAX_DOUBLINGS = 4

export interface ThrottleRules {
  lockAfter: number
  lockMs: number
  baseDelayMs: number
}

export function throttleRules(store: Store): ThrottleRules {
  return {
    lockAfter: getSetting(store, 'auth.lockAfterFailures'),
    lockMs: getSetting(store, 'auth.lockMinutes') * 60_000,
    baseDelayMs: getSetting(store, 'auth.failureDelayMs'),
  }
}

export interface ScopeState {
  failures: number
  lockedUntil: Date | null
}

type Scope = 'user' | 'address'

/** Failures and the current lockout of one user name or one address. */
export function scopeState(store: Store, scope: Scope, key: string, now: Date, rules: ThrottleRules, timeZone: string): ScopeState {
  const since = toLocalIso(new Date(now.getTime() - rules.lockMs), timeZone)
  const column = scope === 'user' ? 'username' : 'address'
  // The last event that forgives: an unlock of this key, or (per user name) a successful login.
  const reset = first(
    store,
    store.db
      .selectFrom('login_events')
      .select((eb) => eb.fn.max('id').as('id'))
      .where(column, '=', key)
      .where((eb) =>
        eb.or([
          eb.and([eb('outcome', '=', 'unlock'), eb('scope', '=', scope)]),
          ...(scope === 'user' ? [eb('outcome', '=', 'success')] : []),
        ]),
      ),
  )
  const after = reset?.id ?? 0
  const counted = first(
    store,
    store.db
      .selectFrom('login_events')
      .select([
        sql<number>`count(*) FILTER (WHERE outcome = 'failure')`.as('failures'),
        sql<string | null>`max(CASE WHEN outcome = 'lockout' AND scope = ${scope} THEN locked_until END)`.as('lockedUntil'),
      ])
      .where(column, '=', key)
      .where('id', '>', after)
      .where('at', '>=', since),
  )
  const until = counted?.lockedUntil ? new Date(counted.lockedUntil) : null
  return { failures: counted?.failures ?? 0, lockedUntil: until && until.getTime() > now.getTime() ? until : null }
}

export interface Throttle {
  user: ScopeState
  address: ScopeState
  /** The later of the two lockouts, when either is on. */
  lockedUntil: Date | null
  /** How long to wait before checking this attempt's password. */
  delayMs: number
}

export function throttleFor(store: Store, username: string, client: ClientInfo, now: Date, timeZone: string): Throttle {
  const rules = throttleRules(store)
  const user = scopeState(store, 'user', username, now, rules, timeZone)
  const address = scopeState(store, 'address', client.address, now, rules, timeZone)
  const locks = [user.lockedUntil, address.lockedUntil].filter((d): d is Date => d !== null)
  const lockedUntil = locks.length > 0 ? new Date(Math.max(...locks.map((d) => d.getTime()))) : null
  const streak = Math.max(user.failures, Math.floor(address.failures / ADDRESS_FACTOR))
  const delayMs = streak < DELAY_FROM - 1 ? 0 : rules.baseDelayMs * 2 ** Math.min(streak - (DELAY_FROM - 1), MAX_DOUBLINGS)
  return { user, address, lockedUntil, delayMs }
}

export interface LoginEvent {
  username: string
  userId: number | null
  outcome: 'success' | 'failure' | 'lockout' | 'unlock'
  scope?: Scope
  client: ClientInfo
  lockedUntil?: Date
  byUserId?: number
}

export function recordLoginEvent(store: Store, at: string, event: LoginEvent, timeZone: string): number {
  return insertId(
    store,
    store.db.insertInto('login_events').values({
      at,
      username: event.username,
      user_id: event.userId,
      outcome: event.outcome,
      scope: event.scope ?? 'user',
      address: event.client.address,
      device: event.client.device,
      locked_until: event.lockedUntil ? toLocalIso(event.lockedUntil, timeZone) : null,
      by_user_id: event.byUserId ?? null,
    }),
  )
}

/**
 * Records a failed attempt and, when it reaches a limit, the lockout it starts. Returns the end of
 * a lockout this failure started, if any.
 */
export function recordFailure(store: Store, username: string, userId: number | null, client: ClientInfo, now: Date, timeZone: string): Date | null {
  const at = toLocalIso(now, timeZone)
  recordLoginEvent(store, at, { username, userId, outcome: 'failure', client }, timeZone)
  const rules = throttleRules(store)
  const until = new Date(now.getTime() + rules.lockMs)
  let locked: Date | null = null
  const user = scopeState(store, 'user', username, now, rules, timeZone)
  if (user.lockedUntil === null && user.failures >= rules.lockAfter) {
    recordLoginEvent(store, at, { username, userId, outcome: 'lockout', scope: 'user', client, lockedUntil: until }, timeZone)
    locked = until
  }
  const address = scopeState(store, 'address', client.address, now, rules, timeZone)
  if (address.lockedUntil === null && address.failures >= rules.lockAfter * ADDRESS_FACTOR) {
    recordLoginEvent(store, at, { username, userId, outcome: 'lockout', scope: 'address', client, lockedUntil: until }, timeZone)
    locked = until
  }
  return locked
}
