import type { Envelope } from '../../shared/contract/errors'
import type { LiveEvent } from '../../shared/contract/types'
import { asLocale, translate } from '../../shared/i18n'
import type { CallMeta } from '../api/dispatch'
import { callTimeoutMs, LIVE_CONNECT_TIMEOUT_MS, LIVE_STALE_AFTER_MS, liveRetryDelayMs } from '../../shared/live'

/**
 * Terminal mode: a front-desk PC whose main process owns no store. Every API call goes to the
 * dealership's host over HTTP and the host's push channel (SSE) is relayed to this PC's windows,
 * so the renderer cannot tell the difference from a local store.
 */
export interface TerminalOptions {
  /** e.g. `http://192.168.1.10:4780/` */
  hostUrl: string
  /** The token from `devices.pair`; the host refuses other PCs without it. */
  deviceToken: string
  fetch?: typeof fetch
  /** Per call; by default `callTimeoutMs(channel)` (long for imports and backups). */
  requestTimeoutMs?: number
  /** Delay before redialling the event stream; by default quick at first, at most 5 s. */
  reconnectMs?: number
  /** Silence on an open stream after which it counts as dead (the host pings more often). */
  staleAfterMs?: number
  log?: (message: string) => void
}

export interface TerminalBackend {
  dispatch(channel: string, input: unknown, meta?: CallMeta): Promise<Envelope<unknown>>
  subscribe(listener: (event: LiveEvent) => void): () => void
  /** Told `true` when the event stream opens and `false` when it is lost (for the header's banner). */
  onStatus(listener: (connected: boolean) => void): () => void
  /** True while the event stream to the host is open. */
  readonly streaming: boolean
  close(): void
}

function isEnvelope(value: unknown): value is Envelope<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean'
}

/** Splits an SSE byte stream into `change` events; comments and other event names are skipped. */
export function parseSseBlock(block: string): LiveEvent | null {
  let name = 'message'
  const data: string[] = []
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) name = line.slice(6).trim()
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''))
  }
  if (name !== 'change' || data.length === 0) return null
  try {
    const value: unknown = JSON.parse(data.join('\n'))
    return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
      ? (value as LiveEvent)
      : null
  } catch {
    return null
  }
}

export function createTerminalBackend(options: TerminalOptions): TerminalBackend {
  const base = new URL(options.hostUrl)
  const doFetch = options.fetch ?? fetch
  const timeoutOf = (channel: string) => options.requestTimeoutMs ?? callTimeoutMs(channel)
  const reconnectDelay = (attempt: number) => options.reconnectMs ?? liveRetryDelayMs(attempt)
  const staleAfterMs = options.staleAfterMs ?? LIVE_STALE_AFTER_MS
  const log = options.log ?? ((message: string) => console.warn(message))
  const listeners = new Set<(event: LiveEvent) => void>()
  const statusListeners = new Set<(connected: boolean) => void>()
  let closed = false
  let streaming = false
  const setStreaming = (value: boolean) => {
    if (streaming === value) return
    streaming = value
    for (const listener of statusListeners) listener(value)
  }
  // The push channel needs a user session; it follows the latest token the renderer used.
  let streamToken: string | null = null
  let streamAbort: AbortController | null = null

  function publish(event: LiveEvent) {
    for (const listener of listeners) {
      try {
        listener(event)
      } catch {
        // A broken window listener must not end the stream for the others.
      }
    }
  }

  async function dispatch(channel: string, input: unknown, meta: CallMeta = {}): Promise<Envelope<unknown>> {
    const locale = asLocale(meta.locale)
    if (meta.token && meta.token !== streamToken) follow(meta.token)
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-device-token': options.deviceToken,
      'x-locale': meta.locale ?? locale,
    }
    if (meta.token) headers.authorization = `Bearer ${meta.token}`
    try {
      const res = await doFetch(new URL(`api/${channel}`, base), {
        method: 'POST',
        headers,
        body: JSON.stringify(input ?? {}),
        signal: AbortSignal.timeout(timeoutOf(channel)),
      })
      const body: unknown = await res.json()
      if (isEnvelope(body)) return body
      throw new Error(`host answered ${res.status} without an envelope`)
    } catch (error) {
      log(`[terminal] ${channel} failed: ${error instanceof Error ? error.message : String(error)}`)
      return { ok: false, code: 'OFFLINE', message: translate(locale, 'app.offline') }
    }
  }

  function follow(token: string) {
    streamToken = token
    streamAbort?.abort()
    const abort = new AbortController()
    streamAbort = abort
    void streamLoop(token, abort.signal)
  }

  async function streamLoop(token: string, signal: AbortSignal) {
    let attempt = 0
    while (!closed && !signal.aborted && streamToken === token) {
      attempt += 1
      try {
        const refused = await readStream(token, signal)
        // An expired or revoked session: wait for the renderer to log in again (a new token).
        if (refused) {
          if (streamToken === token) streamToken = null
          return
        }
      } catch (error) {
        if (signal.aborted) return
        log(`[terminal] event stream lost: ${error instanceof Error ? error.message : String(error)}`)
      } finally {
        if (streaming) attempt = 1
        setStreaming(false)
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, reconnectDelay(attempt))
        signal.addEventListener('abort', () => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
  }

  /**
   * Reads the stream until it ends; true when the host refused the session. A cut cable ends
   * nothing, so silence (no ping or change for `staleAfterMs`) or a dial that does not open in
   * time aborts this attempt, and the loop dials again.
   */
  async function readStream(token: string, outer: AbortSignal): Promise<boolean> {
    const attempt = new AbortController()
    const stop = () => attempt.abort()
    outer.addEventListener('abort', stop)
    let silence = setTimeout(stop, LIVE_CONNECT_TIMEOUT_MS)
    const heard = (ms: number) => {
      clearTimeout(silence)
      silence = setTimeout(stop, ms)
    }
    try {
      const res = await doFetch(new URL('api/events', base), {
        headers: { accept: 'text/event-stream', 'x-device-token': options.deviceToken, authorization: `Bearer ${token}` },
        signal: attempt.signal,
      })
      if (res.status === 401) {
        await res.body?.cancel()
        return true
      }
      if (!res.ok || !res.body) throw new Error(`host answered ${res.status}`)
      heard(staleAfterMs)
      setStreaming(true)
      const decoder = new TextDecoder()
      let buffer = ''
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        heard(staleAfterMs)
        buffer += decoder.decode(chunk, { stream: true }).replace(/\r\n/g, '\n')
        let end = buffer.indexOf('\n\n')
        while (end >= 0) {
          const event = parseSseBlock(buffer.slice(0, end))
          buffer = buffer.slice(end + 2)
          if (event) publish(event)
          end = buffer.indexOf('\n\n')
        }
      }
      return false
    } catch (error) {
      if (attempt.signal.aborted && !outer.aborted) throw new Error('no word from the host', { cause: error })
      throw error
    } finally {
      clearTimeout(silence)
      outer.removeEventListener('abort', stop)
    }
  }

  return {
    dispatch,
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    onStatus(listener) {
      statusListeners.add(listener)
      return () => {
        statusListeners.delete(listener)
      }
    },
    get streaming() {
      return streaming
    },
    close() {
      closed = true
      streamAbort?.abort()
      listeners.clear()
      setStreaming(false)
      statusListeners.clear()
    },
  }
}
