import type { LiveEvent } from '../../shared/contract/types'
import { roleMayReceive } from '../../shared/contract/live-events'
import type { App } from '../app'
import { peekSession } from './sessions'

/**
 * Whether the holder of a session token may hear a live event: the session must still be live
 * (not logged out, expired or deactivated) and its role must be allowed to read the event's type.
 */
export function sessionMayReceive(app: Pick<App, 'store' | 'clock'>, token: string | null, event: LiveEvent): boolean {
  if (!token) return false
  const user = peekSession(app.store, token, app.clock.now())
  return user !== null && roleMayReceive(user.role, event.type)
}
