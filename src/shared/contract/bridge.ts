import type { Envelope } from './errors'
import type { LiveEvent } from './types'
import type { Channel } from './index'

export interface BridgeMeta {
  token: string | null
  locale: string
}

/**
 * What the Electron preload exposes as `window.api`: one function per channel (never a generic
 * send), plus the live-event subscription. The renderer's IPC client wraps this.
 */
export type Bridge = {
  [K in Channel]: (input: unknown, meta: BridgeMeta) => Promise<Envelope<unknown>>
} & {
  onEvent(handler: (event: LiveEvent) => void): () => void
  /** Terminal mode: told when the main process's stream to the LAN host is lost or back. */
  onStatus(handler: (connected: boolean) => void): () => void
}

/** IPC channel name for an API channel. */
export const ipcChannel = (channel: string) => `api:${channel}`
export const IPC_EVENT = 'api-event'
export const IPC_STATUS = 'api-status'
