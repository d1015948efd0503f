import type { ApiClient, Envelope, LiveEvent } from '../../../shared/contract'
import { translate } from '../../../shared/i18n'
import { CALL_TIMEOUT_WHILE_STALE_MS, callTimeoutMs, LIVE_CONNECT_TIMEOUT_MS, LIVE_STALE_AFTER_MS, LIVE_WATCH_MS, liveRetryDelayMs } from '../../../shared/live'
import type { MetaSource } from './meta'

interface EventSourceLike {
  readyState: number
  onopen: ((ev: Event) => unknown) | null
  onerror: ((ev: Event) => unknown) | null
  addEventListener(type: string, listener: (ev: MessageEvent) => void): void
  close(): void
}

export interface HttpClientOptions {
  /** Base URL ending in `/`; the page's own origin by default. */
  baseUrl?: string
  meta: MetaSource
  fetch?: typeof fetch
  eventSource?: (url: string) => EventSourceLike
  /** Delay before reconnecting the event stream after attempt n (1-based). */
  retryDelayMs?: (attempt: number) => number
  now?: () => number
}

const CLOSED = 2

/**
 * The browser transport: `POST /api/<channel>` for calls, an EventSource for live events. A
 * network failure becomes an envelope too (`OFFLINE`), so screens handle one shape of failure.
 */
export function createHttpClient(options: HttpClientOptions): ApiClient {
  const base = options.baseUrl ?? '/'
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init))
  const openEvents = options.eventSource ?? ((url: string) => new EventSource(url))
  const retryDelay = options.retryDelayMs ?? liveRetryDelayMs
  const now = options.now ?? (() => Date.now())
  // While a live stream is known to be down, calls get a short deadline: the person at the desk
  // learns in seconds that the save did not go through, and what they typed stays on screen.
  let staleStreams = 0

  async function call(channel: string, input: unknown): Promise<Envelope<unknown>> {
    const { token, locale } = options.meta()
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-locale': locale }
    if (token) headers.authorization = `Bearer ${token}`
    try {
      // Without a deadline a call over a cut cable waits for TCP to give up, minutes later.
      const res = await doFetch(`${base}api/${channel}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(input ?? {}),
        signal: AbortSignal.timeout(staleStreams > 0 ? Math.min(callTimeoutMs(channel), CALL_TIMEOUT_WHILE_STALE_MS) : callTimeoutMs(channel)),
      })
      const body = (await res.json()) as Envelope<unknown>
      if (typeof body === 'object' && body !== null && 'ok' in body) return body
      return { ok: false, code: 'INTERNAL', message: translate(locale, 'app.badResponse') }
    } catch {
      return { ok: false, code: 'OFFLINE', message: translate(locale, 'app.offline') }
    }
  }

  function subscribe(handler: (event: LiveEvent) => void, onStatus?: (connected: boolean) => void) {
    let source: EventSourceLike | null = null
    let timer: ReturnType<typeof setTimeout> | null = null
    let attempts = 0
    let stopped = false
    let open = false
    let lastHeard = now()
    let reported: boolean | null = null
    const report = (connected: boolean) => {
      if (reported === connected) return
      if (!connected) staleStreams += 1
      else if (reported === false) staleStreams -= 1
      reported = connected
      onStatus?.(connected)
    }

    const redial = () => {
      source?.close()
      source = null
      open = false
      if (stopped || timer) return
      attempts += 1
      timer = setTimeout(connect, retryDelay(attempts))
    }

    const connect = () => {
      timer = null
      const { token } = options.meta()
      if (stopped || !token) return
      const current = openEvents(`${base}api/events?token=${encodeURIComponent(token)}`)
      source = current
      open = false
      lastHeard = now()
      const heard = () => {
        if (source === current) lastHeard = now()
      }
      current.onopen = () => {
        if (source !== current) return
        open = true
        attempts = 0
        heard()
        report(true)
      }
      current.onerror = () => {
        if (source !== current) return
        open = false
        report(false)
        // The browser retries by itself while the stream is merely interrupted; a refused
        // stream (401, host restarted without the session) is closed for good, so we retry.
        if (current.readyState === CLOSED) redial()
      }
      current.addEventListener('ping', heard)
      current.addEventListener('change', (ev) => {
        heard()
        try {
          handler(JSON.parse(String(ev.data)) as LiveEvent)
        } catch {
          // A malformed frame is dropped; the next change refreshes the screen anyway.
        }
      })
    }

    // The host pings every few seconds; silence means the cable, the switch or the host is gone
    // even though no socket says so. A dial that does not open in time is abandoned likewise.
    const watch = setInterval(() => {
      if (stopped || !source) return
      const silence = now() - lastHeard
      if (silence > (open ? LIVE_STALE_AFTER_MS : LIVE_CONNECT_TIMEOUT_MS)) {
        report(false)
        redial()
      }
    }, LIVE_WATCH_MS)

    connect()
    return () => {
      stopped = true
      if (reported === false) staleStreams -= 1
      clearInterval(watch)
      if (timer) clearTimeout(timer)
      source?.close()
    }
  }

  return { call, subscribe } as ApiClient
}
