import { describe, expect, it, vi } from 'vitest'
import { createHttpClient } from './http-client'

interface FakeSource {
  url: string
  readyState: number
  onopen: ((ev: Event) => unknown) | null
  onerror: ((ev: Event) => unknown) | null
  listeners: Map<string, (ev: MessageEvent) => void>
  addEventListener(type: string, listener: (ev: MessageEvent) => void): void
  close(): void
}

function fakeSources() {
  const opened: FakeSource[] = []
  const open = (url: string) => {
    const source: FakeSource = {
      url,
      readyState: 0,
      onopen: null,
      onerror: null,
      listeners: new Map(),
      addEventListener(type, listener) {
        this.listeners.set(type, listener)
      },
      close() {
        this.readyState = 2
      },
    }
    opened.push(source)
    return source
  }
  return { opened, open }
}

describe('the HTTP client', () => {
  it('posts the input with the session token and language and returns the envelope', async () => {
    const seen: { url: string; init: RequestInit }[] = []
    const api = createHttpClient({
      meta: () => ({ token: 'tok', locale: 'en' }),
      fetch: async (url, init) => {
        seen.push({ url: String(url), init: init ?? {} })
        return new Response(JSON.stringify({ ok: true, data: { initialised: true } }))
      },
    })
    const result = await api.call('setup.status', {})
    expect(result).toEqual({ ok: true, data: { initialised: true } })
    expect(seen[0]?.url).toBe('/api/setup.status')
    expect(seen[0]?.init.headers).toMatchObject({ authorization: 'Bearer tok', 'x-locale': 'en' })
  })

  it('turns a network failure into an envelope with a message in the person\'s language', async () => {
    const api = createHttpClient({
      meta: () => ({ token: null, locale: 'zh-CN' }),
      fetch: async () => {
        throw new TypeError('Failed to fetch')
      },
    })
    const result = await api.call('setup.status', {})
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toBe('无法连接到主机，请检查网络后重试')
  })

  it('streams live events, reports the connection and reconnects after the host refuses the stream', async () => {
    const { opened, open } = fakeSources()
    const statuses: boolean[] = []
    const events: unknown[] = []
    const api = createHttpClient({ meta: () => ({ token: 'a b', locale: 'zh-CN' }), eventSource: open, retryDelayMs: () => 0 })
    const stop = api.subscribe((e) => events.push(e), (connected) => statuses.push(connected))
    const first = opened[0]!
    expect(first.url).toBe('/api/events?token=a%20b')
    first.onopen?.(new Event('open'))
    first.listeners.get('change')?.(new MessageEvent('change', { data: JSON.stringify({ type: 'ro.changed', id: 3, at: 'x' }) }))
    first.readyState = 2
    first.onerror?.(new Event('error'))
    await new Promise((done) => setTimeout(done, 5))
    expect(opened).toHaveLength(2)
    expect(statuses).toEqual([true, false])
    expect(events).toEqual([{ type: 'ro.changed', id: 3, at: 'x' }])
    stop()
    expect(opened[1]!.readyState).toBe(2)
  })

  it('calls a silent stream stale after a few missed pings, drops it and dials again', async () => {
    const { opened, open } = fakeSources()
    const statuses: boolean[] = []
    let clock = 0
    const api = createHttpClient({ meta: () => ({ token: 't', locale: 'en' }), eventSource: open, retryDelayMs: () => 0, now: () => clock })
    const stop = api.subscribe(() => {}, (connected) => statuses.push(connected))
    const first = opened[0]!
    first.onopen?.(new Event('open'))
    clock = 2_000
    first.listeners.get('ping')?.(new MessageEvent('ping', { data: '{}' }))
    // A cut cable: the socket stays "open", but nothing arrives any more.
    clock = 4_000
    await new Promise((done) => setTimeout(done, 700))
    expect(statuses).toEqual([true])
    clock = 4_600
    await vi.waitFor(() => expect(opened).toHaveLength(2))
    expect(statuses).toEqual([true, false])
    expect(first.readyState).toBe(2)
    opened[1]!.onopen?.(new Event('open'))
    expect(statuses).toEqual([true, false, true])
    stop()
  })

  it('gives calls a short deadline while the stream is known to be down, and answers OFFLINE', async () => {
    const { opened, open } = fakeSources()
    const signals: AbortSignal[] = []
    const api = createHttpClient({
      meta: () => ({ token: 't', locale: 'en' }),
      eventSource: open,
      retryDelayMs: () => 60_000,
      fetch: (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          signals.push(init!.signal!)
          init!.signal!.addEventListener('abort', () => reject(new DOMException('timeout', 'TimeoutError')))
        }),
    })
    const stop = api.subscribe(() => {})
    opened[0]!.readyState = 2
    opened[0]!.onerror?.(new Event('error'))
    const started = Date.now()
    const result = await api.call('auth.me', {})
    expect(result).toMatchObject({ ok: false, code: 'OFFLINE', message: 'Cannot reach the host. Check the network and try again' })
    expect(Date.now() - started).toBeLessThan(6_500)
    stop()
  }, 10_000)
})
