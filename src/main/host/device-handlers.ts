import { randomBytes } from 'node:crypto'
import type { appContract } from '../../shared/contract/app'
import type { HandlersFor } from '../api/dispatch'
import { notFound } from '../api/app-error'
import { hashToken } from '../api/sessions'
import { all, insertId, run } from '../store/query'

// Paired devices: the workstations and browsers the LAN host accepts requests from (devices.ts
// checks their token per request). Only the token's hash is kept; the token is shown once.

type DeviceChannels = Pick<typeof appContract, Extract<keyof typeof appContract, `devices.${string}`>>

export const deviceHandlers: HandlersFor<DeviceChannels> = {
  'devices.list': (ctx) =>
    all(ctx.store, ctx.store.db.selectFrom('devices').select(['id', 'name', 'created_at', 'revoked_at']).orderBy('id')).map((d) => ({ id: d.id, name: d.name, createdAt: d.created_at, revokedAt: d.revoked_at })),

  'devices.pair': (ctx, input) => {
    const token = randomBytes(24).toString('base64url')
    const id = insertId(
      ctx.store,
      ctx.store.db.insertInto('devices').values({ name: input.name, token_hash: hashToken(token), created_by: ctx.user.id, created_at: ctx.nowIso() }),
    )
    ctx.audit({ action: 'device.pair', entity: 'device', entityId: id, detail: { name: input.name } })
    return { id, name: input.name, token }
  },

  'devices.revoke': (ctx, input) => {
    const changed = run(
      ctx.store,
      ctx.store.db.updateTable('devices').set({ revoked_at: ctx.nowIso() }).where('id', '=', input.id).where('revoked_at', 'is', null),
    ).changes
    if (changed === 0) throw notFound('entity.device', input.id)
    ctx.audit({ action: 'device.revoke', entity: 'device', entityId: input.id })
    return { ok: true as const }
  },
}
