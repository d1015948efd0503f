import type { IncomingMessage } from 'node:http'
import type { ClientInfo } from '../api/context'
import type { Store } from '../store/open'
import { hashToken } from '../api/sessions'
import { presentedDeviceToken } from './devices'
import { preparedQuery } from '../store/query'

const deviceName = preparedQuery<{ tokenHash: string }>()((db, p) =>
  db.selectFrom('devices').select('name').where('token_hash', '=', p.tokenHash).where('revoked_at', 'is', null),
)

/** Where an HTTP call comes from: the socket's address and, for a paired PC, the device's name. */
export function clientOf(store: Store, req: IncomingMessage): ClientInfo {
  const address = (req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '')
  const token = presentedDeviceToken(req)
  if (!token) return { address, device: null }
  const row = deviceName.first(store, { tokenHash: hashToken(token) })
  return { address, device: row?.name ?? null }
}
