import type { Clock } from '../../shared/domain/time'
import type { Locale } from '../../shared/i18n'
import type { Role } from '../../shared/domain/roles'
import type { Store } from '../store/open'
import type { EventBuffer } from './events'

export interface SessionUser {
  id: number
  username: string
  displayName: string
  role: Role
  locale: Locale
}

/** Where a call comes from, for login throttling and history: an address and a paired PC's name. */
export interface ClientInfo {
  address: string
  device: string | null
}

/** The host's own window (IPC) and tests: no network address. */
export const LOCAL_CLIENT: ClientInfo = { address: 'local', device: null }

export interface AuditEntry {
  action: string
  entity: string
  entityId: number | string
  /** What changed: before/after values, amounts, quantities. Stored as JSON. */
  detail?: unknown
}

/** Where this copy's HTTP host listens, as it was started (`--host`, `--port`). */
export interface Endpoint {
  host: string
  port: number
}

/** Everything a service needs, handed in: no module-level singletons. */
export interface Ctx {
  store: Store
  clock: Clock
  timeZone: string
  locale: Locale
  user: SessionUser | null
  /** The session token of this call, when there is one (logout needs it). */
  token: string | null
  channel: string
  /** Absent for contexts built outside the dispatcher (jobs, demo, benches). */
  client?: ClientInfo
  events: EventBuffer
  audit(entry: AuditEntry): void
  /** `clock.now()` as local ISO text in the dealership's zone. */
  nowIso(): string
  /** The HTTP host's address once it listens; absent or null when this copy serves none. */
  endpoint?: () => Endpoint | null
}

/** A context whose user is known (channels with a permission or `session` access). */
export type UserCtx = Ctx & { user: SessionUser }
