import { readFile, stat } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve } from 'node:path'

/**
 * The renderer is served from `app://app/…` rather than `file://`: a standard, secure scheme
 * gives the page a real origin (so CSP `'self'`, storage and the sender check work) and keeps
 * every other file on the disk out of the page's reach.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/** Registered before `ready`, as Electron requires for privileged schemes. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const

/**
 * The page may load only what it ships with. antd's CSS-in-JS injects <style> elements, hence
 * `'unsafe-inline'` for styles only; scripts stay strictly `'self'`. The renderer talks to the
 * main process over IPC, so it needs no network at all.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
}

const BASE_HEADERS = {
  'content-security-policy': APP_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
}

/** True when `url` has the same scheme and host as `base` (origin of custom schemes is opaque in WHATWG URL). */
export function sameOrigin(url: string, base: string): boolean {
  try {
    const a = new URL(url)
    const b = new URL(base)
    return a.protocol === b.protocol && a.host === b.host
  } catch {
    return false
  }
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...BASE_HEADERS, 'content-type': 'text/plain; charset=utf-8' } })
}

/**
 * Resolves a request path inside `root`, or null when it would leave it. Percent-encoded `..`,
 * backslashes and NUL bytes are the ways out that URL normalisation does not already remove.
 */
export function resolveInside(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const target = resolve(root, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`)
  const rel = relative(root, target)
  if (rel.startsWith('..') || isAbsolute(rel)) return null
  return target
}

async function fileSize(path: string): Promise<number | null> {
  try {
    const info = await stat(path)
    return info.isFile() ? info.size : null
  } catch {
    return null
  }
}

/**
 * The `protocol.handle('app', …)` handler: serves the built renderer from `rootDir` with the CSP
 * header. Paths without an extension fall back to index.html so screens can be deep-linked.
 */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  const root = resolve(rootDir)
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed')
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      return plain(400, 'bad url')
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'not found')
    const pathname = url.pathname === '/' ? '/index.html' : url.pathname
    let path = resolveInside(root, pathname)
    if (!path) return plain(403, 'forbidden')
    let size = await fileSize(path)
    if (size === null && extname(path) === '') {
      path = resolve(root, 'index.html')
      size = await fileSize(path)
    }
    if (size === null) return plain(404, 'not found')
    const headers = {
      ...BASE_HEADERS,
      'content-type': TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
      'content-length': String(size),
      'cache-control': 'no-cache',
    }
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers })
    return new Response(new Uint8Array(await readFile(path)), { status: 200, headers })
  }
}
