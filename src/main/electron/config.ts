import { parseArgs } from 'node:util'

export const DEFAULT_HOST_PORT = 4780

/**
 * How this copy runs. `host`: it owns the store and also serves the LAN/browser host.
 * `terminal`: another PC is the host; every call is forwarded to it over the LAN.
 */
export type ShellConfig =
  | { mode: 'host'; hostPort: number | null; hostAddress: string; devUrl: string | null }
  | { mode: 'terminal'; hostUrl: string; deviceToken: string; devUrl: string | null }

export class ShellConfigError extends Error {}

function parsePort(value: string): number | null {
  if (value === 'off') return null
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new ShellConfigError(`bad host port: ${value}`)
  return port
}

/**
 * Reads flags (`--host-port`, `--host-address`, `--host-url`, `--device-token`) and their
 * environment twins (`DEALER_HOST_PORT`, …). The device token is better given through the
 * environment: a command line is visible to every user of the PC.
 */
export function readShellConfig(argv: readonly string[], env: NodeJS.ProcessEnv, isPackaged: boolean): ShellConfig {
  // strict: false because Chromium and Electron add switches of their own to argv.
  const { values } = parseArgs({
    args: argv.slice(1),
    strict: false,
    allowPositionals: true,
    options: {
      'host-port': { type: 'string' },
      'host-address': { type: 'string' },
      'host-url': { type: 'string' },
      'device-token': { type: 'string' },
    },
  })
  const text = (flag: string, envName: string): string | undefined => {
    const value = values[flag]
    return typeof value === 'string' && value.length > 0 ? value : env[envName] || undefined
  }
  // The dev server URL is honoured only in an unpackaged build: an installed copy must never be
  // talked into loading a page from elsewhere by an environment variable.
  const devUrl = !isPackaged && env.ELECTRON_RENDERER_URL ? env.ELECTRON_RENDERER_URL : null

  const hostUrl = text('host-url', 'DEALER_HOST_URL')
  if (hostUrl) {
    let parsed: URL
    try {
      parsed = new URL(hostUrl)
    } catch {
      throw new ShellConfigError(`bad host url: ${hostUrl}`)
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new ShellConfigError(`bad host url: ${hostUrl}`)
    const deviceToken = text('device-token', 'DEALER_DEVICE_TOKEN')
    if (!deviceToken) throw new ShellConfigError('terminal mode needs --device-token (or DEALER_DEVICE_TOKEN)')
    return { mode: 'terminal', hostUrl: parsed.origin + '/', deviceToken, devUrl }
  }
  return {
    mode: 'host',
    hostPort: parsePort(text('host-port', 'DEALER_HOST_PORT') ?? String(DEFAULT_HOST_PORT)),
    hostAddress: text('host-address', 'DEALER_HOST_ADDRESS') ?? '127.0.0.1',
    devUrl,
  }
}
