import { execFileSync, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process'
import { existsSync } from 'node:fs'

// A small office LAN made of Linux network namespaces: one "switch" namespace holding a bridge,
// and one namespace per PC joined to it by a veth cable. Only addresses we create inside our own
// namespaces are used (10.231.0.0/24); nothing is routed anywhere else, and the root namespace is
// left untouched (the bridge lives in the switch namespace too).

export const SUBNET_PREFIX = '10.231.0'

export interface Pc {
  /** Network namespace name. */
  ns: string
  ip: string
  /** The cable's end on the switch, in the switch namespace. */
  port: string
}

export interface Lan {
  switchNs: string
  pcs: Record<string, Pc>
  /** Runs a program inside a PC's namespace. */
  spawnIn(pc: Pc, command: string, args: string[], options?: SpawnOptions): ChildProcess
  /** Runs `ip` inside a PC's namespace (routes, addresses). */
  ipIn(pc: Pc, ...args: string[]): void
  /** Pulls the PC's cable out of the switch (the PC's own interface stays up, as it would). */
  unplug(pc: Pc): void
  plugIn(pc: Pc): void
  destroy(): void
}

const ip = (...args: string[]) => execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] })

/** The processes running inside a namespace (`ip netns pids`), none when it is gone. */
function pidsIn(ns: string): number[] {
  try {
    return execFileSync('ip', ['netns', 'pids', ns], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number)
      .filter((pid) => Number.isInteger(pid) && pid !== process.pid)
  } catch {
    return []
  }
}

/** Why namespaces cannot be made here, or null when they can. */
export function namespacesUnavailable(): string | null {
  if (typeof process.getuid === 'function' && process.getuid() !== 0) return 'not running as root: network namespaces need root'
  if (!['/usr/sbin/ip', '/sbin/ip', '/usr/bin/ip', '/bin/ip'].some((p) => existsSync(p))) return 'the `ip` command (iproute2) is not installed'
  const probe = `lanprobe${process.pid}`
  try {
    ip('netns', 'add', probe)
    ip('netns', 'del', probe)
    return null
  } catch (error) {
    return `cannot create a network namespace: ${error instanceof Error ? error.message : String(error)}`
  }
}

/**
 * Builds the LAN: `names` become PCs with addresses .1, .11, .12, … in the order given (or the
 * address given for a name, e.g. another subnet on the same wire, reachable only by a route). Names of
 * namespaces carry the process id so parallel or leftover runs never collide.
 */
export function createLan(names: string[], addresses: Record<string, string> = {}): Lan {
  const tag = `l${process.pid.toString(36)}${Date.now().toString(36).slice(-3)}`
  const switchNs = `${tag}-sw`
  const made: string[] = []
  const pcs: Record<string, Pc> = {}
  const destroy = () => {
    for (const ns of made.reverse()) {
      // A process left in a namespace (a host whose stop timed out, a tsx wrapper's own child)
      // would outlive the namespace and the run: every one still inside is killed first.
      for (const pid of pidsIn(ns)) {
        try {
          process.kill(pid, 'SIGKILL')
        } catch {
          // Exited meanwhile.
        }
      }
      try {
        ip('netns', 'del', ns)
      } catch {
        // Already gone: nothing to clean.
      }
    }
    made.length = 0
  }
  try {
    ip('netns', 'add', switchNs)
    made.push(switchNs)
    ip('-n', switchNs, 'link', 'set', 'lo', 'up')
    ip('-n', switchNs, 'link', 'add', 'br0', 'type', 'bridge')
    ip('-n', switchNs, 'link', 'set', 'br0', 'up')
    names.forEach((name, index) => {
      const ns = `${tag}-${name}`
      const address = addresses[name] ?? `${SUBNET_PREFIX}.${index === 0 ? 1 : 10 + index}`
      const port = `p${index}`
      ip('netns', 'add', ns)
      made.push(ns)
      ip('-n', switchNs, 'link', 'add', port, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns)
      ip('-n', switchNs, 'link', 'set', port, 'master', 'br0')
      ip('-n', switchNs, 'link', 'set', port, 'up')
      ip('-n', ns, 'link', 'set', 'lo', 'up')
      ip('-n', ns, 'addr', 'add', `${address}/24`, 'dev', 'eth0')
      ip('-n', ns, 'link', 'set', 'eth0', 'up')
      pcs[name] = { ns, ip: address, port }
    })
  } catch (error) {
    destroy()
    throw error
  }
  return {
    switchNs,
    pcs,
    spawnIn: (pc, command, args, spawnOptions = {}) => spawn('ip', ['netns', 'exec', pc.ns, command, ...args], spawnOptions),
    ipIn: (pc, ...args) => ip('-n', pc.ns, ...args),
    unplug: (pc) => ip('-n', switchNs, 'link', 'set', pc.port, 'down'),
    plugIn: (pc) => ip('-n', switchNs, 'link', 'set', pc.port, 'up'),
    destroy,
  }
}
