import { createHash, randomBytes } from 'node:crypto'
import type { Store } from '../store/open'
import type { SessionUser } from '../api/context'
import { asLocale } from '../../shared/i18n'
import type { Role } from '../../shared/domain/roles'

/** Idle sessions end after this long; a working day at the counter fits well inside it. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000
/** last_seen is written at most this often, so reads do not turn into writes. */
const TOUCH_EVERY_MS = 5 * 60 * 1000

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

export function createSession(store: Store, userId: number, now: Date): string {
  const token = randomBytes(32).toString('base64url')
  store
    .prepare('INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)')
    .run(hashToken(token), userId, now.toISOString(), now.toISOString(), new Date(now.getTime() + SESSION_IDLE_MS).toISOString())
  return token
}

export type SessionLookup = { user: SessionUser } | { expired: true } | null

interface SessionRow {
  token_hash: string
  last_seen_at: string
  expires_at: string
  id: number
  username: string
  display_name: string
  role: string
  locale: string
  active: number
}

export function resolveSession(store: Store, token: string, now: Date): SessionLookup {
  const row = store
    .prepare(
      `SELECT s.token_hash, s.last_seen_at, s.expires_at, u.id, u.username, u.display_name, u.role, u.locale, u.active
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
    )
    .get(hashToken(token)) as SessionRow | undefined
  if (!row) return null
  if (row.active !== 1) return null
  if (Date.parse(row.expires_at) <= now.getTime()) return { expired: true }
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    store
      .prepare('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?')
      .run(now.toISOString(), new Date(now.getTime() + SESSION_IDLE_MS).toISOString(), row.token_hash)
  }
  return {
    user: {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role as Role,
      locale: asLocale(row.locale),
    },
  }
}

export function endSession(store: Store, token: string): void {
  store.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hashToken(token))
}

export function endUserSessions(store: Store, userId: number): void {
  store.prepare('DELETE FROM sessions WHERE user_id = ?').run(userId)
}

/**
 * The session's user if it is still live, without extending it: a live-event stream checks this
 * before each event and on a timer, so it ends with its session (logout, expiry, deactivation).
 */
export function peekSession(store: Store, token: string, now: Date): SessionUser | null {
  const row = store
    .prepare(
      `SELECT s.expires_at, u.id, u.username, u.display_name, u.role, u.locale, u.active
         FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
    )
    .get(hashToken(token)) as Omit<SessionRow, 'token_hash' | 'last_seen_at'> | undefined
  if (!row || row.active !== 1 || Date.parse(row.expires_at) <= now.getTime()) return null
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role as Role, locale: asLocale(row.locale) }
}

/** Ends a user's sessions except the one making the call (a changed password keeps this desk in). */
export function endOtherSessions(store: Store, userId: number, keepToken: string | null): void {
  if (keepToken) store.prepare('DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?').run(userId, hashToken(keepToken))
  else endUserSessions(store, userId)
}
