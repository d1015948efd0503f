import type { ApiClient, Channel, Envelope } from '../../../shared/contract'
import type { Bridge } from '../../../shared/contract/bridge'
import { translate } from '../../../shared/i18n'
import type { MetaSource } from './meta'

/** The Electron transport: one preload function per channel, the session passed as meta. */
export function createIpcClient(bridge: Bridge, meta: MetaSource): ApiClient {
  async function call(channel: Channel, input: unknown): Promise<Envelope<unknown>> {
    const current = meta()
    const fn = bridge[channel]
    if (typeof fn !== 'function') {
      return { ok: false, code: 'UNKNOWN_CHANNEL', message: translate(current.locale, 'error.UNKNOWN_CHANNEL', { channel }) }
    }
    try {
      return await fn(input ?? {}, { token: current.token, locale: current.locale })
    } catch {
      return { ok: false, code: 'OFFLINE', message: translate(current.locale, 'app.offline') }
    }
  }

  function subscribe(handler: Parameters<ApiClient['subscribe']>[0], onStatus?: (connected: boolean) => void) {
    const off = bridge.onEvent(handler)
    // IPC to our own main process is up while the window exists; in terminal mode the main
    // process reports its stream to the LAN host, which is what the person needs to know.
    onStatus?.(true)
    const unwatch = onStatus && typeof bridge.onStatus === 'function' ? bridge.onStatus(onStatus) : null
    return () => {
      off()
      unwatch?.()
    }
  }

  return { call, subscribe } as ApiClient
}
