import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os'
import type { Endpoint, HostAddresses, LanAddress } from '../api/context'

export type { HostAddresses, LanAddress }

// Where another device on the shop's network (the workshop TV, a PC to pair) reaches this host.
// The host only knows the address it was told to bind to; the addresses a TV can type come from
// this PC's network interfaces, read when asked (DHCP may have changed them since start-up).

const LOOPBACK_BIND = /^(127\.\d+\.\d+\.\d+|::1|localhost|::ffff:127\.\d+\.\d+\.\d+)$/i
const ANY_BIND = new Set(['0.0.0.0', '::', '[::]', ''])

/** Link-local addresses (169.254/16, fe80::/10) change at every boot and a browser cannot use fe80 without a zone. */
const isLinkLocal = (a: NetworkInterfaceInfo) => (a.family === 'IPv4' ? a.address.startsWith('169.254.') : /^fe[89ab]/i.test(a.address))

const urlOf = (address: string, family: 'IPv4' | 'IPv6', port: number) => `http://${family === 'IPv6' ? `[${address}]` : address}:${port}/`

/**
 * The LAN addresses a device can open, IPv4 first (what people type and TVs handle best). When
 * bound to one address only that one counts; when bound to loopback they are still listed so the
 * supervisor sees what the address will be once the host is started for the LAN.
 */
export function hostAddresses(
  endpoint: Endpoint | null,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): HostAddresses {
  const all: LanAddress[] = []
  for (const [name, list] of Object.entries(interfaces)) {
    for (const a of list ?? []) {
      if (a.internal || isLinkLocal(a)) continue
      all.push({ name, address: a.address, family: a.family, baseUrl: endpoint ? urlOf(a.address, a.family, endpoint.port) : null })
    }
  }
  all.sort((x, y) => (x.family === y.family ? 0 : x.family === 'IPv4' ? -1 : 1))
  if (!endpoint) return { bindHost: null, port: null, lanReachable: false, addresses: all }
  const bind = endpoint.host.trim()
  if (LOOPBACK_BIND.test(bind)) return { bindHost: bind, port: endpoint.port, lanReachable: false, addresses: all }
  if (ANY_BIND.has(bind)) return { bindHost: bind, port: endpoint.port, lanReachable: all.length > 0, addresses: all }
  // Bound to one address: only it answers (a hostname is taken as the name devices use).
  const own = all.filter((a) => a.address === bind)
  const addresses = own.length > 0 ? own : [{ name: '', address: bind, family: bind.includes(':') ? ('IPv6' as const) : ('IPv4' as const), baseUrl: urlOf(bind, bind.includes(':') ? 'IPv6' : 'IPv4', endpoint.port) }]
  return { bindHost: bind, port: endpoint.port, lanReachable: true, addresses }
}
