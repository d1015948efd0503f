import { createSocket, type RemoteInfo, type Socket } from 'node:dgram'
import { networkInterfaces } from 'node:os'

// Finding the host without typing its address: a new workstation broadcasts one small question on
// the LAN and every dealership host answers with its URL and the dealership's name, nothing more
// (no version, no users, no data). A UDP broadcast rather than mDNS: it needs no package and no
// multicast support in the office switch, and it never leaves the local subnet.

export const DISCOVERY_PORT = 4781
const QUESTION = 'dealer-aftersales/1?'
const SERVICE = 'dealer-aftersales/1'

export interface FoundHost {
  url: string
  dealerName: string
}

interface V4 {
  address: string
  netmask: string
}

const toInt = (ip: string) => ip.split('.').reduce((n, part) => ((n << 8) | Number(part)) >>> 0, 0)
const toIp = (n: number) => [24, 16, 8, 0].map((shift) => (n >>> shift) & 255).join('.')

function ownV4(): V4[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((i) => i.family === 'IPv4' && !i.internal)
    .map((i) => ({ address: i.address, netmask: i.netmask }))
}

/** Our own address on the asker's subnet: the one its PC can reach us at. */
export function addressFacing(remote: string, interfaces: V4[] = ownV4()): string | null {
  const r = toInt(remote)
  const match = interfaces.find((i) => (toInt(i.address) & toInt(i.netmask)) === (r & toInt(i.netmask)))
  return match?.address ?? null
}

/** The broadcast address of each of our IPv4 subnets (10.231.0.11/24 → 10.231.0.255). */
export function broadcastAddresses(interfaces: V4[] = ownV4()): string[] {
  return [...new Set(interfaces.map((i) => toIp((toInt(i.address) | ~toInt(i.netmask)) >>> 0)))]
}

export interface DiscoveryResponder {
  close(): Promise<void>
}

/**
 * Answers the question on `port` with `http://<our address on the asker's subnet>:<httpPort>/`.
 * Started only when the host listens on the LAN (never for a loopback-only host).
 */
export async function startDiscoveryResponder(options: {
  httpPort: number
  /** The address the HTTP host is bound to; 0.0.0.0 means "whichever faces the asker". */
  boundHost: string
  dealerName: () => string
  port?: number
}): Promise<DiscoveryResponder> {
  const socket = createSocket({ type: 'udp4', reuseAddr: true })
  socket.on('message', (message: Buffer, remote: RemoteInfo) => {
    if (message.length > 64 || message.toString('utf8') !== QUESTION) return
    const address = options.boundHost === '0.0.0.0' ? addressFacing(remote.address) : options.boundHost
    if (!address) return
    const answer: FoundHost & { service: string } = { service: SERVICE, url: `http://${address}:${options.httpPort}/`, dealerName: options.dealerName() }
    socket.send(JSON.stringify(answer), remote.port, remote.address)
  })
  socket.on('error', (error) => console.warn(`[discovery] ${error.message}`))
  await new Promise<void>((ready, fail) => {
    socket.once('error', fail)
    socket.bind(options.port ?? DISCOVERY_PORT, '0.0.0.0', () => {
      socket.off('error', fail)
      ready()
    })
  })
  return { close: () => new Promise<void>((done) => socket.close(() => done())) }
}

function parseAnswer(message: Buffer): FoundHost | null {
  try {
    const value = JSON.parse(message.toString('utf8')) as Partial<FoundHost & { service: string }>
    if (value.service !== SERVICE || typeof value.url !== 'string' || typeof value.dealerName !== 'string') return null
    const url = new URL(value.url)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
    return { url: url.origin + '/', dealerName: value.dealerName.slice(0, 60) }
  } catch {
    return null
  }
}

/** Asks every subnet we are on, waits `timeoutMs` for answers, and lists each host once. */
export async function discoverHosts(options: { timeoutMs?: number; port?: number; targets?: string[] } = {}): Promise<FoundHost[]> {
  const socket: Socket = createSocket('udp4')
  const found = new Map<string, FoundHost>()
  socket.on('message', (message: Buffer) => {
    const host = parseAnswer(message)
    if (host) found.set(host.url, host)
  })
  try {
    await new Promise<void>((ready, fail) => {
      socket.once('error', fail)
      socket.bind(0, () => ready())
    })
    socket.setBroadcast(true)
    const targets = options.targets ?? broadcastAddresses()
    await Promise.all(
      targets.map(
        (target) =>
          new Promise<void>((sent) => socket.send(QUESTION, options.port ?? DISCOVERY_PORT, target, () => sent())),
      ),
    )
    await new Promise((done) => setTimeout(done, options.timeoutMs ?? 1_200))
  } catch {
    // No network at all (no interface, no route): nobody to find.
  } finally {
    socket.close()
  }
  return [...found.values()].sort((a, b) => a.dealerName.localeCompare(b.dealerName, 'zh-CN') || a.url.localeCompare(b.url))
}

/** The host's own loopback-only binding is not on the LAN: nothing to announce. */
export const announcesOnLan = (boundHost: string) => !/^(127\.|localhost$|::1$)/.test(boundHost)
