import { describe, expect, it } from 'vitest'
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
})
