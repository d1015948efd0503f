import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Store } from '../store/open'
import { isDisplayToken } from '../workshop/display'
import { asLocale, translate } from '../../shared/i18n'

// A workshop TV is not a paired workstation and never will be: it has a browser, a display token
// and nothing else. It opens `/wall?token=<display token>` once (typed or scanned from the QR
// code); that sets a cookie and lands on the wall route. With the cookie, and only while the token
// is live, the host lets it load the app and read what the wall shows — the board through
// `workshop.wall` and the push channel — but no other channel and no user session.

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/

function cookieToken(req: IncomingMessage): string | null {
  const match = /(?:^|;\s*)display=([A-Za-z0-9_-]+)/.exec(req.headers.cookie ?? '')
  return match?.[1] ?? null
}

/** True for the few requests the wall page makes, from a device holding a live display token. */
export function isWallRequest(store: Store, req: IncomingMessage, url: URL, now: Date): boolean {
  const token = (url.pathname === '/api/events' ? url.searchParams.get('display') : null) ?? cookieToken(req)
  if (token === null || !TOKEN.test(token)) return false
  const read = req.method === 'GET' || req.method === 'HEAD'
  const allowed = read ? !url.pathname.startsWith('/api/') || url.pathname === '/api/events' : req.method === 'POST' && url.pathname === '/api/workshop.wall'
  return allowed && isDisplayToken(store, token, now)
}

/** `/wall?token=…`: remembers the token in a cookie and opens the wall route of the app. */
export function openWall(store: Store, req: IncomingMessage, res: ServerResponse, url: URL, now: Date, headers: Record<string, string>): void {
  const token = url.searchParams.get('token') ?? ''
  if (!TOKEN.test(token) || !isDisplayToken(store, token, now)) {
    res.writeHead(401, { ...headers, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
    res.end(translate(asLocale(req.headers['accept-language'] ?? null), 'workshop.displayTokenInvalid'))
    return
  }
  res.writeHead(302, {
    ...headers,
    'cache-control': 'no-store',
    'set-cookie': `display=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=31536000`,
    location: `/#/wall?token=${encodeURIComponent(token)}`,
  })
  res.end()
}
