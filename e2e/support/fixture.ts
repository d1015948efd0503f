import { afterAll, beforeAll } from 'vitest'
import { openBrowser, type Session } from './browser'
import { startHost, type RunningHost } from './host'

export interface HostAndBrowser {
  /** The running host (set before the file's first test). */
  readonly host: RunningHost
  /** Chromium on the host, one page. */
  readonly session: Session
}

/**
 * The set-up every browser spec shares: before the file's tests, the real host on a fresh data
 * folder (the demo dealership when `demoPassword` is given) and Chromium pointed at it; after them,
 * the browser's warnings reported (so they get fixed), the browser closed and the host stopped —
 * which fails the file if the host answered INTERNAL. Call it inside the `describe`.
 */
export function hostAndBrowser(options: Parameters<typeof startHost>[0] = {}): HostAndBrowser {
  let host: RunningHost | undefined
  let session: Session | undefined
  beforeAll(async () => {
    host = await startHost(options)
    session = await openBrowser(host.url)
  })
  afterAll(async () => {
    if (session?.warnings.length) console.warn(`browser warnings:\n${[...new Set(session.warnings)].join('\n')}`)
    await session?.close()
    await host?.stop()
  })
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started yet (use it inside a test or a later hook)`)
    return value
  }
  return {
    get host() {
      return ready(host, 'the host')
    },
    get session() {
      return ready(session, 'the browser')
    },
  }
}
