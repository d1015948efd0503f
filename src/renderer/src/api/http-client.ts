import type { ApiClient, Envelope, LiveEvent } from '../../../shared/contract'
import { translate } from '../../../shared/i18n'
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
}

const CLOSED = 2

/**
 * The browser transport: `POST /api/<channel>` for calls, an EventSource for live events. A
 * network failure becomes an envelope too, so screens handle one shape of failure.
 */
export function createHttpClient(options: HttpClientOptions): ApiClient {
  const base = options.baseUrl ?? '/'
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init))
  const openEvents = options.eventSource ?? ((url: string) => new EventSource(url))
  const retryDelay = options.retryDelayMs ?? ((n: number) => Math.min(15_000, 500 * 2 ** Math.min(n, 5)))

  async function call(channel: string, input: unknown): Promise<Envelope<unknown>> {
    const { token, locale } = options.meta()
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-locale': locale }
    if (token) headers.authorization = `Bearer ${token}`
    try {
      const res = await doFetch(`${base}api/${channel}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) })
      const body = (await res.json()) as Envelope<unknown>
      if (typeof body === 'object' && body !== null && 'ok' in body) return body
      return { ok: false, code: 'INTERNAL', message: translate(locale, 'app.badResponse') }
    } catch {
      return { ok: false, code: 'INTERNAL', message: translate(locale, 'app.offline') }
    }
  }

  function subscribe(handler: (event: LiveEvent) => void, onStatus?: (connected: boolean) => void) {
    let source: EventSourceLike | null = null
    let timer: ReturnType<typeof setTimeout> | null = null
    let attempts = 0
    let stopped = false

    const connect = () => {
      const { token } = options.meta()
      if (stopped || !token) return
      source = openEvents(`${base}api/events?token=${encodeURIComponent(token)}`)
      source.onopen = () => {
        attempts = 0
        onStatus?.(true)
      }
      source.onerror = () => {
        onStatus?.(false)
        // The browser retries by itself while the stream is merely interrupted; a refused
        // stream (401, host restarted without the session) is closed for good, so we retry.
        if (source && source.readyState === CLOSED && !stopped) {
          source.close()
          attempts += 1
          timer = setTimeout(connect, retryDelay(attempts))
        }
      }
      source.addEventListener('change', (ev) => {
        try {
          handler(JSON.parse(String(ev.data)) as LiveEvent)
        } catch {
          // A malformed frame is dropped; the next change refreshes the screen anyway.
        }
      })
    }
    connect()
    return () => {
      stopped = true
      if (timer) clearTimeout(timer)
      source?.close()
    }
  }

  return { call, subscribe } as ApiClient
}
