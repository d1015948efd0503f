import { createHash, randomBytes } from 'node:crypto'
import type { Store } from '../store/open'
import { preparedQuery } from '../store/query'
import type { SessionUser } from './context'
import { asLocale } from '../../shared/i18n'
import type { Role } from '../../shared/domain/roles'

/** Idle sessions end after this long; a working day at the counter fits well inside it. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000
/** last_seen is written at most this often, so reads do not turn into writes. */
const TOUCH_EVERY_MS = 5 * 60 * 1000

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

// Session resolution runs on every call: each statement is compiled once at load.
const insertSession = preparedQuery<{ tokenHash: string; userId: number; createdAt: string; expiresAt: string }>()((db, p) =>
  db
    .insertInto('sessions')
    .values({ token_hash: p.tokenHash, user_id: p.userId, created_at: p.createdAt, last_seen_at: p.createdAt, expires_at: p.expiresAt }),
)
const sessionOf = preparedQuery<{ tokenHash: string }>()((db, p) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.token_hash', 's.last_seen_at', 's.expires_at', 'u.id', 'u.username', 'u.display_name', 'u.role', 'u.locale', 'u.active'])
    .where('s.token_hash', '=', p.tokenHash)
    .$narrowType<{ role: Role }>(),
)
const touchSession = preparedQuery<{ lastSeenAt: string; expiresAt: string; tokenHash: string }>()((db, p) =>
  db.updateTable('sessions').set({ last_seen_at: p.lastSeenAt, expires_at: p.expiresAt }).where('token_hash', '=', p.tokenHash),
)
const peekOf = preparedQuery<{ tokenHash: string }>()((db, p) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.expires_at', 'u.id', 'u.username', 'u.display_name', 'u.role', 'u.locale', 'u.active'])
    .where('s.token_hash', '=', p.tokenHash)
    .$narrowType<{ role: Role }>(),
)
const deleteSession = preparedQuery<{ tokenHash: string }>()((db, p) => db.deleteFrom('sessions').where('token_hash', '=', p.tokenHash))
const deleteUserSessions = preparedQuery<{ userId: number }>()((db, p) => db.deleteFrom('sessions').where('user_id', '=', p.userId))
const deleteOtherSessions = preparedQuery<{ userId: number; keepHash: string }>()((db, p) =>
  db.deleteFrom('sessions').where('user_id', '=', p.userId).where('token_hash', '<>', p.keepHash),
)

export function createSession(store: Store, userId: number, now: Date): string {
  const token = randomBytes(32).toString('base64url')
  insertSession.run(store, {
    tokenHash: hashToken(token),
    userId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_IDLE_MS).toISOString(),
  })
  return token
}

export type SessionLookup = { user: SessionUser } | { expired: true } | null

export function resolveSession(store: Store, token: string, now: Date): SessionLookup {
  const row = sessionOf.first(store, { tokenHash: hashToken(token) })
  if (!row) return null
  if (row.active !== 1) return null
  if (Date.parse(row.expires_at) <= now.getTime()) return { expired: true }
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    touchSession.run(store, { lastSeenAt: now.toISOString(), expiresAt: new Date(now.getTime() + SESSION_IDLE_MS).toISOString(), tokenHash: row.token_hash })
  }
  return {
    user: {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      locale: asLocale(row.locale),
    },
  }
}

export function endSession(store: Store, token: string): void {
  deleteSession.run(store, { tokenHash: hashToken(token) })
}

export function endUserSessions(store: Store, userId: number): void {
  deleteUserSessions.run(store, { userId })
}

/**
 * The session's user if it is still live, without extending it: a live-event stream checks this
 * before each event and on a timer, so it ends with its session (logout, expiry, deactivation).
 */
export function peekSession(store: Store, token: string, now: Date): SessionUser | null {
  const row = peekOf.first(store, { tokenHash: hashToken(token) })
  if (!row || row.active !== 1 || Date.parse(row.expires_at) <= now.getTime()) return null
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role, locale: asLocale(row.locale) }
}

/** Ends a user's sessions except the one making the call (a changed password keeps this desk in). */
export function endOtherSessions(store: Store, userId: number, keepToken: string | null): void {
  if (keepToken) deleteOtherSessions.run(store, { userId, keepHash: hashToken(keepToken) })
  else endUserSessions(store, userId)
}
