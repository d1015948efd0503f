import type { ApiClient } from '../../../shared/contract'
import type { Bridge } from '../../../shared/contract/bridge'
import { createHttpClient } from './http-client'
import { createIpcClient } from './ipc-client'
import type { MetaSource } from './meta'

declare global {
  interface Window {
    /** Present only inside the Electron window (the preload exposes it). */
    api?: Bridge
  }
}

/** IPC inside the Electron window, HTTP when the host serves the page to a browser. */
export function createClient(meta: MetaSource): ApiClient {
  if ('api' in window && window.api) return createIpcClient(window.api, meta)
  return createHttpClient({ meta })
}
