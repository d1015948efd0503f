import type { IncomingMessage } from 'node:http'
import type { Store } from '../store/open'
import { hashToken } from '../api/sessions'
import { preparedQuery } from '../store/query'

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/

/** The device token a workstation presents: a header (terminal mode) or the pairing cookie (browser). */
export function presentedDeviceToken(req: IncomingMessage): string | null {
  const header = req.headers['x-device-token']
  if (typeof header === 'string' && header.length > 0) return header
  const cookie = req.headers.cookie ?? ''
  const match = /(?:^|;\s*)device=([A-Za-z0-9_-]+)/.exec(cookie)
  return match?.[1] ?? null
}

/**
 * Requests from this PC are always allowed; a request from another address must carry the token
 * of a paired, unrevoked device (`devices.pair`). The user session is checked after this, per call.
 */
export function isDeviceAllowed(store: Store, req: IncomingMessage, _boundHost: string): boolean {
  const remote = req.socket.remoteAddress ?? ''
  if (LOOPBACK.test(remote)) return true
  const url = new URL(req.url ?? '/', 'http://host')
  if (url.pathname === '/pair') return true
  const token = presentedDeviceToken(req)
  return token !== null && isDeviceTokenLive(store, token)
}

const liveDevice = preparedQuery<{ tokenHash: string }>()((db, p) =>
  db.selectFrom('devices').select('id').where('token_hash', '=', p.tokenHash).where('revoked_at', 'is', null),
)

/** True while the token belongs to a paired device that has not been revoked. */
export function isDeviceTokenLive(store: Store, token: string): boolean {
  return liveDevice.first(store, { tokenHash: hashToken(token) }) !== undefined
}
