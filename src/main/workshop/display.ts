import { randomBytes } from 'node:crypto'
import type { Ctx, UserCtx } from '../api/context'
import { AppError, notFound } from '../api/app-error'
import type { Store } from '../store/open'
import { hashToken } from '../auth/sessions'
import { getSetting } from '../settings/settings'
import { toLocalIso } from '../../shared/domain/time'
import type { In, Out } from './rows'
import { getBoard } from './board'

// The shop-floor TV (车间大屏) has no user: the supervisor makes a display token for it, shown
// once and stored hashed like a session token. The token opens the read-only board and the push
// channel, nothing else; revoking it shuts the screen out.

type TokenOut = Out<'workshop.displayTokens'>[number]

/** last_seen is written at most this often, so a refreshing screen does not turn reads into writes. */
const TOUCH_EVERY_MS = 5 * 60 * 1000

interface TokenRow {
  id: number
  name: string
  created_at: string
  revoked_at: string | null
  last_seen_at: string | null
}

const tokenOut = (r: TokenRow): TokenOut => ({
  id: r.id,
  name: r.name,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  lastSeenAt: r.last_seen_at,
})

export function listDisplayTokens(ctx: Ctx): TokenOut[] {
  const rows = ctx.store
    .prepare('SELECT id, name, created_at, revoked_at, last_seen_at FROM display_tokens ORDER BY revoked_at IS NOT NULL, id')
    .all() as TokenRow[]
  return rows.map(tokenOut)
}

export function createDisplayToken(ctx: UserCtx, input: In<'workshop.createDisplayToken'>): Out<'workshop.createDisplayToken'> {
  const token = randomBytes(24).toString('base64url')
  const id = Number(
    ctx.store
      .prepare('INSERT INTO display_tokens (name, token_hash, created_by, created_at) VALUES (?, ?, ?, ?)')
      .run(input.name, hashToken(token), ctx.user.id, ctx.nowIso()).lastInsertRowid,
  )
  ctx.audit({ action: 'workshop.createDisplayToken', entity: 'display_token', entityId: id, detail: { name: input.name } })
  const row = ctx.store.prepare('SELECT id, name, created_at, revoked_at, last_seen_at FROM display_tokens WHERE id = ?').get(id) as TokenRow
  return { ...tokenOut(row), token }
}

export function revokeDisplayToken(ctx: UserCtx, input: In<'workshop.revokeDisplayToken'>): { ok: true } {
  const result = ctx.store
    .prepare('UPDATE display_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?')
    .run(ctx.nowIso(), input.id)
  if (result.changes !== 1) throw notFound('entity.displayToken', input.id)
  ctx.audit({ action: 'workshop.revokeDisplayToken', entity: 'display_token', entityId: input.id })
  return { ok: true }
}

/** True for a live (unrevoked) display token; notes when the screen was last seen. */
export function isDisplayToken(store: Store, token: string, now: Date): boolean {
  const row = store
    .prepare('SELECT id, last_seen_at FROM display_tokens WHERE token_hash = ? AND revoked_at IS NULL')
    .get(hashToken(token)) as { id: number; last_seen_at: string | null } | undefined
  if (!row) return false
  if (row.last_seen_at === null || now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    store.prepare('UPDATE display_tokens SET last_seen_at = ? WHERE id = ?').run(toLocalIso(now, getSetting(store, 'time.zone')), row.id)
  }
  return true
}

export function wallBoard(ctx: Ctx, input: In<'workshop.wall'>): Out<'workshop.wall'> {
  if (!isDisplayToken(ctx.store, input.displayToken, ctx.clock.now())) {
    throw new AppError('UNAUTHENTICATED', 'workshop.displayTokenInvalid')
  }
  return getBoard(ctx, {})
}
