import { hostname, networkInterfaces } from 'node:os'
import type { IncomingMessage } from 'node:http'

// DNS rebinding: a web page on attacker.example can make its own name resolve to 127.0.0.1 and
// then call the host "from loopback". The browser still sends `Host: attacker.example` (and its
// Origin), so the host answers only requests addressed to a name or address it really has: the
// loopback names, its own interface addresses, its host name, and the address it was told to bind.
// Paired devices present a token no web page has, so their Host is not judged (a terminal may
// reach the host through a name only the dealership's DNS knows).

const REFRESH_MS = 30_000

export class HostNames {
  private names = new Set<string>()
  private readAt = 0

  constructor(private readonly bound: string) {}

  private refresh(now: number): void {
    const names = new Set<string>(['localhost', '127.0.0.1', '::1'])
    if (this.bound !== '0.0.0.0' && this.bound !== '::') names.add(normalise(this.bound))
    const own = hostname().toLowerCase()
    names.add(own)
    names.add(`${own}.local`)
    for (const list of Object.values(networkInterfaces())) {
      for (const address of list ?? []) names.add(normalise(address.address))
    }
    this.names = names
    this.readAt = now
  }

  has(name: string, now = Date.now()): boolean {
    const host = normalise(name)
    if (host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host)) return true
    // An unknown name re-reads the interfaces (a DHCP lease may have changed), at most once a second.
    if (now - this.readAt > REFRESH_MS || (!this.names.has(host) && now - this.readAt > 1_000)) this.refresh(now)
    return this.names.has(host)
  }
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/^\[|\]$/g, '').replace(/%.*$/, '').replace(/\.$/, '')
}

/** The host name of a `Host` header or an Origin URL, or null when it cannot be read. */
export function nameOf(value: string, asOrigin: boolean): string | null {
  try {
    return new URL(asOrigin ? value : `http://${value}`).hostname
  } catch {
    return null
  }
}

/**
 * Whether a request not vouched for by a device token is addressed to this host: its Host header
 * (when given) and its Origin (when a browser sends one) must both name the host.
 */
export function isAddressedToUs(req: IncomingMessage, names: HostNames): boolean {
  const host = req.headers.host
  if (host !== undefined) {
    const name = nameOf(host, false)
    if (name === null || !names.has(name)) return false
  }
  const origin = req.headers.origin
  if (origin !== undefined && origin !== 'null') {
    const name = nameOf(origin, true)
    if (name === null || !names.has(name)) return false
  } else if (origin === 'null' && req.method !== 'GET' && req.method !== 'HEAD') {
    // A sandboxed frame or file:// page: never one of ours, and must not write.
    return false
  }
  return true
}
