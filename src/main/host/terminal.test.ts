import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { LiveEvent } from '../../shared/contract/types'
import { translate } from '../../shared/i18n'
import { createApp, type App } from '../app'
import { startHttpHost, type RunningHost } from './http'
import { createTerminalBackend, parseSseBlock, type TerminalBackend } from './terminal'

// A terminal PC against a real host: real store, real dispatcher, real HTTP + SSE on a free port.
let app: App
let host: RunningHost
const terminals: TerminalBackend[] = []
const seenHeaders: Headers[] = []

const recordingFetch: typeof fetch = (input, init) => {
  seenHeaders.push(new Headers(init?.headers))
  return fetch(input, init)
}

function terminal(hostUrl = host.url) {
  const backend = createTerminalBackend({ hostUrl, deviceToken: 'device-token-of-this-pc', fetch: recordingFetch, reconnectMs: 50, log: () => {} })
  terminals.push(backend)
  return backend
}

async function login(backend: TerminalBackend): Promise<string> {
  const answer = await backend.dispatch('auth.login', { username: 'admin', password: 'admin-pass-1' }, { token: null, locale: 'en' })
  if (!answer.ok) throw new Error(answer.message)
  return (answer.data as { token: string }).token
}

beforeAll(async () => {
  app = await createApp({ dataDir: mkdtempSync(join(tmpdir(), 'terminal-host-')) })
  host = await startHttpHost(app, { port: 0, staticDir: null })
  const setup = await createTerminalBackend({ hostUrl: host.url, deviceToken: 't' }).dispatch(
    'setup.initialise',
    { dealerName: '测试4S店', dealerCode: 'T-001', admin: { username: 'admin', displayName: '管理员', password: 'admin-pass-1' } },
    { token: null, locale: 'zh-CN' },
  )
  expect(setup).toMatchObject({ ok: true })
})

afterAll(async () => {
  for (const backend of terminals) backend.close()
  await host.close()
  app.close()
})

describe('terminal mode', () => {
  it('forwards calls to the host and hands back its envelopes', async () => {
    const backend = terminal()
    expect(await backend.dispatch('setup.status', {}, { token: null, locale: 'en' })).toMatchObject({
      ok: true,
      data: { initialised: true, dealerCode: 'T-001' },
    })
    const token = await login(backend)
    expect(await backend.dispatch('auth.me', {}, { token, locale: 'en' })).toMatchObject({ ok: true, data: { username: 'admin' } })
  })

  it('keeps the host’s refusals and their language', async () => {
    const backend = terminal()
    const answer = await backend.dispatch('auth.me', {}, { token: null, locale: 'en' })
    expect(answer).toEqual({ ok: false, code: 'UNAUTHENTICATED', message: translate('en', 'error.UNAUTHENTICATED') })
    const invalid = await backend.dispatch('customers.create', { name: '' }, { token: await login(backend), locale: 'zh-CN' })
    expect(invalid).toMatchObject({ ok: false, code: 'VALIDATION' })
  })

  it('presents the device token and the session on every request', async () => {
    const backend = terminal()
    seenHeaders.length = 0
    const token = await login(backend)
    await backend.dispatch('auth.me', {}, { token, locale: 'en' })
    expect(seenHeaders.length).toBeGreaterThanOrEqual(2)
    for (const headers of seenHeaders) expect(headers.get('x-device-token')).toBe('device-token-of-this-pc')
    expect(seenHeaders.some((h) => h.get('authorization') === `Bearer ${token}`)).toBe(true)
  })

  it('relays the host’s live events once the renderer has a session, and stops on close', async () => {
    const backend = terminal()
    const received: LiveEvent[] = []
    backend.subscribe((event) => received.push(event))
    const token = await login(backend)
    await backend.dispatch('auth.me', {}, { token, locale: 'en' })
    await vi.waitFor(() => expect(backend.streaming).toBe(true))
    const created = await backend.dispatch('customers.create', { name: '张三', mobile: '13800138000' }, { token, locale: 'zh-CN' })
    expect(created).toMatchObject({ ok: true })
    const id = (created as { data: { id: number } }).data.id
    await vi.waitFor(() => expect(received).toContainEqual(expect.objectContaining({ type: 'customer.changed', id })))
    backend.close()
    await vi.waitFor(() => expect(backend.streaming).toBe(false))
  })

  it('stops asking for events with a refused session and starts again after a login', async () => {
    const backend = terminal()
    const withBadSession = () => seenHeaders.filter((h) => h.get('authorization') === 'Bearer not-a-session' && h.get('accept') === 'text/event-stream').length
    await backend.dispatch('auth.me', {}, { token: 'not-a-session', locale: 'en' })
    await vi.waitFor(() => expect(withBadSession()).toBe(1))
    expect(backend.streaming).toBe(false)
    const token = await login(backend)
    await backend.dispatch('auth.me', {}, { token, locale: 'en' })
    await vi.waitFor(() => expect(backend.streaming).toBe(true))
    expect(withBadSession()).toBe(1)
  })

  it('answers OFFLINE (never INTERNAL) in the caller’s language when the host cannot be reached', async () => {
    const backend = terminal('http://127.0.0.1:9/')
    expect(await backend.dispatch('setup.status', {}, { token: null, locale: 'en' })).toEqual({
      ok: false,
      code: 'OFFLINE',
      message: translate('en', 'app.offline'),
    })
  })
})

describe('terminal mode over a link that goes silent', () => {
  it('reports the stream lost when the host stops pinging, and dials again by itself', async () => {
    let dials = 0
    // A host whose stream opens and then says nothing, as over a pulled cable.
    const silentFetch: typeof fetch = async (_input, init) => {
      dials += 1
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(': connected\n\n'))
          init?.signal?.addEventListener('abort', () => controller.error(new Error('aborted')))
        },
      })
      return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } })
    }
    const backend = createTerminalBackend({ hostUrl: 'http://10.0.0.1/', deviceToken: 'd', fetch: silentFetch, staleAfterMs: 150, reconnectMs: 20, log: () => {} })
    terminals.push(backend)
    const statuses: boolean[] = []
    backend.onStatus((connected) => statuses.push(connected))
    void backend.dispatch('auth.me', {}, { token: 'a-session', locale: 'en' })
    await vi.waitFor(() => expect(statuses.slice(0, 3)).toEqual([true, false, true]))
    expect(dials).toBeGreaterThanOrEqual(2)
    backend.close()
  })
})

describe('SSE parsing', () => {
  it('reads change events and skips comments, pings and other event names', () => {
    expect(parseSseBlock('event: change\ndata: {"type":"ro.changed","id":4,"at":"x"}')).toEqual({ type: 'ro.changed', id: 4, at: 'x' })
    expect(parseSseBlock(': ping')).toBeNull()
    expect(parseSseBlock('retry: 1000\n: connected')).toBeNull()
    expect(parseSseBlock('event: other\ndata: {"type":"x"}')).toBeNull()
    expect(parseSseBlock('event: change\ndata: not json')).toBeNull()
  })
})
