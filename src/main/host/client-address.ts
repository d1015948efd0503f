import type { IncomingMessage } from 'node:http'
import type { ClientInfo } from '../api/context'
import type { Store } from '../store/open'
import { hashToken } from '../auth/sessions'
import { presentedDeviceToken } from './devices'

/** Where an HTTP call comes from: the socket's address and, for a paired PC, the device's name. */
export function clientOf(store: Store, req: IncomingMessage): ClientInfo {
  const address = (req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '')
  const token = presentedDeviceToken(req)
  if (!token) return { address, device: null }
  const row = store.prepare('SELECT name FROM devices WHERE token_hash = ? AND revoked_at IS NULL').get(hashToken(token)) as
    | { name: string }
    | undefined
  return { address, device: row?.name ?? null }
}
