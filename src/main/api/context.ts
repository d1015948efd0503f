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

/** Where another device on the shop's network reaches this host (host/lan-addresses.ts reads them). */
export interface LanAddress {
  /** The interface's name (eth0, Wi-Fi, 以太网 …), so the supervisor can tell cable from Wi-Fi. */
  name: string
  address: string
  family: 'IPv4' | 'IPv6'
  /** `http://<address>:<port>/`, or null when no HTTP host runs in this copy. */
  baseUrl: string | null
}

export interface HostAddresses {
  /** The address the host is bound to; null when this copy serves no HTTP host at all. */
  bindHost: string | null
  port: number | null
  /** False when bound to loopback only (or no host runs): a TV cannot open any address below. */
  lanReachable: boolean
  addresses: LanAddress[]
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
  /** The LAN addresses of this copy's HTTP host, read when asked; absent in contexts built outside the host (jobs, demo, benches). */
  hostAddresses?: () => HostAddresses
}

/** A context whose user is known (channels with a permission or `session` access). */
export type UserCtx = Ctx & { user: SessionUser }
