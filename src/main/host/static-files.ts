import { createReadStream, statSync } from 'node:fs'
import { extname, join, normalize, sep } from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

/** Serves the built renderer; unknown paths get index.html so screens can be deep-linked. */
export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): void {
  const url = new URL(req.url ?? '/', 'http://host')
  const decoded = safeDecode(url.pathname)
  // A malformed %-escape or a NUL is no file of ours: refuse it here rather than let it throw.
  if (decoded === null || decoded.includes('\0')) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad path')
    return
  }
  let path = normalize(join(root, decoded))
  if (!path.startsWith(root + sep) && path !== root) {
    res.writeHead(403).end()
    return
  }
  let stat = safeStat(path)
  if (!stat || stat.isDirectory()) {
    path = join(root, 'index.html')
    stat = safeStat(path)
  }
  if (!stat) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('renderer not built: run `npm run build`')
    return
  }
  // Built assets carry their content hash in the name: cached for good. index.html is revalidated
  // by its ETag, so a new build shows at the next load.
  const immutable = path.includes(`${sep}assets${sep}`)
  const etag = `"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`
  const base = {
    ...headers,
    'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    etag,
    vary: 'Accept-Encoding',
  }
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, base).end()
    return
  }
  // The build wrote .br and .gz beside each text file: send the best the client accepts.
  const encoding = pickEncoding(req.headers['accept-encoding'])
  let body = path
  let size = stat.size
  const extra: Record<string, string> = {}
  for (const [name, suffix] of encoding) {
    const packed = safeStat(`${path}${suffix}`)
    if (packed?.isFile()) {
      body = `${path}${suffix}`
      size = packed.size
      extra['content-encoding'] = name
      break
    }
  }
  res.writeHead(200, { ...base, ...extra, 'content-length': String(size) })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  // A file removed between stat and read must end this answer, not the process.
  createReadStream(body)
    .on('error', () => res.destroy())
    .pipe(res)
}

/** The precompressed variants the client accepts, best first (`q=0` refuses one). */
export function pickEncoding(header: string | string[] | undefined): [string, string][] {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '')
  const accepted = new Map<string, number>()
  for (const part of text.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined)
    if (name) accepted.set(name, q === undefined ? 1 : Number(q))
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0
  const out: [string, string][] = []
  if (ok('br')) out.push(['br', '.br'])
  if (ok('gzip')) out.push(['gzip', '.gz'])
  return out
}

function safeDecode(path: string): string | null {
  try {
    return decodeURIComponent(path)
  } catch {
    return null
  }
}

function safeStat(path: string) {
  try {
    return statSync(path)
  } catch {
    return null
  }
}
