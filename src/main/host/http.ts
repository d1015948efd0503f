import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { z } from 'zod'
import { contract } from '../../shared/contract'
import type { ErrorCode } from '../../shared/contract/errors'
import type { App } from '../app'
import { resolveSession } from '../auth/sessions'
import { serveStatic } from './static-files'
import { isDeviceAllowed } from './devices'
import { sendUnpairedPage } from './unpaired-page'
import { isDisplayToken } from '../workshop/display'
import { asLocale, translate } from '../../shared/i18n'
import { LIVE_PING_MS } from '../../shared/live'

export interface HostOptions {
  port: number
  /** 127.0.0.1 unless told otherwise: other workstations need an explicit LAN address. */
  host?: string
  staticDir?: string | null
  /** How often each live stream gets a `ping` event; clients call a stream stale after a few missed. */
  heartbeatMs?: number
}

export interface RunningHost {
  server: Server
  url: string
  close(): Promise<void>
}

const MAX_BODY = 1_000_000
/** Clients treat a stream as stale after LIVE_STALE_AFTER_MS without a frame (src/shared/live.ts). */
const LIVE_HEARTBEAT_MS = LIVE_PING_MS
/** Price lists arrive whole (a 50k-line list is a few MB); every other call stays small. */
const MAX_IMPORT_BODY = 48_000_000
const bodyLimitOf = (channel: string) => (channel.startsWith('parts.import.') ? MAX_IMPORT_BODY : MAX_BODY)

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  BAD_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNKNOWN_CHANNEL: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  ALREADY_INITIALISED: 409,
  NOT_INITIALISED: 409,
  INSUFFICIENT_STOCK: 422,
  INVALID_STATE: 422,
  INTERNAL: 500,
  OFFLINE: 503,
}

const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
}

/** The whole contract described for other workstations, tools and tests. */
export function describeContract() {
  return {
    channels: Object.entries(contract).map(([name, spec]) => ({
      name,
      kind: spec.kind,
      permission: spec.access,
      input: z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }),
    })),
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body)
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(text)
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        reject(new Error('too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization
  return header?.startsWith('Bearer ') ? header.slice(7) : null
}

/** A browser on another PC opens /pair?code=… once; the cookie then admits it. */
function pair(_req: IncomingMessage, res: ServerResponse, url: URL) {
  const code = (url.searchParams.get('code') ?? '').trim()
  if (!/^[A-Za-z0-9_-]{20,}$/.test(code)) return sendJson(res, 400, { ok: false, code: 'VALIDATION', message: 'bad pairing code' })
  res.writeHead(302, {
    ...SECURITY_HEADERS,
    'set-cookie': `device=${code}; HttpOnly; SameSite=Strict; Path=/; Max-Age=31536000`,
    location: '/',
  })
  res.end()
}

export async function startHttpHost(app: App, options: HostOptions): Promise<RunningHost> {
  const host = options.host ?? '127.0.0.1'
  const contractDoc = describeContract()
  const streams = new Set<ServerResponse>()

  const unsubscribe = app.hub.subscribe((event) => {
    const frame = `event: change\ndata: ${JSON.stringify(event)}\n\n`
    for (const res of streams) res.write(frame)
  })
  // A named event, not an SSE comment: a browser's EventSource never shows comments to the page,
  // and a cut cable closes nothing, so the pings are how a workstation notices within seconds.
  const heartbeat = setInterval(() => {
    for (const res of streams) res.write('event: ping\ndata: {}\n\n')
  }, options.heartbeatMs ?? LIVE_HEARTBEAT_MS)
  heartbeat.unref()

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL) {
    const locale = (req.headers['x-locale'] as string | undefined) ?? req.headers['accept-language'] ?? null
    if (url.pathname === '/api/contract' && req.method === 'GET') return sendJson(res, 200, contractDoc)
    if (url.pathname === '/api/events' && req.method === 'GET') {
      const token = url.searchParams.get('token') ?? bearer(req)
      const found = token ? resolveSession(app.store, token, app.clock.now()) : null
      // The workshop wall display has no user, only a display token (`?display=`).
      const display = url.searchParams.get('display')
      const wall = display !== null && isDisplayToken(app.store, display, app.clock.now())
      if (!wall && (!found || !('user' in found))) {
        return sendJson(res, 401, { ok: false, code: 'UNAUTHENTICATED', message: 'login required' })
      }
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      })
      res.write('retry: 1000\n: connected\n\n')
      streams.add(res)
      req.on('close', () => streams.delete(res))
      return
    }
    const channel = url.pathname.slice('/api/'.length)
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, code: 'VALIDATION', message: 'POST only' })
    let input: unknown
    try {
      const text = await readBody(req, bodyLimitOf(channel))
      input = text.length === 0 ? {} : JSON.parse(text)
    } catch {
      const message = translate(asLocale(locale), 'validation.badJson')
      return sendJson(res, 400, { ok: false, code: 'VALIDATION', message, details: { fields: [] } })
    }
    const envelope = await app.dispatch(channel, input, { token: bearer(req), locale })
    sendJson(res, envelope.ok ? 200 : STATUS[envelope.code], envelope)
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://host')
    if (!isDeviceAllowed(app.store, req, host)) {
      if (req.method === 'GET' && !url.pathname.startsWith('/api/')) return sendUnpairedPage(res, req.headers['accept-language'] ?? null, SECURITY_HEADERS)
      return sendJson(res, 403, { ok: false, code: 'FORBIDDEN', message: 'This workstation is not paired with the host' })
    }
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, url).catch((error: unknown) => {
        console.error('[host] request failed', error)
        if (!res.headersSent) sendJson(res, 500, { ok: false, code: 'INTERNAL', message: 'internal error' })
      })
      return
    }
    if (url.pathname === '/pair' && req.method === 'GET') return pair(req, res, url)
    if (options.staticDir && (req.method === 'GET' || req.method === 'HEAD')) {
      return serveStatic(options.staticDir, req, res, SECURITY_HEADERS)
    }
    res.writeHead(404).end()
  })
  server.keepAliveTimeout = 65_000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, host, () => resolve())
  })
  const address = server.address() as AddressInfo
  const shownHost = host.includes(':') ? `[${host}]` : host
  return {
    server,
    url: `http://${shownHost}:${address.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe()
        clearInterval(heartbeat)
        for (const res of streams) res.end()
        streams.clear()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
