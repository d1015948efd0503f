import { setTimeout as sleep } from 'node:timers/promises'
import { toLocalIso } from '../../shared/domain/time'
import { ROLE_PERMISSIONS, type Role } from '../../shared/domain/roles'
import { asLocale } from '../../shared/i18n'
import { AppError } from '../api/app-error'
import { LOCAL_CLIENT, type Ctx, type SessionUser } from '../api/context'
import { getSetting } from '../settings/settings'
import { preparedQuery, run } from '../store/query'
import { DUMMY_HASH, hashPasswordAsync, verifyPasswordAsync } from './password'
import { createSession, endOtherSessions } from '../api/sessions'
import { recordFailure, recordLoginEvent, throttleFor } from './throttle'

// Logging in and changing one's password: the password work (scrypt) runs on the thread pool in
// the handler's `prepare`, before the dispatcher opens the write transaction, so a burst of
// attempts never stalls the other desks; the throttle refuses locked names and addresses first.

export const withPermissions = (user: SessionUser) => ({ ...user, permissions: [...ROLE_PERMISSIONS[user.role]] })

const userOf = preparedQuery<{ username: string }>()((db, p) =>
  db
    .selectFrom('users')
    .select(['id', 'username', 'display_name', 'role', 'locale', 'password_hash', 'active'])
    .where('username', '=', p.username)
    .$narrowType<{ role: Role }>(),
)
type LoginRow = NonNullable<ReturnType<typeof userOf.first>>

/** "2026-11-27 10:45" in the dealership's zone: when a lockout ends, for the person to read. */
const shownTime = (at: Date, timeZone: string) => toLocalIso(at, timeZone).slice(0, 16).replace('T', ' ')

export function lockedOut(until: Date, timeZone: string): AppError {
  return new AppError('TOO_MANY_ATTEMPTS', 'error.TOO_MANY_ATTEMPTS', { until: shownTime(until, timeZone) }, { lockedUntil: toLocalIso(until, timeZone) })
}

const findUser = (ctx: Ctx, username: string) => userOf.first(ctx.store, { username })

/**
 * Checks a password attempt for `username` under the throttle: refuses while locked, waits the
 * growing delay, always does one scrypt (a dummy hash for unknown names), and records a failure
 * (in its own short transaction, since the call itself is refused) with any lockout it starts.
 */
export async function checkAttempt(ctx: Ctx, username: string, password: string): Promise<LoginRow> {
  const client = ctx.client ?? LOCAL_CLIENT
  const throttle = throttleFor(ctx.store, username, client, ctx.clock.now(), ctx.timeZone)
  if (throttle.lockedUntil) throw lockedOut(throttle.lockedUntil, ctx.timeZone)
  if (throttle.delayMs > 0) {
    await sleep(throttle.delayMs)
    // A lockout may have started while this attempt waited (a burst runs in parallel).
    const after = throttleFor(ctx.store, username, client, ctx.clock.now(), ctx.timeZone)
    if (after.lockedUntil) throw lockedOut(after.lockedUntil, ctx.timeZone)
  }
  const row = findUser(ctx, username)
  const matches = await verifyPasswordAsync(password, row?.password_hash ?? DUMMY_HASH)
  if (row && row.active === 1 && matches) return row
  const locked = relaxedTx(ctx.store, () => recordFailure(ctx.store, username, row?.id ?? null, client, ctx.clock.now(), ctx.timeZone))
  if (locked) throw lockedOut(locked, ctx.timeZone)
  throw new AppError('BAD_CREDENTIALS')
}

/**
 * A transaction committed without waiting for the disk (WAL, synchronous=NORMAL): a failed login's
 * record must not cost an fsync on the one thread, or a guessing burst stalls every desk (~40 ms
 * per fsync here). The store stays consistent; a power cut may lose the last few failure records,
 * and the next ordinary (FULL) commit makes them durable anyway. Only for records like these.
 */
function relaxedTx<T>(store: Ctx['store'], fn: () => T): T {
  store.sqlite.pragma('synchronous = NORMAL')
  try {
    return store.tx(fn)
  } finally {
    store.sqlite.pragma('synchronous = FULL')
  }
}

export async function prepareLogin(ctx: Ctx, input: { username: string; password: string }): Promise<LoginRow> {
  if (!getSetting(ctx.store, 'setup.initialised')) throw new AppError('NOT_INITIALISED')
  return checkAttempt(ctx, input.username, input.password)
}

export function completeLogin(ctx: Ctx, checked: LoginRow) {
  // Deactivated between the check and now: refused like a wrong password.
  const row = findUser(ctx, checked.username)
  if (!row || row.active !== 1 || row.id !== checked.id) throw new AppError('BAD_CREDENTIALS')
  const token = createSession(ctx.store, row.id, ctx.clock.now())
  recordLoginEvent(ctx.store, ctx.nowIso(), { username: row.username, userId: row.id, outcome: 'success', client: ctx.client ?? LOCAL_CLIENT }, ctx.timeZone)
  const user: SessionUser = { id: row.id, username: row.username, displayName: row.display_name, role: row.role, locale: asLocale(row.locale) }
  ctx.audit({ action: 'auth.login', entity: 'user', entityId: row.id })
  return { token, user: withPermissions(user) }
}

export async function prepareChangePassword(ctx: Ctx & { user: SessionUser }, input: { current: string; next: string }): Promise<string> {
  await checkAttempt(ctx, ctx.user.username, input.current)
  return hashPasswordAsync(input.next)
}

/** The new password takes effect and every other session of this user ends; this desk stays in. */
export function completeChangePassword(ctx: Ctx & { user: SessionUser }, hash: string) {
  run(ctx.store, ctx.store.db.updateTable('users').set({ password_hash: hash, updated_at: ctx.nowIso() }).where('id', '=', ctx.user.id))
  endOtherSessions(ctx.store, ctx.user.id, ctx.token)
  ctx.audit({ action: 'user.password', entity: 'user', entityId: ctx.user.id })
  return { ok: true as const }
}
