import { contextBridge, ipcRenderer } from 'electron'
// The channel names are a generated list (scripts/gen-channel-names.ts, checked against the
// contract by a test), so the preload bundles a few kB instead of zod and the whole contract.
import type { Channel } from '../../shared/contract'
import { CHANNEL_NAMES } from '../../shared/contract/channel-names'
import { IPC_EVENT, IPC_STATUS, ipcChannel, type Bridge, type BridgeMeta } from '../../shared/contract/bridge'
import type { Envelope } from '../../shared/contract/errors'
import type { LiveEvent } from '../../shared/contract/types'

/** The part of ipcRenderer the bridge uses; never handed to the page itself. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown
}

/**
 * One function per channel, each bound to its own IPC name, so the page can only call what the
 * contract declares. Event payloads are passed on without the IPC event object, which would
 * otherwise give the page a reference to ipcRenderer.
 */
export function buildBridge(ipc: IpcRendererLike, channels: readonly Channel[]): Bridge {
  const calls: Record<string, (input: unknown, meta: BridgeMeta) => Promise<Envelope<unknown>>> = {}
  for (const channel of channels) {
    const name = ipcChannel(channel)
    calls[channel] = (input, meta) => ipc.invoke(name, input, meta) as Promise<Envelope<unknown>>
  }
  const onEvent = (handler: (event: LiveEvent) => void) => {
    if (typeof handler !== 'function') throw new TypeError('onEvent needs a function')
    const listener = (_event: unknown, payload: unknown) => handler(payload as LiveEvent)
    ipc.on(IPC_EVENT, listener)
    return () => {
      ipc.removeListener(IPC_EVENT, listener)
    }
  }
  const onStatus = (handler: (connected: boolean) => void) => {
    if (typeof handler !== 'function') throw new TypeError('onStatus needs a function')
    const listener = (_event: unknown, connected: unknown) => handler(connected === true)
    ipc.on(IPC_STATUS, listener)
    return () => {
      ipc.removeListener(IPC_STATUS, listener)
    }
  }
  return { ...calls, onEvent, onStatus } as Bridge
}

contextBridge.exposeInMainWorld('api', buildBridge(ipcRenderer, CHANNEL_NAMES))
