import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { z } from 'zod'
import { contract } from '../../shared/contract'
import type { ErrorCode } from '../../shared/contract/errors'
import type { App } from '../app'
import type { Store } from '../store/open'
import { resolveSession } from '../api/sessions'
import { serveStatic } from './static-files'
import { isDeviceAllowed, isDeviceTokenLive, presentedDeviceToken } from './devices'
import { isWallRequest, openWall } from './wall-access'
import { EventStreams } from './event-streams'
import { HostNames, isAddressedToUs } from './origin-check'
import { clientOf } from './client-address'
import { sendUnpairedPage } from './unpaired-page'
import { isDisplayToken } from '../workshop/display'
import { asLocale, translate } from '../../shared/i18n'
import { LIVE_PING_MS } from '../../shared/live'
import { ATTACHMENT_MAX_BASE64 } from '../../shared/domain/attachments'

export interface HostOptions {
  port: number
  /** 127.0.0.1 unless told otherwise: other workstations need an explicit LAN address. */
  host?: string
  staticDir?: string | null
  log?: (message: string, error?: unknown) => void
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
/** An attachment arrives as base64 in its call: the file's limit plus the envelope around it. */
const MAX_ATTACHMENT_BODY = ATTACHMENT_MAX_BASE64 + 64_000
const bodyLimitOf = (channel: string) =>
  channel.startsWith('parts.import.') ? MAX_IMPORT_BODY : channel === 'attachments.add' ? MAX_ATTACHMENT_BODY : MAX_BODY

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
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_ATTEMPTS: 429,
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

/** A body over the channel's limit: answered 413 with the envelope, then the connection closes. */
class PayloadTooLarge extends Error {
  constructor(readonly limit: number) {
    super('payload too large')
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > limit) {
      req.resume() // drain what the client still sends, so it can read our answer
      return reject(new PayloadTooLarge(limit))
    }
    let size = 0
    let over = false
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => {
      if (over) return
      size += chunk.length
      if (size > limit) {
        over = true
        chunks.length = 0
        reject(new PayloadTooLarge(limit))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1_000_000)} MB`

/** Answers an over-limit body and closes the connection once the answer is out. */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse, limit: number, locale: string | null) {
  const message = translate(asLocale(locale), 'error.PAYLOAD_TOO_LARGE', { max: megabytes(limit) })
  res.shouldKeepAlive = false
  sendJson(res, 413, { ok: false, code: 'PAYLOAD_TOO_LARGE', message })
  // A client that keeps sending for long after the answer is cut off.
  const cut = setTimeout(() => req.socket.destroy(), 5_000)
  cut.unref()
  req.socket.once('close', () => clearTimeout(cut))
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization
  return header?.startsWith('Bearer ') ? header.slice(7) : null
}

/**
 * A browser on another PC opens /pair?code=… once; the cookie then admits it. A code that is not a
 * live pairing code gets the pairing page again, saying so, instead of a cookie that admits nothing.
 */
function pair(store: Store, req: IncomingMessage, res: ServerResponse, url: URL) {
  const code = (url.searchParams.get('code') ?? '').trim()
  if (!/^[A-Za-z0-9_-]{20,}$/.test(code) || !isDeviceTokenLive(store, code)) {
    return sendUnpairedPage(res, req.headers['accept-language'] ?? null, SECURITY_HEADERS, 'pair.wrongCode')
  }
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
  const streams = new EventStreams(app, options.heartbeatMs ?? LIVE_HEARTBEAT_MS)
  const names = new HostNames(host)
  const log = options.log ?? ((message: string, error?: unknown) => console.error(message, error))

  function openEvents(req: IncomingMessage, res: ServerResponse, url: URL) {
    const token = url.searchParams.get('token') ?? bearer(req)
    const now = app.clock.now()
    const found = token ? resolveSession(app.store, token, now) : null
    // The workshop wall display has no user, only a display token (`?display=`).
    const display = url.searchParams.get('display')
    const wall = display !== null && isDisplayToken(app.store, display, now)
    if (!wall && (!token || !found || !('user' in found))) {
      return sendJson(res, 401, { ok: false, code: 'UNAUTHENTICATED', message: 'login required' })
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    })
    res.write('retry: 1000\n: connected\n\n')
    // A stream admitted by a paired device's token ends with that device; loopback needs none.
    const presented = presentedDeviceToken(req)
    const deviceToken = presented !== null && isDeviceTokenLive(app.store, presented) ? presented : null
    streams.add(req, res, wall && display !== null ? { kind: 'display', token: display, deviceToken } : { kind: 'user', token: token!, deviceToken })
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL) {
    const locale = (req.headers['x-locale'] as string | undefined) ?? req.headers['accept-language'] ?? null
    if (url.pathname === '/api/contract' && req.method === 'GET') return sendJson(res, 200, contractDoc)
    if (url.pathname === '/api/events' && req.method === 'GET') return openEvents(req, res, url)
    const channel = url.pathname.slice('/api/'.length)
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, code: 'VALIDATION', message: 'POST only' })
    let input: unknown
    try {
      const text = await readBody(req, bodyLimitOf(channel))
      input = text.length === 0 ? {} : JSON.parse(text)
    } catch (error) {
      if (error instanceof PayloadTooLarge) return refuseTooLarge(req, res, error.limit, locale)
      const message = translate(asLocale(locale), 'validation.badJson')
      return sendJson(res, 400, { ok: false, code: 'VALIDATION', message, details: { fields: [] } })
    }
    const envelope = await app.dispatch(channel, input, { token: bearer(req), locale, client: clientOf(app.store, req) })
    sendJson(res, envelope.ok ? 200 : STATUS[envelope.code], envelope)
  }

  function route(req: IncomingMessage, res: ServerResponse): Promise<void> | void {
    const url = new URL(req.url ?? '/', 'http://host')
    const deviceToken = presentedDeviceToken(req)
    const vouched = deviceToken !== null && isDeviceTokenLive(app.store, deviceToken)
    // /pair only sets a cookie for the name the browser used (harmless to a rebinding page), and a
    // new PC may reach the host through a name only the LAN's DNS or mDNS knows.
    if (!vouched && url.pathname !== '/pair' && !isAddressedToUs(req, names)) {
      const locale = asLocale(req.headers['x-locale'] ?? req.headers['accept-language'])
      return sendJson(res, 403, { ok: false, code: 'FORBIDDEN', message: translate(locale, 'security.notAddressed') })
    }
    // The workshop TV is admitted by its display token alone, for the wall and nothing else.
    if (url.pathname === '/wall' && req.method === 'GET') return openWall(app.store, req, res, url, app.clock.now(), SECURITY_HEADERS)
    if (!vouched && !isDeviceAllowed(app.store, req, host) && !isWallRequest(app.store, req, url, app.clock.now())) {
      if (req.method === 'GET' && !url.pathname.startsWith('/api/')) return sendUnpairedPage(res, req.headers['accept-language'] ?? null, SECURITY_HEADERS)
      return sendJson(res, 403, { ok: false, code: 'FORBIDDEN', message: 'This workstation is not paired with the host' })
    }
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url)
    if (url.pathname === '/pair' && req.method === 'GET') return pair(app.store, req, res, url)
    if (options.staticDir && (req.method === 'GET' || req.method === 'HEAD')) {
      return serveStatic(options.staticDir, req, res, SECURITY_HEADERS)
    }
    res.writeHead(404).end()
  }

  /** No request, however malformed, may take the host down: a bad one gets 400, a fault 500. */
  function fault(req: IncomingMessage, res: ServerResponse, error: unknown) {
    const malformed = error instanceof URIError || (error instanceof TypeError && /URL/i.test(error.message))
    log(`[host] ${malformed ? 'malformed request' : 'request failed'}: ${req.method} ${String(req.url).slice(0, 200)}`, malformed ? undefined : error)
    if (res.headersSent) {
      res.destroy()
      return
    }
    const locale = asLocale(req.headers['x-locale'] ?? req.headers['accept-language'])
    if (malformed) sendJson(res, 400, { ok: false, code: 'VALIDATION', message: translate(locale, 'error.badRequest') })
    else sendJson(res, 500, { ok: false, code: 'INTERNAL', message: translate(locale, 'error.INTERNAL') })
  }

  const server = createServer((req, res) => {
    try {
      const pending = route(req, res)
      if (pending) pending.catch((error: unknown) => fault(req, res, error))
    } catch (error) {
      fault(req, res, error)
    }
  })
  // Bytes that are not HTTP at all: answer 400 if the socket can still take it, and carry on.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code !== 'ECONNRESET' && socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n')
    else socket.destroy()
  })
  server.keepAliveTimeout = 65_000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, host, () => resolve())
  })
  const address = server.address() as AddressInfo
  const shownHost = host.includes(':') ? `[${host}]` : host
  const endpoint = { host, port: address.port }
  app.listening = endpoint
  return {
    server,
    url: `http://${shownHost}:${address.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        if (app.listening === endpoint) app.listening = null
        streams.close()
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
