import { z } from 'zod'
import { contract, type Channel } from '../../shared/contract'
import { IPC_EVENT, IPC_STATUS, ipcChannel } from '../../shared/contract/bridge'
import type { Envelope, ErrorCode } from '../../shared/contract/errors'
import type { LiveEvent } from '../../shared/contract/types'
import { asLocale, translate, type MessageKey, type MessageParams } from '../../shared/i18n'
import type { Dispatch } from '../api/dispatch'
import { sameOrigin } from './protocol'

// Structural slices of Electron's ipcMain / BrowserWindow, so the binding can be tested with
// plain objects; the real `ipcMain` and `BrowserWindow.getAllWindows()` satisfy them.
export interface SenderEvent {
  sender: { id: number }
  senderFrame: { url: string; parent: unknown } | null
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderEvent, ...args: unknown[]) => unknown): void
  removeHandler(channel: string): void
}

export interface WindowLike {
  isDestroyed(): boolean
  webContents: { id: number; isDestroyed(): boolean; send(channel: string, ...args: unknown[]): void }
}

/** What the IPC layer talks to: the local App, or the terminal-mode forwarder to a LAN host. */
export interface Backend {
  dispatch: Dispatch
  subscribe(listener: (event: LiveEvent) => void): () => void
  /**
   * Whether a window whose page last called with `token` may hear `event` (its session is live and
   * its role may read the event). The local store answers it; a terminal's host already filtered
   * its stream for the session it follows, so a terminal backend leaves this out.
   */
  mayReceive?(token: string | null, event: LiveEvent): boolean
  /** Terminal mode only: the stream to the LAN host opened (true) or was lost (false). */
  onStatus?(listener: (connected: boolean) => void): () => void
}

export interface IpcBindingOptions {
  ipcMain: IpcMainLike
  backend: Backend
  /** Our windows; a call from any other webContents is refused. */
  windows: () => WindowLike[]
  /** Origins whose top frame may call: `app://app`, plus the dev server URL in development. */
  trustedOrigins: string[]
  log?: (message: string) => void
}

// The renderer is untrusted input too: meta must be exactly what the bridge type promises.
const MetaSchema = z.object({
  token: z.string().max(512).nullable(),
  locale: z.string().max(35),
})

export const CHANNEL_NAMES = Object.keys(contract) as Channel[]

function refusal(code: ErrorCode, meta: unknown, key: MessageKey, params?: MessageParams): Envelope<never> {
  const locale = asLocale(typeof meta === 'object' && meta !== null ? (meta as { locale?: unknown }).locale : null)
  return { ok: false, code, message: translate(locale, key, params) }
}

/**
 * Decides whether an IPC call comes from our own page: the sending frame must be a top frame
 * whose URL is one of our origins, inside one of our windows. Checked on every call because a
 * navigated or injected frame would otherwise inherit the window's access.
 */
export function isTrustedSender(event: SenderEvent, windows: WindowLike[], trustedOrigins: string[]): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent) return false
  if (!trustedOrigins.some((origin) => sameOrigin(frame.url, origin))) return false
  return windows.some((w) => !w.isDestroyed() && w.webContents.id === event.sender.id)
}

/** Binds one `ipcMain.handle` per contract channel and forwards live events; returns the unbind. */
export function bindIpc(options: IpcBindingOptions): () => void {
  const { ipcMain, backend, windows, trustedOrigins } = options
  const log = options.log ?? ((message: string) => console.warn(message))
  // The session each window's page is using: the token of its latest call.
  const tokenOf = new Map<number, string | null>()

  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(ipcChannel(channel), async (event, input, meta): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event, windows(), trustedOrigins)) {
        log(`[ipc] refused ${channel} from ${event.senderFrame?.url ?? 'a destroyed frame'}`)
        return refusal('FORBIDDEN', meta, 'error.FORBIDDEN', { permission: 'app' })
      }
      const parsed = MetaSchema.safeParse(meta)
      if (!parsed.success) return refusal('VALIDATION', meta, 'error.VALIDATION')
      tokenOf.set(event.sender.id, parsed.data.token)
      try {
        return await backend.dispatch(channel, input, { token: parsed.data.token, locale: parsed.data.locale })
      } catch (error) {
        // Dispatch answers envelopes itself; reaching here means the backend (e.g. the LAN link) broke.
        log(`[ipc] ${channel} failed: ${error instanceof Error ? error.message : String(error)}`)
        return refusal('INTERNAL', parsed.data, 'error.INTERNAL')
      }
    })
  }

  const sendAll = (name: string, payload: unknown, mayHear: (webContentsId: number) => boolean = () => true) => {
    for (const window of windows()) {
      if (window.isDestroyed() || window.webContents.isDestroyed()) continue
      if (!mayHear(window.webContents.id)) continue
      window.webContents.send(name, payload)
    }
  }
  const unsubscribe = backend.subscribe((event) =>
    sendAll(IPC_EVENT, event, (id) => !backend.mayReceive || backend.mayReceive(tokenOf.get(id) ?? null, event)),
  )
  const unwatch = backend.onStatus?.((connected) => sendAll(IPC_STATUS, connected))

  return () => {
    unsubscribe()
    unwatch?.()
    for (const channel of CHANNEL_NAMES) ipcMain.removeHandler(ipcChannel(channel))
  }
}
