import { randomBytes } from 'node:crypto'
import { sql, type InferResult } from 'kysely'
import type { Ctx, UserCtx } from '../api/context'
import { all, first, insertId, run } from '../store/query'
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

const selectTokens = (store: Store) => store.db.selectFrom('display_tokens').select(['id', 'name', 'created_at', 'revoked_at', 'last_seen_at'])

const tokenOut = (r: InferResult<ReturnType<typeof selectTokens>>[number]): TokenOut => ({
  id: r.id,
  name: r.name,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  lastSeenAt: r.last_seen_at,
})

export function listDisplayTokens(ctx: Ctx): TokenOut[] {
  const rows = all(ctx.store, selectTokens(ctx.store).orderBy(sql`revoked_at IS NOT NULL`).orderBy('id'))
  return rows.map(tokenOut)
}

export function createDisplayToken(ctx: UserCtx, input: In<'workshop.createDisplayToken'>): Out<'workshop.createDisplayToken'> {
  const token = randomBytes(24).toString('base64url')
  const id = insertId(
    ctx.store,
    ctx.store.db.insertInto('display_tokens').values({ name: input.name, token_hash: hashToken(token), created_by: ctx.user.id, created_at: ctx.nowIso() }),
  )
  ctx.audit({ action: 'workshop.createDisplayToken', entity: 'display_token', entityId: id, detail: { name: input.name } })
  const row = first(ctx.store, selectTokens(ctx.store).where('id', '=', id))!
  return { ...tokenOut(row), token }
}

export function revokeDisplayToken(ctx: UserCtx, input: In<'workshop.revokeDisplayToken'>): { ok: true } {
  const result = run(
    ctx.store,
    ctx.store.db
      .updateTable('display_tokens')
      .set({ revoked_at: sql<string>`coalesce(revoked_at, ${ctx.nowIso()})` })
      .where('id', '=', input.id),
  )
  if (result.changes !== 1) throw notFound('entity.displayToken', input.id)
  ctx.audit({ action: 'workshop.revokeDisplayToken', entity: 'display_token', entityId: input.id })
  return { ok: true }
}

/** True for a live (unrevoked) display token; notes when the screen was last seen. */
export function isDisplayToken(store: Store, token: string, now: Date): boolean {
  const row = first(store, store.db.selectFrom('display_tokens').select(['id', 'last_seen_at']).where('token_hash', '=', hashToken(token)).where('revoked_at', 'is', null))
  if (!row) return false
  if (row.last_seen_at === null || now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    run(store, store.db.updateTable('display_tokens').set({ last_seen_at: toLocalIso(now, getSetting(store, 'time.zone')) }).where('id', '=', row.id))
  }
  return true
}

export function wallBoard(ctx: Ctx, input: In<'workshop.wall'>): Out<'workshop.wall'> {
  if (!isDisplayToken(ctx.store, input.displayToken, ctx.clock.now())) {
    throw new AppError('UNAUTHENTICATED', 'workshop.displayTokenInvalid')
  }
  return getBoard(ctx, {})
}
